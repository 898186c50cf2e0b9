package nl.regie.loadtest.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import nl.regie.loadtest.CaseJourney;
import nl.regie.loadtest.InProcessRegie;
import nl.regie.loadtest.Region;
import nl.regie.loadtest.year.GatlingStats;
import nl.regie.persistence.TestDatabase;
import nl.regie.server.RegieServer;
import nl.regie.server.access.Principal;
import nl.regie.server.access.Role;
import nl.regie.server.access.TokenMinter;
import org.junit.jupiter.api.Test;

/**
 * The parts of {@code load-tests/compare} that run against something real, small: the open model
 * walks every case to STOP through Gatling with the same nine requests as the closed model, and
 * once Regie's clock has moved past the case stream's window the footprint finds that stream pruned;
 * the raw insert rate and the footprint count the rows that are really in the table. Nothing here
 * depends on how fast it runs.
 */
class CompareSmokeTest {

  private static final String SECRET = "compare-smoke-test-secret-of-32-bytes-or-more";

  @Test
  void theOpenModelWalksEveryCaseToStopAndTheirChangesPassTheCaseStreamsWindow() throws Exception {
    try (TestDatabase database = TestDatabase.create(CompareSmokeTest.class);
        RegieServer server = RegieServer.start(InProcessRegie.config(database, SECRET, Instant.parse("2026-11-26T09:00:00Z"), Map.of()))) {
      String token = new TokenMinter(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC()).mint(new Principal("compare-smoke",
          Set.of(Role.TOEGANG, Role.BACKOFFICE), Set.copyOf(Region.noordLimburg(1, new Random(1)).gemeenten()), null), Duration.ofHours(1));
      OpenModel model = new OpenModel("http://127.0.0.1:" + server.httpAddress().getPort(), token, 5, Duration.ofSeconds(2), 7);
      GatlingStats stats = model.run(Files.createDirectories(Path.of("target/gatling-compare-smoke")));

      assertEquals(10, model.cases());
      assertEquals(0, stats.all().ko(), "failed requests, see " + stats.report());
      assertEquals(10 * 9, stats.all().total());
      assertEquals(2 + CaseJourney.ACTIONS.size(), stats.requests().size(), "one row per step: " + stats.requests());
      assertTrue(stats.requests().stream().allMatch(r -> r.ok() == 10), "every step of every case: " + stats.requests());

      String url = database.settings().url();
      assertTrue(Footprint.awaitRest(url, Duration.ofSeconds(60)), "the database at rest");
      Footprint written = Footprint.afterVacuumFull(url);
      assertTrue(written.streamRows() >= 10, "the cases' changes in the case stream: " + written);
      String admin = new TokenMinter(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
          .mint(new Principal("compare-smoke-admin", Set.of(Role.ADMIN), Set.of(), null), Duration.ofHours(1));
      Footprint afterWindow = new CaseStreamWindow(admin, Contender.CASE_STREAM_RETENTION)
          .pass("http://127.0.0.1:" + server.httpAddress().getPort(), url, HttpClient.newHttpClient());
      assertEquals(0, afterWindow.streamRows(), "every change of the closed cases pruned: " + afterWindow);
      assertEquals(written.journalRows(), afterWindow.journalRows(), "the journal keeps the cases' history");
      assertTrue(afterWindow.bytes() < written.bytes(), written + " then " + afterWindow);
    }
  }

  @Test
  void theRawRateCountsTheRowsInTheTable() throws Exception {
    try (TestDatabase database = TestDatabase.create(CompareSmokeTest.class)) {
      RawInsertRate rate = new RawInsertRate(database.settings().url());
      RawInsertRate.Result one = rate.measure(2, 1, Duration.ofMillis(300));
      RawInsertRate.Result ten = rate.measure(2, 10, Duration.ofMillis(300));
      Footprint footprint = Footprint.afterVacuumFull(database.settings().url());

      assertEquals(0, ten.rows() % 10, "whole commits of ten");
      assertEquals(one.rows() + ten.rows(), footprint.journalRows());
      assertEquals(footprint.journalRows(), footprint.rows(), "the journal is the only table");
      assertTrue(footprint.bytes() > footprint.rows() * RawInsertRate.PAYLOAD_BYTES, "each row holds its payload");
    }
  }
}
