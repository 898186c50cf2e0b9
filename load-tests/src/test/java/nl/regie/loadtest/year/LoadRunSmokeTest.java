package nl.regie.loadtest.year;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import nl.regie.loadtest.InProcessRegie;
import nl.regie.persistence.TestDatabase;
import nl.regie.server.RegieServer;
import org.junit.jupiter.api.Test;

/**
 * The {@code smoke} profile end to end, as {@code load-tests/run smoke} runs it, against a server
 * in this JVM on a fresh PostgreSQL database: Gatling plays every party over a few weeks of
 * virtual time and every check of the verdict passes, the late and silent aanbieders' D8 and D9
 * alerts among them, verzoeken (WMO315, WMO317) honoured and rejected, declaraties, lange zorg
 * with its D11, D18 and D19 alerts, and the dashboards and supervisors on the streams. Nothing
 * here depends on how fast it runs.
 */
class LoadRunSmokeTest {

  private static final String SECRET = "load-run-smoke-test-secret-of-32-bytes-or-more";

  @Test
  void theSmokeProfilePassesEveryCheck() throws Exception {
    Script script = new Script(Profile.load("smoke"));
    try (TestDatabase database = TestDatabase.create(LoadRunSmokeTest.class);
        // The machine may be shared and loaded: a slow answer is a number, not a 503. The case stream
        // keeps the whole run, as load-tests/run has it, for the verdict's replay from offset 0.
        RegieServer server = RegieServer.start(InProcessRegie.config(database, SECRET,
            new Timeline(script).first().minus(Duration.ofHours(1)), Map.of("regie.http.ask-timeout", "30s",
                "regie.streams.case-retention", LoadRun.caseStreamRetention(new Timeline(script)))))) {
      LoadRun.Target target = new LoadRun.Target("http://127.0.0.1:" + server.httpAddress().getPort(),
          SECRET.getBytes(StandardCharsets.UTF_8), OptionalDouble::empty, "");
      Path results = Files.createDirectories(Path.of("target/gatling-smoke"));
      LoadRun.Outcome outcome = LoadRun.run(script, target, results);
      System.out.println(outcome.screen());
      assertTrue(outcome.verdict().passed(), outcome.screen());
      assertTrue(script.alerts().stream().anyMatch(a -> a.code().equals("D8") && a.level().equals("ESCALATED")), "a silent aanbieder's D8 escalates");
      assertTrue(script.alerts().stream().anyMatch(a -> a.code().equals("D9") && a.level().equals("MISSED")), "a late aanbieder's D9 is missed");
      for (String code : new String[] {"D11", "D18", "D19"}) {
        assertTrue(script.alerts().stream().anyMatch(a -> a.code().equals(code) && a.level().equals("MISSED")), "lange zorg misses " + code);
      }
      assertTrue(script.cases().stream().anyMatch(c -> c.toewijzingsverzoek), "a WMO315");
      assertTrue(script.cases().stream().anyMatch(ScriptedCase::wijzigingsverzoek), "a WMO317");
      assertTrue(script.cases().stream().anyMatch(c -> c.wmo319s() > 0), "a verzoek rejected with a WMO319");
      assertTrue(script.cases().stream().anyMatch(c -> c.day(Step.WMO323) != null), "a declaratie");
      assertEquals(script.cases().size(), script.cases().stream().filter(c -> c.caseId() != null).count());
      assertTrue(Files.isRegularFile(GatlingStats.newest(results).report().resolve("index.html")), "Gatling's HTML report");
    }
  }
}
