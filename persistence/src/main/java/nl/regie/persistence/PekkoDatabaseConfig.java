package nl.regie.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * The part of Pekko's configuration that depends on the database: the shared Slick database of
 * Pekko Persistence JDBC (journal, snapshots and read journal use one pool) and the SQL dialect of
 * the projections' offset store. Everything else lives in {@code persistence.conf}.
 */
public final class PekkoDatabaseConfig {

  private PekkoDatabaseConfig() {}

  public static Config forDatabase(DatabaseSettings settings) {
    String db = "pekko-persistence-jdbc.shared-databases.slick.";
    Map<String, Object> config = new HashMap<>(Map.of(
        db + "profile", settings.vendor().slickProfile(),
        db + "db.url", settings.url(),
        db + "db.user", settings.user(),
        db + "db.password", settings.password(),
        db + "db.driver", settings.vendor().driver(),
        db + "db.numThreads", settings.poolSize(),
        db + "db.maxConnections", settings.poolSize(),
        db + "db.minConnections", 1,
        "pekko.projection.jdbc.dialect", switch (settings.vendor()) {
          case POSTGRESQL -> "postgres-dialect";
          case H2 -> "h2-dialect";
        },
        "pekko.projection.jdbc.blocking-jdbc-dispatcher.thread-pool-executor.fixed-pool-size", settings.poolSize()));
    if (settings.vendor() == Vendor.POSTGRESQL) {
      // The journal's queries are planned for their own parameters. A connection otherwise keeps
      // the generic plan made after five runs, on the tables as they were then: on a new database
      // the projections' tag query read the whole tag at every poll until an ANALYZE made it
      // replan (and autovacuum may be off), and a region's cases went at 8 a second, not 25.
      config.put(db + "db.properties.options", "-c plan_cache_mode=force_custom_plan");
    }
    return ConfigFactory.parseMap(config, "database settings");
  }
}
