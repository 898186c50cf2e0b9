package nl.regie.protocol.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.LocalDate;
import java.util.List;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.cases.Kanaal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiJsonTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"meldingOp\":\"2026-13-01\"}|meldingOp: '2026-13-01' is not a date (YYYY-MM-DD)",
        "{\"meldingOp\":20261201}|meldingOp: expected a date (YYYY-MM-DD)",
        "{\"kanaal\":\"fax\"}|kanaal: kanaal is one of gemeente, aanbieder, veilig-thuis",
        "{\"bnummer\":\"1\"}|bnummer: unknown field",
        "{\"bsn\":[1]}|bsn: expected a string",
        "{\"bsn\":\"1\"} {}|malformed JSON",
        "{\"bsn\":\"1\",\"bsn\":\"2\"}|malformed JSON",
        "{|malformed JSON at line 1, column 2",
      })
  void describesWhatIsWrongInOneLine(String json, String expected) {
    JsonProcessingException e =
        assertThrows(JsonProcessingException.class, () -> ApiJson.mapper().readValue(json, NieuweMeldingBody.class));
    String described = ApiJson.describe(e);
    assertTrue(described.startsWith(expected), described);
    assertEquals(1, described.lines().count());
    assertTrue(!described.contains("nl.regie") && !described.contains("java."), described);
  }

  @Test
  void refusesFractionsForWholeNumbersAndReadsCodes() throws Exception {
    String bad = "{\"product\":\"02A02\",\"aanbieder\":\"12345678\",\"ingangsdatum\":\"2027-01-01\",\"omvang\":{\"volume\":1.5,\"eenheid\":\"82\",\"frequentie\":\"6\"}}";
    assertThrows(JsonProcessingException.class, () -> ApiJson.mapper().readValue(bad, ToewijzenBody.NieuweToewijzing.class));
    ToewijzenBody.NieuweToewijzing ok = ApiJson.mapper().readValue(bad.replace("1.5", "2"), ToewijzenBody.NieuweToewijzing.class);
    assertEquals(Eenheid.STUKS_OUTPUT, ok.omvang().eenheid());
    assertEquals(LocalDate.parse("2027-01-01"), ok.ingangsdatum());
  }

  @Test
  void writesDatesAsTextAndLeavesOutWhatIsAbsent() throws Exception {
    NieuweMeldingBody m = new NieuweMeldingBody("999993653", "0983", "wmo-noord-limburg", Kanaal.VEILIG_THUIS, LocalDate.parse("2026-11-24"), null);
    assertEquals(
        "{\"bsn\":\"999993653\",\"gemeente\":\"0983\",\"regeling\":\"wmo-noord-limburg\",\"kanaal\":\"veilig-thuis\",\"meldingOp\":\"2026-11-24\"}",
        ApiJson.mapper().writeValueAsString(m));
  }

  @Test
  void aMeldingNamesEveryProblem() {
    NieuweMeldingBody m = new NieuweMeldingBody("123456789", "9999", null, null, null, null);
    assertEquals(
        List.of("bsn: not a valid BSN (nine digits, elfproef)", "gemeente: not a CBS gemeentecode (four digits, e.g. 0983)",
            "regeling: required", "kanaal: required", "meldingOp: required"),
        m.problems());
  }
}
