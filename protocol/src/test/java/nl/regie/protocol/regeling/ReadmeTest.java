package nl.regie.protocol.regeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.regie.protocol.kalender.Termijn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rulebook README tells policy people the truth: its example loads, its event table is complete. */
class ReadmeTest {

  private static String readme() throws IOException {
    try (InputStream in = ReadmeTest.class.getClassLoader().getResourceAsStream("regelingen/README.md")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theEventTableListsEveryEventWithItsScope() throws IOException {
    String readme = readme();
    for (Gebeurtenis event : Gebeurtenis.values()) {
      String row = "| `" + event + "` | " + event.scope().name().toLowerCase(Locale.ROOT) + " |";
      assertTrue(readme.contains(row), "README has no row " + row);
    }
  }

  @Test
  void theFormatExampleIsAValidRulebook(@TempDir Path folder) throws IOException {
    Matcher example = Pattern.compile("```yaml\n(id: regio-voorbeeld.*?)```", Pattern.DOTALL).matcher(readme());
    assertTrue(example.find(), "the format example starts with id: regio-voorbeeld");
    Files.writeString(folder.resolve("regio-voorbeeld.yaml"), example.group(1));
    Regeling voorbeeld = Regelingen.load(Optional.of(folder)).find("regio-voorbeeld").orElseThrow();
    assertEquals(Termijn.werkdagen(3), voorbeeld.deadlineRule("D8").orElseThrow().termijn());
  }
}
