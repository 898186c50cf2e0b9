package nl.regie.protocol.iwmo.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.Voorbeelden;
import nl.regie.protocol.iwmo.bericht.Bericht;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.bericht.Wmo315;
import nl.regie.protocol.iwmo.bericht.Wmo317;
import nl.regie.protocol.iwmo.bericht.Wmo319;
import nl.regie.protocol.iwmo.bericht.Wmo323;
import nl.regie.protocol.iwmo.bouw.Retouren;
import nl.regie.protocol.iwmo.bouw.Retourgegevens;
import nl.regie.protocol.iwmo.xml.IwmoSchemas;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JSON examples in {@code src/test/resources/iwmo/json/} document the JSON form of every
 * bericht. This test keeps them true: each reads to the bericht it claims (the official sample, or
 * a retour built from one), writes back to the same JSON, and converts to XML that validates.
 * Run with {@code -Diwmo.json.schrijf=true} to regenerate them after a deliberate change.
 */
class JsonVoorbeeldenTest {

  static final Retourgegevens GEGEVENS = Retourgegevens.van("R-2023-0001", LocalDate.of(2023, 8, 15));

  static Bericht verwacht(Berichtsoort soort) {
    if (Voorbeelden.MET_VOORBEELD.contains(soort)) return IwmoXml.parse(Voorbeelden.voorbeeld(soort));
    return switch (soort) {
      case WMO302 -> Retouren.wmo302(heen(Berichtsoort.WMO301, Wmo301.class),
          Retourcodes.van(Wmo301.toegewezenProduct(0), Retourcode.R9332), GEGEVENS);
      case WMO316 -> Retouren.wmo316(heen(Berichtsoort.WMO315, Wmo315.class),
          Retourcodes.van(Wmo315.aangevraagdProduct(1), Retourcode.S329), GEGEVENS);
      case WMO318 -> Retouren.wmo318(heen(Berichtsoort.WMO317, Wmo317.class),
          Retourcodes.van(Wmo317.teWijzigenProduct(0), Retourcode.R9351), GEGEVENS);
      case WMO320 -> Retouren.wmo320(heen(Berichtsoort.WMO319, Wmo319.class), Retourcodes.GEEN, GEGEVENS);
      case WMO325 -> Retouren.wmo325(heen(Berichtsoort.WMO323, Wmo323.class),
          Retourcodes.van(Wmo323.prestatie(1, 1), Retourcode.R9307), GEGEVENS);
      default -> throw new IllegalArgumentException(soort.name());
    };
  }

  private static <T extends Bericht> T heen(Berichtsoort soort, Class<T> type) {
    return IwmoXml.parse(Voorbeelden.voorbeeld(soort), type);
  }

  @ParameterizedTest
  @EnumSource(Berichtsoort.class)
  void theExampleIsTheBerichtItClaims(Berichtsoort soort) throws IOException {
    Bericht bericht = verwacht(soort);
    String resource = "/iwmo/json/" + soort.name() + ".json";
    if (Boolean.getBoolean("iwmo.json.schrijf")) {
      Path bestand = Path.of("src/test/resources" + resource);
      Files.writeString(bestand, IwmoJson.writePretty(bericht) + "\n", StandardCharsets.UTF_8);
    }
    String json = Voorbeelden.resourceTekst(resource);
    Bericht gelezen = IwmoJson.parse(json);
    assertEquals(bericht, gelezen);
    JsonNode bestandBoom = IwmoJson.mapper().readTree(json);
    JsonNode geschrevenBoom = IwmoJson.mapper().readTree(IwmoJson.write(gelezen));
    assertEquals(bestandBoom, geschrevenBoom);
    assertEquals(List.of(), IwmoSchemas.validate(soort, IwmoXml.write(gelezen)));
  }
}
