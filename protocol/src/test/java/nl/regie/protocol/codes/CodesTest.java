package nl.regie.protocol.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CodesTest {

  @Test
  void theCbsListHasEveryGemeenteOf2026() {
    assertEquals(342, Gemeenten.all().size());
    assertEquals("Venlo", Gemeenten.find("0983").orElseThrow().naam());
    assertEquals("Groningen", Gemeenten.find("0014").orElseThrow().naam());
    assertFalse(Gemeenten.exists("9999"));
    assertFalse(Gemeenten.exists(null));
  }

  @Test
  void codesReadBackFromTheirListOnly() {
    assertEquals(Eenheid.STUKS_OUTPUT, Eenheid.of("82"));
    assertEquals(Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR, Frequentie.of("6"));
    assertTrue(RedenBeeindiging.of("20").isTijdelijk());
    assertFalse(RedenBeeindiging.of("19").isTijdelijk());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Eenheid.of("02"));
    assertEquals("'02' is not a code of Eenheid", e.getMessage());
  }

  @Test
  void aProductcodeBelongsToTheCategoryOfItsFirstTwoDigits() {
    assertEquals(Productcategorie.BEGELEIDING, Productcategorie.ofProductcode("02A02").orElseThrow());
    assertEquals(Productcategorie.BESCHERMD_WONEN, Productcategorie.ofProductcode("15A76").orElseThrow());
    assertTrue(Productcategorie.ofProductcode("99A01").isEmpty());
  }
}
