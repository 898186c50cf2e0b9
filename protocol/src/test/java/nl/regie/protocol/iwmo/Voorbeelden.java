package nl.regie.protocol.iwmo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;

/** The official iWmo 3.2 samples, copied into the test resources, and other test files. */
public final class Voorbeelden {

  /** The soorten that have an official sample. */
  public static final List<Berichtsoort> MET_VOORBEELD =
      List.of(
          Berichtsoort.WMO301,
          Berichtsoort.WMO305,
          Berichtsoort.WMO306,
          Berichtsoort.WMO307,
          Berichtsoort.WMO308,
          Berichtsoort.WMO315,
          Berichtsoort.WMO317,
          Berichtsoort.WMO319,
          Berichtsoort.WMO323);

  private Voorbeelden() {}

  public static byte[] voorbeeld(Berichtsoort soort) {
    return bytes("/iwmo/examples/" + soort.name() + ".xml");
  }

  public static String tekst(Berichtsoort soort) {
    return new String(voorbeeld(soort), StandardCharsets.UTF_8);
  }

  public static byte[] bytes(String resource) {
    try (InputStream in = Voorbeelden.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalArgumentException("no test resource " + resource);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String resourceTekst(String resource) {
    return new String(bytes(resource), StandardCharsets.UTF_8);
  }
}
