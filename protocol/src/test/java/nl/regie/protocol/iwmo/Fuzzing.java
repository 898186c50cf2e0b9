package nl.regie.protocol.iwmo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Stream;
import nl.regie.protocol.iwmo.bericht.Bericht;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Heenbericht;
import nl.regie.protocol.iwmo.bericht.Retourbericht;
import nl.regie.protocol.iwmo.bouw.Retouren;
import nl.regie.protocol.iwmo.bouw.Retourgegevens;
import nl.regie.protocol.iwmo.json.IwmoJson;
import nl.regie.protocol.iwmo.regels.Beoordeling;
import nl.regie.protocol.iwmo.regels.StatelozeRegels;
import nl.regie.protocol.iwmo.xml.IwmoXml;

/**
 * What the fuzz tests over the iWmo intake share: where they start (one valid bericht of every
 * soort, so that the fuzzer mutates berichten that pass the schema and reach the rules rather than
 * discovering XML from nothing), and what must hold for every bericht that was read.
 */
public final class Fuzzing {

  /** The receiver's clock for the rules: a fixed day, so that a finding replays the same. */
  public static final Clock KLOK = Clock.fixed(Instant.parse("2025-06-02T10:00:00Z"), ZoneOffset.UTC);

  public static final StatelozeRegels REGELS = StatelozeRegels.standaard(KLOK);

  private Fuzzing() {}

  /** Every soort as iWmo XML: the official sample where there is one, else its JSON example written as XML. */
  public static Stream<byte[]> xmlSeeds() {
    return Arrays.stream(Berichtsoort.values()).map(soort -> Voorbeelden.MET_VOORBEELD.contains(soort)
        ? Voorbeelden.voorbeeld(soort)
        : IwmoXml.write(IwmoJson.parse(json(soort))));
  }

  /** Every soort as the JSON examples have it. */
  public static Stream<byte[]> jsonSeeds() {
    return Arrays.stream(Berichtsoort.values()).map(soort -> json(soort).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A bericht that was read, in either form, writes to XML and to JSON that read back as the same
   * bericht: the server turns one into the other for the audit trail and its retours.
   */
  public static void assertReadsBackBothWays(Bericht bericht) {
    assertEquals(bericht, IwmoXml.parse(IwmoXml.write(bericht)), "XML written from a bericht reads back the same");
    assertEquals(bericht, IwmoJson.parse(IwmoJson.write(bericht)), "JSON written from a bericht reads back the same");
  }

  /**
   * A schema-valid heenbericht is judged by the stateless rules, the same each time, and answered
   * with a retourbericht that meets its schema, whatever the verdict: what the intake does with it.
   */
  public static void assertJudgedAndAnswered(Heenbericht heen) {
    Beoordeling beoordeling = REGELS.beoordeel(heen);
    assertEquals(beoordeling, REGELS.beoordeel(heen), "the verdict depends on the bericht only");
    Retourbericht retour = Retouren.retour(heen, beoordeling.retourcodes(), Retourgegevens.van("FUZZ1", LocalDate.now(KLOK)));
    assertEquals(retour, IwmoXml.parse(IwmoXml.write(retour)), "the retour meets its schema and reads back");
  }

  private static String json(Berichtsoort soort) {
    return Voorbeelden.resourceTekst("/iwmo/json/" + soort.name() + ".json");
  }
}
