package nl.regie.protocol.regeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import nl.regie.protocol.codes.Eenheid;
import org.junit.jupiter.api.Test;

/**
 * A product's conditions in a rulebook: the gemeenten that offer it, the segments it needs beside
 * it (alleenMet) and its omvang band. They load as written, each mistake names file, product and
 * field, and the shipped rulebooks say what their seeds say.
 */
class ProductVoorwaardenTest {

  private static final String HEAD = "id: regio-x\nnaam: Regio X\nproducten:\n";
  private static final String STAPELEN = """
      stapelen:
        dag: {wel: [vervoer, begeleiding]}
        begeleiding: {wel: [dag]}
      """;

  private static Regeling load(String producten) {
    return RegelingLoader.load("regio-x.yaml",
        new ByteArrayInputStream((HEAD + producten + STAPELEN).getBytes(StandardCharsets.UTF_8)));
  }

  private static RegelingException refused(String producten, String... parts) {
    RegelingException e = assertThrows(RegelingException.class, () -> load(producten));
    for (String part : parts) assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
    return e;
  }

  private static final String GOED = """
        - {code: 07A01, naam: Dagbesteding, segment: dag, band: {eenheid: dagdeel, per: 4w, van: 1, gemiddeld: 4.6, tot: 7.1}}
        - {code: 02A01, naam: Begeleiding, segment: begeleiding, gemeenten: ["0785", "0797"]}
        - {code: 08V01, naam: Vervoer, segment: vervoer, alleenMet: [dag]}
      """;

  @Test
  void theConditionsLoadAsWritten() {
    Regeling regeling = load(GOED);
    Product dag = regeling.product("07A01").orElseThrow();
    assertEquals(new Omvangband(Eenheid.DAGDEEL, 4, BigDecimal.ONE, new BigDecimal("4.6"), new BigDecimal("7.1")), dag.band());
    assertEquals(Set.of(), dag.gemeenten());
    assertEquals(Set.of("0785", "0797"), regeling.product("02A01").orElseThrow().gemeenten());
    assertEquals(Set.of("dag"), regeling.product("08V01").orElseThrow().alleenMet());
  }

  @Test
  void aProductIsOfferedOnlyInTheGemeentenItLists() {
    Regeling regeling = load(GOED);
    assertTrue(regeling.product("02A01").orElseThrow().aangebodenIn("0785"));
    assertFalse(regeling.product("02A01").orElseThrow().aangebodenIn("0983"));
    assertTrue(regeling.product("07A01").orElseThrow().aangebodenIn("0983"), "no gemeenten: every gemeente");
  }

  @Test
  void aProductNeedingAnotherIsCompleteOnlyBesideOneOfItsSegments() {
    Regeling regeling = load(GOED);
    Product vervoer = regeling.product("08V01").orElseThrow();
    assertFalse(vervoer.combinatieCompleet(List.of(vervoer)));
    assertFalse(vervoer.combinatieCompleet(List.of(vervoer, regeling.product("02A01").orElseThrow())));
    assertTrue(vervoer.combinatieCompleet(List.of(vervoer, regeling.product("07A01").orElseThrow())));
    assertTrue(regeling.product("02A01").orElseThrow().combinatieCompleet(List.of()), "needs nothing");
  }

  @Test
  void aGemeenteThatIsNotACbsCodeIsRefused() {
    refused("  - {code: 02A01, naam: B, segment: begeleiding, gemeenten: [\"785\", \"0797\", \"0797\"]}\n"
        + "  - {code: 07A01, naam: D, segment: dag}\n",
        "regio-x.yaml", "product 02A01: field gemeenten: '785' is not a CBS gemeentecode", "0797 listed twice");
    refused("  - {code: 02A01, naam: B, segment: begeleiding, gemeenten: []}\n  - {code: 07A01, naam: D, segment: dag}\n",
        "product 02A01: field gemeenten: empty");
  }

  @Test
  void alleenMetMustNameAnotherSegmentThatStacks() {
    refused("""
          - {code: 02A01, naam: B, segment: begeleiding, alleenMet: [logeren]}
          - {code: 07A01, naam: D, segment: dag, alleenMet: [dag]}
          - {code: 08V01, naam: V, segment: vervoer, alleenMet: [begeleiding]}
        """,
        "product 02A01: field alleenMet: no product has segment 'logeren'",
        "product 07A01: field alleenMet: names the product's own segment 'dag'",
        "product 08V01: field alleenMet: segment 'begeleiding' may not stack with segment 'vervoer'");
  }

  @Test
  void aBandIsCheckedFieldByField() {
    refused("""
          - {code: 02A01, naam: B, segment: begeleiding, band: {eenheid: minuut, per: 4 weken, van: 5, tot: 2}}
          - {code: 07A01, naam: D, segment: dag, band: {eenheid: dagdeel, per: 4w, van: 1, gemiddeld: 9, tot: 7.1}}
          - {code: 08V01, naam: V, segment: vervoer, band: {eenheid: uur, per: 4w}}
        """,
        "product 02A01: field band > eenheid: 'minuut' is neither uur nor dagdeel",
        "product 02A01: field band > per: '4 weken' is not a number of weeks",
        "product 02A01: field band: van 5 is more than tot 2",
        "product 07A01: field band > gemiddeld: 9 is not between van and tot",
        "product 08V01: field band > van: missing", "product 08V01: field band > tot: missing");
  }

  @Test
  void aGemiddeldeWhoseDerivedOmvangFallsOutsideTheBandIsRefused() {
    // 0.1 dagdeel per 4 weken rounds to 1 dagdeel a week: 4 per 4 weken, far outside.
    refused("  - {code: 07A01, naam: D, segment: dag, band: {eenheid: dagdeel, per: 4w, van: 0.1, gemiddeld: 0.1, tot: 0.2}}\n"
        + "  - {code: 02A01, naam: B, segment: begeleiding}\n",
        "product 07A01: field band > gemiddeld: the omvang derived from it");
  }

  @Test
  void aMisspelledFieldOfABandIsNamed() {
    refused("  - {code: 07A01, naam: D, segment: dag, band: {eenheid: uur, per: 4w, van: 1, tott: 2}}\n",
        "field producten > entry #1 > field band > field tott");
  }

  @Test
  void theShippedRulebooksSayWhatTheirSeedsSay() {
    Regelingen shipped = Regelingen.shipped();
    Regeling begeleiding = shipped.find("wmo-begeleiding").orElseThrow();
    // 003: "1B. Alleen voor de gemeente Goirle, Heusden, Hilvarenbeek en Oisterwijk van toepassing".
    for (String code : List.of("011B1", "011B2", "011B3", "011B4")) {
      assertEquals(Set.of("0785", "0797", "0798", "0824"), begeleiding.product(code).orElseThrow().gemeenten(), code);
    }
    assertEquals(4, begeleiding.producten().values().stream().filter(p -> !p.gemeenten().isEmpty()).count());
    // 003: vervoer "Kan alleen in combinatie met 4a,4b,4c"; PV "altijd in combinatie met begeleiding".
    Set<String> rg4 = Set.of("4A+", "4A++", "4A+++", "4A++++", "4B+", "4B++", "4B+++", "4B++++",
        "4C+", "4C++", "4C+++", "4C++++", "4C+++++");
    assertEquals(rg4, begeleiding.product("08V01").orElseThrow().alleenMet());
    assertEquals(rg4, begeleiding.product("08R01").orElseThrow().alleenMet());
    Set<String> matrix = begeleiding.producten().values().stream().filter(p -> p.band() != null)
        .map(Product::segment).collect(java.util.stream.Collectors.toSet());
    assertEquals(52, matrix.size());
    assertEquals(matrix, begeleiding.product("03P01").orElseThrow().alleenMet());
    assertEquals(Set.of(), begeleiding.product("04K01").orElseThrow().alleenMet());
    // 002: vervoer "Verplicht leveren indien geïndiceerd bij: 1A2, 2A, 2B".
    Regeling noordLimburg = shipped.find("wmo-noord-limburg").orElseThrow();
    for (String code : List.of("08V02", "08V03", "08V04")) {
      assertEquals(Set.of("1A2", "2A", "2B"), noordLimburg.product(code).orElseThrow().alleenMet(), code);
    }
    // 004: vervoer "alleen in te zetten gelijktijdig met het product Activering en participatie".
    assertEquals(Set.of("activering-participatie"),
        shipped.find("bw-groningen").orElseThrow().product("08V01").orElseThrow().alleenMet());
  }
}
