package nl.regie.persistence;

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
