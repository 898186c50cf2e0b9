package nl.regie.protocol.regeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad rulebook in the extra folder stops loading with a message an editor can act on. */
class BrokenRegelingTest {

  @TempDir Path folder;

  private RegelingException load(String fileName, String yaml) throws IOException {
    Files.writeString(folder.resolve(fileName), yaml);
    return assertThrows(RegelingException.class, () -> Regelingen.load(Optional.of(folder)));
  }

  private static void assertMentions(RegelingException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
    }
  }

  @Test
  void aProductCodeOfTheWrongShapeNamesFileProductAndField() throws IOException {
    RegelingException e =
        load(
            "regio-x.yaml",
            """
            id: regio-x
            naam: Regio X
            producten:
              - {code: 02A02, naam: Begeleiding, segment: 1A}
              - {code: 2A02, naam: Dagbesteding, segment: 1B}
            stapelen:
              1A: {wel: [1B]}
            """);
    assertMentions(e, "regio-x.yaml", "product 2A02", "field code");
  }

  @Test
  void aCodeOutsideWmo020NamesTheCategorie() throws IOException {
    RegelingException e =
        load("regio-x.yaml", "id: regio-x\nnaam: Regio X\nproducten:\n  - {code: 99A01, naam: Iets, segment: A}\n");
    assertMentions(e, "regio-x.yaml", "product 99A01", "field code", "productcategorie");
  }

  @Test
  void aStackingRuleForAnUnknownSegmentNamesSegmentAndField() throws IOException {
    RegelingException e =
        load(
            "regio-x.yaml",
            """
            id: regio-x
            naam: Regio X
            producten:
              - {code: 02A02, naam: Begeleiding, segment: 1A}
              - {code: 01B04, naam: Huishouden, segment: 3A}
            stapelen:
              1A: {wel: [3A, logeren]}
              3A: {wel: [1A], niet: [vervoer]}
            """);
    assertMentions(e, "regio-x.yaml", "stapelen 1A", "field wel", "'logeren'", "stapelen 3A", "field niet", "'vervoer'");
  }

  @Test
  void aSegmentInBothWelAndNietIsRefused() throws IOException {
    RegelingException e =
        load(
            "regio-x.yaml",
            """
            id: regio-x
            naam: Regio X
            producten:
              - {code: 02A02, naam: Begeleiding, segment: 1A}
              - {code: 01B04, naam: Huishouden, segment: 3A}
            stapelen:
              1A: {wel: [3A], niet: [3A]}
            """);
    assertMentions(e, "regio-x.yaml", "stapelen 1A", "'3A' is in both wel and niet");
  }

  @Test
  void aMisspelledFieldNamesThePathToIt() throws IOException {
    RegelingException e =
        load(
            "regio-x.yaml",
            """
            id: regio-x
            naam: Regio X
            producten:
              - {code: 02A02, naam: Begeleiding, segmnet: 1A}
            """);
    assertMentions(e, "regio-x.yaml", "field producten", "entry #1", "segmnet");
  }

  @Test
  void aMissingFieldAndAWrongDateAreNamed() throws IOException {
    assertMentions(
        load("regio-x.yaml", "id: regio-x\nnaam: Regio X\nproducten:\n  - {code: 02A02, naam: Begeleiding}\n"),
        "regio-x.yaml", "product 02A02", "field segment: missing");
    assertMentions(
        load(
            "regio-x.yaml",
            "id: regio-x\nnaam: Regio X\nproducten:\n  - {code: 02A02, naam: B, segment: 1A, geldigTot: 31-12-2023}\n"),
        "regio-x.yaml", "field producten", "field geldigTot");
  }

  @Test
  void anIdThatIsNotTheFileNameIsRefused() throws IOException {
    RegelingException e =
        load("regio-x.yaml", "id: regio-y\nnaam: Regio X\nproducten:\n  - {code: 02A02, naam: B, segment: 1A}\n");
    assertMentions(e, "regio-x.yaml", "field id", "'regio-y'");
  }

  @Test
  void aGoodExtraRulebookLoadsNextToTheShippedOnes() throws IOException {
    Files.writeString(
        folder.resolve("regio-x.yaml"),
        "id: regio-x\nnaam: Regio X\nproducten:\n  - {code: 02A02, naam: Begeleiding, segment: 1A}\n");
    Regelingen regelingen = Regelingen.load(Optional.of(folder));
    assertEquals("Regio X", regelingen.find("regio-x").orElseThrow().naam());
    assertTrue(regelingen.find("bw-groningen").isPresent());
  }

  @Test
  void anEigenBijdrageOtherThanCakOrAanbiederIsRefused() throws IOException {
    assertMentions(
        load("regio-x.yaml", "id: regio-x\nnaam: Regio X\neigenBijdrage: gemeente\nproducten:\n  - {code: 02A02, naam: B, segment: 1A}\n"),
        "regio-x.yaml", "field eigenBijdrage: cak or aanbieder");
  }

  @Test
  void anEmptyProductEntryIsNamedByItsPosition() throws IOException {
    RegelingException e = load("regio-y.yaml", """
        id: regio-y
        naam: Regio Y
        producten:
          - {code: 02A02, naam: Begeleiding, segment: 1A}
          -
        """);
    assertMentions(e, "regio-y.yaml", "product #2", "empty entry");
  }

  @Test
  void aSegmentWrittenTwiceUnderStapelenIsRefused() throws IOException {
    RegelingException e = load("regio-z.yaml", """
        id: regio-z
        naam: Regio Z
        producten:
          - {code: 02A02, naam: Begeleiding, segment: 1A}
          - {code: 01B04, naam: Huishouden, segment: 3A}
        stapelen:
          1A: {wel: [3A]}
          1A: {niet: [3A]}
        """);
    assertMentions(e, "regio-z.yaml", "1A");
  }

  @Test
  void anEmptyFileSaysSo() throws IOException {
    assertEquals("leeg.yaml: empty file", load("leeg.yaml", "\n").getMessage());
  }

  @Test
  void aYmlFileIsReadAndRefusedRatherThanIgnored() throws IOException {
    RegelingException e = load("regio-q.yml", """
        id: regio-q
        naam: Regio Q
        producten:
          - {code: 02A02, naam: Begeleiding, segment: 1A}
        """);
    assertMentions(e, "regio-q.yml", "does not match the file name");
  }
}
