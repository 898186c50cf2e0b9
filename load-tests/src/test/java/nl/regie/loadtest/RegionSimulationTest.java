package nl.regie.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import nl.regie.persistence.TestDatabase;
import nl.regie.server.RegieServer;
import nl.regie.server.access.Principal;
import nl.regie.server.access.Role;
import nl.regie.server.access.TokenMinter;
import org.junit.jupiter.api.Test;

/** The simulation against a real server on PostgreSQL: every case reaches STOP, nothing fails. */
class RegionSimulationTest {

  static final String SECRET = "region-simulation-test-secret-of-32-bytes-or-more";

  @Test
  void walksEveryCaseToStop() throws Exception {
    try (TestDatabase database = TestDatabase.create(RegionSimulationTest.class);
        RegieServer server = RegieServer.start(InProcessRegie.config(database, SECRET, Instant.parse("2026-11-26T09:00:00Z"), Map.of()))) {
      Set<String> gemeenten = Region.noordLimburg(10, new Random(7)).gemeenten().stream().collect(Collectors.toSet());
      String token = new TokenMinter(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC()).mint(
          new Principal("region-simulation", Set.of(Role.TOEGANG, Role.BACKOFFICE), gemeenten, null), Duration.ofHours(1));
      RegionSimulation.Result result = RegionSimulation.run(
          "http://127.0.0.1:" + server.httpAddress().getPort(), token, 40, 8, 10, new Random(7));
      assertEquals(0, result.failed(), result.firstFailure());
      assertEquals(40, result.stopped());
      assertEquals(40 * 9, result.requests());
      assertTrue(result.p99Millis() >= result.p50Millis());
    }
  }

  @Test
  void generatedBsnsPassTheElfproef() {
    Random random = new Random(1);
    for (int i = 0; i < 1000; i++) {
      assertTrue(nl.regie.protocol.codes.Bsn.isValid(Bsns.next(random)));
    }
  }
}
