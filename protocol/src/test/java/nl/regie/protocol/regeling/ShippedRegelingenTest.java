package nl.regie.protocol.regeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.regie.protocol.codes.Productcategorie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every shipped rulebook loads, and gives the stacking verdicts its seed states. */
class ShippedRegelingenTest {

  private static final Regelingen SHIPPED = Regelingen.shipped();

  private static Regeling regeling(String id) {
    return SHIPPED.find(id).orElseThrow(() -> new AssertionError("not shipped: " + id));
  }

  /** The verdict for assigning these products together; a missing code fails the test. */
  private static boolean stapelbaar(String id, String... codes) {
    Regeling regeling = regeling(id);
    List<Product> products =
        java.util.Arrays.stream(codes)
            .map(c -> regeling.product(c).orElseThrow(() -> new AssertionError(id + " has no product " + c)))
            .toList();
    return regeling.stapelconflict(products).isEmpty();
  }

  @Test
  void allFourRegelingenAreShippedWithTheirProductCounts() {
    Map<String, Integer> counts =
        SHIPPED.all().stream().collect(Collectors.toMap(Regeling::id, r -> r.producten().size()));
    assertEquals(
        Map.of("wmo-noord-limburg", 15, "mo-noord-midden-limburg", 1, "wmo-begeleiding", 56, "bw-groningen", 9),
        counts);
    for (Regeling r : SHIPPED.all()) {
      assertFalse(r.bronnen().isEmpty(), r.id() + " names its sources");
    }
  }

  @ParameterizedTest(name = "wmo-noord-limburg: {0} + {1} stack: {2}")
  @CsvSource({
    // 002, segment 1A "Stapelen": 1A1 with 1A2, 3A, logeren; not with 1B, 2A, 2B, vervoer.
    "02A02, 07A02, true",
    "02A02, 01B04, true",
    "02A02, 04A01, true",
    "02A02, 10B01, false",
    "02A02, 10B02, false",
    "02A02, 08V03, false",
    // 1A2 with vervoer (and vervoer is "verplicht leveren indien geïndiceerd bij 1A2").
    "07A02, 08V02, true",
    // 1A2 lists logeren as wel, logeren lists 1A2 as niet: the conflict is a no.
    "07A02, 04A01, false",
    // 002, segment 1B: with 3A and logeren only.
    "10B01, 01B04, true",
    "10B01, 04A01, true",
    "10B01, 10A06, false",
    // 002, segment 2A and 2B: with 3A, logeren, vervoer; not with each other.
    "10B02, 08V04, true",
    "10A06, 04A01, true",
    "10B02, 10A06, false",
    // 002, segment 3A: not with vervoer.
    "01B04, 08V02, false",
    // Products of one segment stack: begeleiding and its verlenging.
    "02A02, 02C02, true",
  })
  void wmoNoordLimburg(String a, String b, boolean verdict) {
    assertEquals(verdict, stapelbaar("wmo-noord-limburg", a, b));
  }

  @Test
  void wmoNoordLimburgMeerwerkEndsIn2023() {
    Product meerwerk = regeling("wmo-noord-limburg").product("02M02").orElseThrow();
    assertTrue(meerwerk.geldigOp(LocalDate.of(2023, 12, 31)));
    assertFalse(meerwerk.geldigOp(LocalDate.of(2024, 1, 1)));
  }

  @Test
  void moNoordMiddenLimburgIsOneLumpsumOpvangProduct() {
    Regeling mo = regeling("mo-noord-midden-limburg");
    Product opvang = mo.product("16L01").orElseThrow();
    assertEquals(Productcategorie.OPVANG, opvang.categorie());
    assertEquals(Set.of("16L01"), mo.producten().keySet());
    assertTrue(stapelbaar("mo-noord-midden-limburg", "16L01"));
    assertFalse(mo.eigenBijdrageViaCak(), "000: the opdrachtnemer collects the eigen bijdrage MO, not the CAK");
  }

  @Test
  void theOtherRegelingenLeaveTheEigenBijdrageToTheCak() {
    for (String id : List.of("wmo-noord-limburg", "wmo-begeleiding", "bw-groningen")) assertTrue(regeling(id).eigenBijdrageViaCak(), id);
  }

  @ParameterizedTest(name = "bw-groningen: {0} + {1} stack: {2}")
  @CsvSource({
    // 004 ch. 3: Thuis Plus has three bandbreedtes, one at a time.
    "15A76, 15A77, false",
    "15A76, 15A78, false",
    "15A77, 15A78, false",
    // One of three arrangementen.
    "15V01, 15V02, false",
    "15V01, 15A77, false",
    "15V02, 15A78, false",
    // Woonbegeleiding complex "naast de in het product beschreven begeleiding".
    "15A78, 15W01, true",
    "15V01, 15W01, true",
    // "Activering en participatie kan ook ingezet worden in alle arrangementen."
    "15V02, 07P01, true",
    "15A76, 07P01, true",
    // Vervoer "gelijktijdig met het product Activering en participatie".
    "07P01, 08V01, true",
    "07P01, 08R01, true",
  })
  void bwGroningen(String a, String b, boolean verdict) {
    assertEquals(verdict, stapelbaar("bw-groningen", a, b));
  }

  @Test
  void bwGroningenArrangementWithEverythingItAllows() {
    assertTrue(stapelbaar("bw-groningen", "15A77", "15W01", "07P01", "08V01"));
    assertFalse(stapelbaar("bw-groningen", "15A77", "15W01", "07P01", "15A76"));
    Optional<String> conflict =
        regeling("bw-groningen")
            .stapelconflict(List.of(regeling("bw-groningen").product("15A76").orElseThrow(),
                regeling("bw-groningen").product("15A78").orElseThrow()));
    assertTrue(conflict.orElseThrow().contains("15A76") && conflict.orElseThrow().contains("15A78"), conflict.get());
    assertEquals(Productcategorie.BESCHERMD_WONEN, regeling("bw-groningen").product("15A76").orElseThrow().categorie());
  }

  @ParameterizedTest(name = "wmo-begeleiding: {0} + {1} stack: {2}")
  @CsvSource({
    // 003 "Uitleg Intensiteiten": tariffs of different resultaatgebieden add up.
    "021A1, 022A2, true",
    "023A5, 074C5, true",
    "011B4, 026B1, true",
    // One intensity per resultaatgebied.
    "021A1, 021A2, false",
    "023A1, 023A5, false",
    "074C2, 074C4, false",
    // Vervoer with 4a/4b/4c; persoonlijke verzorging with begeleiding; kortdurend verblijf with a
    // resultaatgebied.
    "08V01, 074A1, true",
    "08R01, 074B3, true",
    "03P01, 023B2, true",
    "04K01, 026B2, true",
  })
  void wmoBegeleiding(String a, String b, boolean verdict) {
    assertEquals(verdict, stapelbaar("wmo-begeleiding", a, b));
  }

  /**
   * The whole wmo-begeleiding table, all 56 x 56 pairs, against its rule: products stack unless they
   * are two intensities of the same resultaatgebied (the code's characters 3-4).
   */
  @Test
  void wmoBegeleidingTableFollowsTheOneIntensityPerResultaatgebiedRule() {
    Regeling begeleiding = regeling("wmo-begeleiding");
    Set<String> resultaatgebieden = Set.of("1A", "1B", "2A", "2B", "3A", "3B", "4A", "4B", "4C", "5A", "5B", "6A", "6B");
    int matrixProducten = 0;
    for (Product a : begeleiding.producten().values()) {
      String rgA = a.code().substring(2, 4);
      if (resultaatgebieden.contains(rgA)) {
        matrixProducten++;
        assertEquals(a.code().charAt(4) - '0', a.segment().length() - 2, a.code() + " intensity matches its segment");
        assertTrue(a.segment().startsWith(rgA), a.code() + " segment " + a.segment());
      }
      for (Product b : begeleiding.producten().values()) {
        boolean zelfdeRg = resultaatgebieden.contains(rgA) && rgA.equals(b.code().substring(2, 4));
        boolean verwacht = a.equals(b) || !zelfdeRg;
        assertEquals(
            verwacht,
            begeleiding.stapelregels().stapelbaar(a.segment(), b.segment()),
            a.code() + " (" + a.segment() + ") + " + b.code() + " (" + b.segment() + ")");
      }
    }
    assertEquals(52, matrixProducten, "the 003 matrix has 52 resultaatgebied x intensiteit cells");
  }

  @Test
  void wmoBegeleidingCategoriesFollowWhatTheResultaatgebiedIs() {
    Regeling begeleiding = regeling("wmo-begeleiding");
    assertEquals(Productcategorie.BEGELEIDING, begeleiding.product("023A1").orElseThrow().categorie());
    assertEquals(Productcategorie.HULP_BIJ_HET_HUISHOUDEN, begeleiding.product("011B1").orElseThrow().categorie());
    assertEquals(Productcategorie.DAGBESTEDING, begeleiding.product("074C5").orElseThrow().categorie());
    assertEquals(Productcategorie.KORTDUREND_VERBLIJF, begeleiding.product("04K01").orElseThrow().categorie());
    assertEquals(Productcategorie.PERSOONLIJKE_VERZORGING, begeleiding.product("03P01").orElseThrow().categorie());
    assertEquals(Productcategorie.VERVOERDIENSTEN, begeleiding.product("08R01").orElseThrow().categorie());
  }
}
