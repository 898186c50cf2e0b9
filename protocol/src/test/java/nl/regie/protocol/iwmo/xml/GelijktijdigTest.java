package nl.regie.protocol.iwmo.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.regie.protocol.iwmo.Voorbeelden;
import nl.regie.protocol.iwmo.bericht.Bericht;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import org.junit.jupiter.api.Test;

/** Schemas are compiled once and shared; reading, writing and validating work from many threads. */
class GelijktijdigTest {

  @Test
  void schemasAreCompiledOnce() {
    assertSame(IwmoSchemas.schema(Berichtsoort.WMO305), IwmoSchemas.schema(Berichtsoort.WMO305));
  }

  @Test
  void manyThreadsGetTheSameAnswers() throws Exception {
    List<Berichtsoort> soorten = Voorbeelden.MET_VOORBEELD;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> uitkomsten = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        Berichtsoort soort = soorten.get(i % soorten.size());
        boolean fout = i % 3 == 0;
        uitkomsten.add(pool.submit(() -> {
          byte[] xml = Voorbeelden.voorbeeld(soort);
          if (fout) {
            return !IwmoSchemas.validate(soort == Berichtsoort.WMO301 ? Berichtsoort.WMO305 : Berichtsoort.WMO301, xml).isEmpty();
          }
          Bericht b = IwmoXml.parse(xml);
          return IwmoSchemas.validate(soort, xml).isEmpty() && b.equals(IwmoXml.parse(IwmoXml.write(b)));
        }));
      }
      for (Future<Boolean> u : uitkomsten) assertEquals(true, u.get());
    } finally {
      pool.shutdownNow();
    }
  }
}
