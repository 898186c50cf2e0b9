package nl.regie.protocol.iwmo.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.regie.protocol.iwmo.Voorbeelden;
import nl.regie.protocol.iwmo.bericht.Bericht;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Wmo305;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IwmoJsonTest {

  static List<Berichtsoort> voorbeelden() {
    return Voorbeelden.MET_VOORBEELD;
  }

  @ParameterizedTest
  @MethodSource("voorbeelden")
  void xmlToJsonToXmlGivesTheSameBericht(Berichtsoort soort) {
    Bericht uitXml = IwmoXml.parse(Voorbeelden.voorbeeld(soort));
    String json = IwmoJson.write(uitXml);
    Bericht uitJson = IwmoJson.parse(json);
    assertEquals(uitXml, uitJson);
    assertEquals(uitXml, IwmoXml.parse(IwmoXml.write(uitJson)));
  }

  @Test
  void jsonUsesIwmoNamesCodesAndIsoDates() {
    String json = IwmoJson.write(IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO305)));
    assertTrue(json.startsWith("{\"berichtsoort\":\"WMO305\""), json);
    assertTrue(json.contains("\"toewijzingNummer\":300201"), json);
    assertTrue(json.contains("\"begindatum\":\"2025-04-03\""), json);
    assertTrue(json.contains("\"statusAanlevering\":\"1\""), json);
    assertTrue(json.contains("\"categorie\":\"01\""), json);
    assertFalse(json.contains("null"), json);
    assertFalse(json.contains("retourcodes"), json);
  }

  @Test
  void retourcodesAreAnObjectFromKlassepadToCodes() {
    String json = IwmoJson.write(IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO306)));
    assertTrue(json.contains("\"retourcodes\":{\"Header\":[\"8848\"]}"), json);
  }

  @Test
  void aTypedReadAndBadInputFailClearly() {
    String json = IwmoJson.write(IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO305)));
    assertEquals(Berichtsoort.WMO305, IwmoJson.parse(json, Wmo305.class).soort());
    assertThrows(IllegalArgumentException.class, () -> IwmoJson.parse(json.replace("\"statusAanlevering\":\"1\"", "\"statusAanlevering\":\"7\"")));
    assertThrows(IllegalArgumentException.class, () -> IwmoJson.parse(json.replace("\"bsn\"", "\"bsnummer\"")));
    assertThrows(IllegalArgumentException.class, () -> IwmoJson.parse("{\"berichtsoort\":\"WMO999\"}"));
    assertThrows(IllegalArgumentException.class, () -> IwmoJson.parse(json.replace(",\"begindatum\":\"2025-04-03\"", "")));
  }

  @Test
  void onlyOneBerichtIsABericht() {
    String json = IwmoJson.write(IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO305)));
    assertThrows(IllegalArgumentException.class, () -> IwmoJson.parse("null"));
    assertThrows(IllegalArgumentException.class, () -> IwmoJson.parse(" null\u0000x"));
    assertThrows(IllegalArgumentException.class, () -> IwmoJson.parse("null", Wmo305.class));
    assertThrows(IllegalArgumentException.class, () -> IwmoJson.parse(json + " {}"));
    assertThrows(IllegalArgumentException.class, () -> IwmoJson.parse(json + json));
    assertEquals(Berichtsoort.WMO305, IwmoJson.parse(json + " \n").soort());
  }
}
