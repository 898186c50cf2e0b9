package nl.regie.protocol.regeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Noord-Limburg catalogue and its stacking rules, against seed 002. */
class NoordLimburgTest {

  private final Regeling regeling = Regelingen.shipped().find("wmo-noord-limburg").orElseThrow();

  @ParameterizedTest(name = "{0} + {1} → {2}")
  @CsvSource({
    "02A02, 07A02, true", // 1A1 + 1A2
    "02A02, 01B04, true", // 1A1 + 3A
    "02A02, 04A01, true", // 1A1 + logeren
    "02A02, 10B01, false", // 1A1 + 1B
    "02A02, 08V02, false", // 1A1 + vervoer
    "07A02, 08V03, true", // 1A2 + vervoer (verplicht leveren indien geïndiceerd)
    "07A02, 04A01, false", // 1A2 says wel logeren, logeren says niet 1A2: niet wins
    "10B01, 01B04, true", // 1B + 3A
    "10B02, 10A06, false", // 2A + 2B
    "10A06, 08V04, true", // 2B + vervoer
    "01B04, 08V02, false", // 3A + vervoer
    "02A02, 02C02, true", // same segment
  })
  void stacksAsTheHandboekSays(String a, String b, boolean allowed) {
    Product first = regeling.product(a).orElseThrow();
    Product second = regeling.product(b).orElseThrow();
    assertEquals(allowed, regeling.stapelconflict(List.of(first, second)).isEmpty());
  }

  @Test
  void meerwerk1AIsNoLongerAssignedFrom2024() {
    Product meerwerk = regeling.product("02M02").orElseThrow();
    assertTrue(meerwerk.geldigOp(LocalDate.parse("2023-12-31")));
    assertFalse(meerwerk.geldigOp(LocalDate.parse("2024-01-01")));
  }

  @Test
  void aConflictNamesBothProducts() {
    String conflict = regeling.stapelconflict(List.of(regeling.product("02A02").orElseThrow(), regeling.product("10B01").orElseThrow())).orElseThrow();
    assertTrue(conflict.contains("02A02") && conflict.contains("10B01"), conflict);
  }
}
