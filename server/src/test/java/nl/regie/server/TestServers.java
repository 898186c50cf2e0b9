package nl.regie.server;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.HashMap;
import java.util.Map;
import nl.regie.persistence.DatabaseSettings;
import nl.regie.server.testing.TestTokens;

/**
 * Configuration for a server under test: free ports, the given database, the tests' JWT secret
 * ({@link TestTokens}), and a virtual clock that starts on 26 November 2026, so that no test
 * depends on the day it runs.
 */
public final class TestServers {

  private TestServers() {}

  public static Config config(DatabaseSettings database, Map<String, Object> overrides) {
    Map<String, Object> values = new HashMap<>();
    values.put("regie.db.url", database.url());
    values.put("regie.db.user", database.user());
    values.put("regie.db.password", database.password());
    values.put("regie.http.port", 0);
    values.put("pekko.remote.artery.canonical.port", 0);
    values.put("pekko.coordinated-shutdown.exit-jvm", "off");
    // Generous, so that a test on a busy two-core machine waits instead of failing with 503.
    values.put("regie.http.ask-timeout", "20s");
    values.put("regie.clock.mode", "virtual");
    values.put("regie.clock.virtual-start", "2026-11-26T10:00:00+01:00");
    values.put("regie.auth.jwt-secret", TestTokens.SECRET);
    values.putAll(overrides);
    return ConfigFactory.parseMap(values, "test").withFallback(ConfigFactory.load());
  }
}
