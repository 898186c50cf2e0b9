package nl.regie.loadtest.year;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped profiles meet the rulebook and the CBS list; a profile that does not is refused, saying why. */
class ProfileTest {

  @Test
  void theShippedProfilesLoad() {
    Profile region = Profile.load("region");
    assertEquals(List.of("0983", "0984", "1507", "1894", "0889", "0893", "0907"),
        region.gemeentenMetAandeel().stream().map(Profile.GemeenteAandeel::code).toList());
    assertTrue(region.alleAanbieders().size() >= 24, "dozens of aanbieders");
    assertTrue(region.alleAanbieders().stream().anyMatch(a -> a.gedrag() == Profile.Gedrag.laat));
    assertTrue(region.alleAanbieders().stream().anyMatch(a -> a.gedrag() == Profile.Gedrag.nooit));
    Profile national = Profile.load("national");
    assertTrue(national.gemeentenMetAandeel().size() > 300, "every gemeente");
    assertEquals(100 * region.alleAanbieders().size(), national.alleAanbieders().size());
    assertTrue(national.meldingenPerJaar() >= 100 * region.meldingenPerJaar());
    Profile.load("smoke");
  }

  @Test
  void aMixTheRulebookDoesNotAllowIsRefused(@TempDir Path dir) throws Exception {
    String smoke = new String(Profile.class.getResourceAsStream("/profiles/smoke.yaml").readAllBytes(), StandardCharsets.UTF_8);
    Path vervoerAlone = dir.resolve("vervoer.yaml");
    Files.writeString(vervoerAlone, smoke.replace("{producten: [02A02], aandeel: 24}", "{producten: [08V02], aandeel: 24}"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.load(vervoerAlone.toString()));
    assertTrue(e.getMessage().contains("08V02 only with one of"), e.getMessage());
    Path stacked = dir.resolve("stacked.yaml");
    Files.writeString(stacked, smoke.replace("{producten: [02A02], aandeel: 24}", "{producten: [02A02, 10B01], aandeel: 24}"));
    e = assertThrows(IllegalArgumentException.class, () -> Profile.load(stacked.toString()));
    assertTrue(e.getMessage().contains("does not stack"), e.getMessage());
    Path wrongName = dir.resolve("name.yaml");
    Files.writeString(wrongName, smoke.replace("naam: Beesel", "naam: Venlo"));
    e = assertThrows(IllegalArgumentException.class, () -> Profile.load(wrongName.toString()));
    assertTrue(e.getMessage().contains("the CBS list calls it Beesel"), e.getMessage());
  }

  @Test
  void aScriptIsTheSameForTheSameSeed() {
    Script a = new Script(Profile.load("smoke"));
    Script b = new Script(Profile.load("smoke"));
    assertEquals(a.alerts(), b.alerts());
    assertEquals(a.cases().stream().map(c -> c.bsn + c.days).toList(), b.cases().stream().map(c -> c.bsn + c.days).toList());
  }
}
