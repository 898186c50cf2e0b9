package nl.regie.protocol.aanbieder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The register of aanbieders and onderaannemers loads like the rulebooks: the shipped example, a
 * file in the extra folder replacing it, and a bad file stopping the load with a message that
 * names file, aanbieder and field.
 */
class AanbiedersregisterTest {

  private static final Set<String> REGELINGEN = Set.of("bw-groningen", "wmo-noord-limburg");

  @TempDir Path folder;

  @Test
  void theShippedExampleKnowsHoofdaanbiedersAndTheirOnderaannemers() {
    Aanbiedersregister register = Aanbiedersregister.load(Optional.empty(), REGELINGEN);

    assertEquals(Set.of("bw-groningen"), register.regelingen());
    assertTrue(register.toegelaten("bw-groningen", "99990001"));
    assertTrue(register.alleenOnderaannemer("bw-groningen", "99990101"));
    // One onderaannemer may serve several hoofdaanbieders (004 §2.2).
    assertEquals(List.of("99990001", "99990002"),
        register.hoofdaanbiedersVan("bw-groningen", "99990101").stream().map(Aanbieder::agb).toList());
    // Admitted itself, an onderaannemer of another too: it may be assigned.
    assertFalse(register.alleenOnderaannemer("bw-groningen", "99990003"));
    // Another regeling, or an AGB the register does not name: nothing is known, nothing refused.
    assertFalse(register.alleenOnderaannemer("wmo-noord-limburg", "99990101"));
    assertFalse(register.alleenOnderaannemer("bw-groningen", "12345678"));
  }

  @Test
  void theConsentPeriodCountsBothEnds() {
    Onderaannemer o = new Onderaannemer("99990102", "X", LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31));
    assertFalse(o.toestemmingOp(LocalDate.of(2022, 12, 31)));
    assertTrue(o.toestemmingOp(LocalDate.of(2023, 1, 1)));
    assertTrue(o.toestemmingOp(LocalDate.of(2024, 12, 31)));
    assertFalse(o.toestemmingOp(LocalDate.of(2025, 1, 1)));
    assertTrue(new Onderaannemer("99990101", "Y", null, null).toestemmingOp(LocalDate.of(1999, 1, 1)));
  }

  @Test
  void aFileInTheFolderReplacesTheShippedOne() throws IOException {
    Files.writeString(folder.resolve("bw-groningen.yaml"), """
        regeling: bw-groningen
        aanbieders:
          - agb: "12345678"
            naam: Echte Hoofdaanbieder
            onderaannemers:
              - {agb: "87654321", naam: Echte Onderaannemer, van: 2025-01-01}
        """);
    Aanbiedersregister register = Aanbiedersregister.load(Optional.of(folder), REGELINGEN);

    assertTrue(register.alleenOnderaannemer("bw-groningen", "87654321"));
    assertFalse(register.alleenOnderaannemer("bw-groningen", "99990101"));
    assertEquals(LocalDate.of(2025, 1, 1), register.aanbieders("bw-groningen").get(0).onderaannemer("87654321").orElseThrow().van());
  }

  private AanbiedersregisterException broken(String fileName, String yaml) throws IOException {
    Files.writeString(folder.resolve(fileName), yaml);
    return assertThrows(AanbiedersregisterException.class, () -> Aanbiedersregister.load(Optional.of(folder), REGELINGEN));
  }

  private static void assertMentions(AanbiedersregisterException e, String... parts) {
    for (String part : parts) assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
  }

  @Test
  void wrongValuesAreReportedTogetherWithAanbiederAndField() throws IOException {
    AanbiedersregisterException e = broken("bw-groningen.yaml", """
        regeling: bw-groningen
        aanbieders:
          - agb: "1234567"
            naam: Zeven Cijfers
          - agb: "12345678"
            onderaannemers:
              - {agb: "12345678", naam: Zichzelf}
              - {agb: "87654321", naam: Omgekeerd, van: 2025-01-01, tot: 2024-01-01}
              - {agb: "87654321", naam: Dubbel}
          - agb: "12345678"
            naam: Nog Eens
        """);
    assertMentions(e, "bw-groningen.yaml: ",
        "aanbieder #1: field agb: '1234567' is not an AGB code",
        "aanbieder 12345678: field naam: missing",
        "onderaannemer 12345678: field agb: is the aanbieder itself",
        "onderaannemer 87654321: field tot: 2024-01-01 is before van 2025-01-01",
        "onderaannemer 87654321: field agb: listed twice",
        "aanbieder 12345678: field agb: listed twice");
  }

  @Test
  void anUnquotedAgbIsReadAsWrittenLeadingZeroIncluded() throws IOException {
    Files.writeString(folder.resolve("bw-groningen.yaml"), "regeling: bw-groningen\naanbieders:\n  - {agb: 01234567, naam: X}\n");
    Aanbiedersregister register = Aanbiedersregister.load(Optional.of(folder), REGELINGEN);
    assertTrue(register.toegelaten("bw-groningen", "01234567"));
  }

  @Test
  void aRegisterForAnUnknownRegelingOrUnderAnotherNameIsRefused() throws IOException {
    assertMentions(broken("regio-x.yaml", "regeling: regio-x\naanbieders:\n  - {agb: \"12345678\", naam: X}\n"),
        "regio-x.yaml", "field regeling", "'regio-x' is not a regeling this server knows");
    Files.delete(folder.resolve("regio-x.yaml"));
    assertMentions(broken("groningen.yaml", "regeling: bw-groningen\naanbieders:\n  - {agb: \"12345678\", naam: X}\n"),
        "groningen.yaml", "field regeling", "does not match the file name");
  }

  @Test
  void anUnknownFieldOrAMissingListStopsTheFile() throws IOException {
    assertMentions(broken("bw-groningen.yaml", "regeling: bw-groningen\naanbieders:\n  - {agb: \"12345678\", naam: X, onderaanemers: []}\n"),
        "bw-groningen.yaml", "field aanbieders > entry #1 > field onderaanemers", "Unrecognized field");
    assertMentions(broken("bw-groningen.yaml", "regeling: bw-groningen\n"), "bw-groningen.yaml: field aanbieders: missing or empty");
    assertMentions(broken("bw-groningen.yaml", "  \n"), "bw-groningen.yaml: empty file");
  }
}
