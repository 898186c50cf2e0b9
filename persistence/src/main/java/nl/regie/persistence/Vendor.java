package nl.regie.persistence;

import java.util.Map;

/** The databases Regie runs on: PostgreSQL in production and tests, H2 as the zero-setup default. */
public enum Vendor {
  POSTGRESQL("org.postgresql.Driver", "slick.jdbc.PostgresProfile$"),
  H2("org.h2.Driver", "slick.jdbc.H2Profile$");

  private final String driver;
  private final String slickProfile;

  Vendor(String driver, String slickProfile) {
    this.driver = driver;
    this.slickProfile = slickProfile;
  }

  public String driver() {
    return driver;
  }

  public String slickProfile() {
    return slickProfile;
  }

  /**
   * Driver properties of every connection, in both pools (the journal's and Regie's own).
   *
   * <p>PostgreSQL plans each statement for its own parameters. A connection otherwise keeps the
   * generic plan made after five runs, on the tables as they were then: on a new database the
   * journal's tag query read the whole tag at every poll until an ANALYZE made it replan (and
   * autovacuum may be off), and a region's cases went at 8 a second where 25 go now.
   */
  public Map<String, String> connectionProperties() {
    return switch (this) {
      case POSTGRESQL -> Map.of("options", "-c plan_cache_mode=force_custom_plan");
      case H2 -> Map.of();
    };
  }

  /**
   * The vendor of a JDBC URL.
   *
   * @throws IllegalArgumentException for any other database
   */
  public static Vendor of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:postgresql:")) return POSTGRESQL;
    if (jdbcUrl.startsWith("jdbc:h2:")) return H2;
    throw new IllegalArgumentException(
        "unsupported database URL '" + jdbcUrl + "': use jdbc:postgresql://… or jdbc:h2:…");
  }
}
