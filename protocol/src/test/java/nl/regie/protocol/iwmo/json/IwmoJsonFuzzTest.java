package nl.regie.protocol.iwmo.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import nl.regie.protocol.iwmo.Fuzzing;
import nl.regie.protocol.iwmo.bericht.Bericht;
import nl.regie.protocol.iwmo.bericht.Heenbericht;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import nl.regie.protocol.iwmo.xml.IwmoXmlException;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any body at all, fuzzed from the JSON examples of every soort and read as the server reads it
 * (UTF-8): {@link IwmoJson#parse} gives a bericht or throws {@link IllegalArgumentException},
 * nothing else. What it reads writes back to the same JSON; held to the schema by writing it as
 * XML (the intake's check), it either fails with {@link IwmoXmlException} or reads back as the same
 * bericht, and then it is judged and answered (see {@link Fuzzing}).
 *
 * <p>In {@code verify} the fuzz execution (root pom) runs the seeds and {@code
 * IwmoJsonFuzzTestInputs}, then lets Jazzer fuzz it for a bounded time.
 */
class IwmoJsonFuzzTest {

  static Stream<byte[]> berichten() {
    return Fuzzing.jsonSeeds();
  }

  @MethodSource("berichten")
  @DictionaryEntries({"null", "true", "false", "{}", "[]", "\"berichtsoort\":", "\"retourcodes\":", "\"\\u0000\"", "-0", "1e999"})
  @FuzzTest
  void readsOrRefusesAnyBody(byte[] body) {
    Bericht bericht;
    try {
      bericht = IwmoJson.parse(new String(body, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException refused) {
      assertFalse(refused.getMessage().isBlank(), "a refusal says why");
      return;
    }
    assertNotNull(bericht, "a bericht or a refusal");
    assertEquals(bericht, IwmoJson.parse(IwmoJson.write(bericht)), "JSON written from a bericht reads back the same");
    byte[] xml;
    try {
      xml = IwmoXml.write(bericht);
    } catch (IwmoXmlException buitenSchema) {
      assertFalse(buitenSchema.problemen().isEmpty(), "a refusal says why");
      return;
    }
    assertEquals(bericht, IwmoXml.parse(xml), "as XML it reads back the same");
    Fuzzing.assertReadsBackBothWays(bericht);
    if (bericht instanceof Heenbericht heen) Fuzzing.assertJudgedAndAnswered(heen);
  }
}
