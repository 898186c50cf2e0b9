package nl.regie.protocol.iwmo.bericht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.json.IwmoJson;
import org.junit.jupiter.api.Test;

class KlassepadTest {

  @Test
  void pathsReadAsTheyAreWritten() {
    for (Klassepad pad : List.of(
        Klassepad.HEADER, Klassepad.CLIENT, Wmo305.startProduct(1), Wmo301.relatieContact(2), Wmo317.nieuwProduct(0),
        Wmo323.client(0), Wmo323.prestatie(3, 4), Klassepad.ANTWOORD)) {
      assertEquals(pad, Klassepad.valueOf(pad.toString()), pad.toString());
    }
    assertEquals("Client/StartProduct[1]", Wmo305.startProduct(1).toString());
    assertEquals("Client/Relatie[2]/Contact", Wmo301.relatieContact(2).toString().replace("[0]", ""));
    assertEquals("Declaratie/Client[0]/Prestatie[2]", Wmo323.prestatie(0, 2).toString());
    assertEquals(Klassepad.CLIENT, Klassepad.valueOf("Client[0]"));
    assertThrows(IllegalArgumentException.class, () -> Klassepad.valueOf("Client/Onzin"));
    assertThrows(IllegalArgumentException.class, () -> Klassepad.valueOf("Client//StartProduct"));
  }

  @Test
  void pathsSortInDocumentOrderAndKnowTheirAncestors() {
    assertTrue(Klassepad.HEADER.compareTo(Klassepad.CLIENT) < 0);
    assertTrue(Klassepad.CLIENT.compareTo(Wmo305.startProduct(0)) < 0);
    assertTrue(Wmo305.startProduct(1).compareTo(Wmo305.startProduct(10)) < 0);
    assertTrue(Wmo323.prestatie(1, 0).ligtOnder(Wmo323.client(1)));
    assertFalse(Wmo323.prestatie(1, 0).ligtOnder(Wmo323.client(0)));
    assertEquals(Wmo323.client(1), Wmo323.prestatie(1, 0).ouder().orElseThrow());
    assertEquals(Berichtklasse.PRESTATIE, Wmo323.prestatie(1, 0).klasse());
  }

  @Test
  void retourcodesMergeWithoutRepeatsAndKnowRejections() {
    Retourcodes a = Retourcodes.van(Wmo305.startProduct(0), Retourcode.R9019);
    Retourcodes b = Retourcodes.van(Wmo305.startProduct(0), Retourcode.R9019, Retourcode.R9074).met(Klassepad.CLIENT, Retourcode.R0200);
    Retourcodes samen = a.samen(b);
    assertEquals(List.of(Retourcode.R9019, Retourcode.R9074), samen.van(Wmo305.startProduct(0)));
    assertEquals(List.of(Wmo305.startProduct(0)), List.copyOf(samen.afgekeurd()));
    assertTrue(samen.heeftAfkeurOnder(Klassepad.CLIENT));
    assertFalse(samen.isTechnischAfgekeurd());
    assertTrue(Retourcodes.van(Klassepad.HEADER, Retourcode.R0001).isTechnischAfgekeurd());
    assertEquals(List.of(), Retourcodes.GEEN.van(Klassepad.HEADER));
  }

  @Test
  void retourcodesAreAJsonObjectKeyedByPath() throws Exception {
    Retourcodes codes = Retourcodes.van(Wmo305.startProduct(1), Retourcode.S329).met(Klassepad.HEADER, Retourcode.R0200);
    String json = IwmoJson.mapper().writeValueAsString(codes);
    assertEquals("{\"Header\":[\"0200\"],\"Client/StartProduct[1]\":[\"S329\"]}", json);
    assertEquals(codes, IwmoJson.mapper().readValue(json, Retourcodes.class));
    assertEquals(Retourcodes.GEEN, Retourcodes.van((Map<Klassepad, List<Retourcode>>) null));
  }
}
