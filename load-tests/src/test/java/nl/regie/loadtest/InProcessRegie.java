package nl.regie.loadtest;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import nl.regie.persistence.TestDatabase;

/** How the load tests' own tests start Regie in their JVM: on the test class's database, on the virtual clock, signing with {@code secret}. */
public final class InProcessRegie {

  private InProcessRegie() {}

  /** The server's configuration; {@code more} adds or overrides settings. */
  public static Config config(TestDatabase database, String secret, Instant clockStart, Map<String, Object> more) {
    Map<String, Object> settings = new HashMap<>(Map.of(
        "regie.db.url", database.settings().url(),
        "regie.db.user", database.settings().user(),
        "regie.http.port", 0,
        "regie.auth.jwt-secret", secret,
        "pekko.remote.artery.canonical.port", 0,
        "regie.clock.mode", "virtual",
        "regie.clock.virtual-start", clockStart.atOffset(ZoneOffset.UTC).toString()));
    settings.putAll(more);
    return ConfigFactory.parseMap(settings).withFallback(ConfigFactory.load());
  }
}
