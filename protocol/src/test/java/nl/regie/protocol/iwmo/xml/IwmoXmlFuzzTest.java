package nl.regie.protocol.iwmo.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import nl.regie.protocol.iwmo.Fuzzing;
import nl.regie.protocol.iwmo.bericht.Bericht;
import nl.regie.protocol.iwmo.bericht.Heenbericht;
import nl.regie.protocol.iwmo.regels.Ontvangst;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any document at all, fuzzed from the samples of every soort: {@link IwmoXml#parse} gives a
 * bericht or throws {@link IwmoXmlException} with its problems, nothing else (no NPE, no
 * ClassCastException, no StackOverflowError, no runaway memory, no hang); {@code
 * StatelozeRegels.ontvang} agrees with it, and what it reads is judged and answered (see {@link
 * Fuzzing}).
 *
 * <p>In {@code verify} the fuzz execution (root pom) runs the seeds and {@code
 * IwmoXmlFuzzTestInputs}, then lets Jazzer fuzz it for a bounded time.
 */
class IwmoXmlFuzzTest {

  static Stream<byte[]> berichten() {
    return Fuzzing.xmlSeeds();
  }

  @MethodSource("berichten")
  @DictionaryEntries({"<!DOCTYPE", "<!ENTITY", "<![CDATA[", "]]>", "&#0;", "&amp;", "xmlns:", "xsi:nil=\"true\"",
      "24:00:00", "-0001-01-01", "10000", "+01:00", ".999999999"})
  @FuzzTest
  void readsOrRefusesAnyDocument(byte[] xml) {
    Bericht bericht;
    try {
      bericht = IwmoXml.parse(xml);
    } catch (IwmoXmlException refused) {
      assertFalse(refused.problemen().isEmpty(), "a refusal says why");
      Ontvangst ontvangst = Fuzzing.REGELS.ontvang(xml);
      assertNull(ontvangst.bericht());
      assertTrue(ontvangst.beoordeling().isTechnischAfgekeurd(), "an unreadable document is rejected whole (0001)");
      return;
    }
    Fuzzing.assertReadsBackBothWays(bericht);
    Ontvangst ontvangst = Fuzzing.REGELS.ontvang(xml);
    if (bericht instanceof Heenbericht heen) {
      assertEquals(heen, ontvangst.bericht());
      assertEquals(Fuzzing.REGELS.beoordeel(heen), ontvangst.beoordeling());
      Fuzzing.assertJudgedAndAnswered(heen);
    } else {
      assertNull(ontvangst.bericht(), "the rules are for heenberichten");
      assertTrue(ontvangst.beoordeling().isTechnischAfgekeurd());
    }
  }
}
