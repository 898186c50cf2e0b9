package nl.regie.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The connection pool for Regie's own tables (read models, indexes, sequences). The journal has
 * its own pool inside Pekko Persistence JDBC; both point at the same database.
 */
public final class Database implements AutoCloseable {

  private final DatabaseSettings settings;
  private final HikariDataSource dataSource;
  private final Durability durability;

  private Database(DatabaseSettings settings, HikariDataSource dataSource) {
    this.settings = settings;
    this.dataSource = dataSource;
    this.durability = switch (settings.vendor()) {
      case POSTGRESQL -> Durability.AT_COMMIT;
      case H2 -> new EmbeddedFlush(dataSource);
    };
  }

  /**
   * Opens the pool and proves the database answers.
   *
   * @throws DatabaseUnavailableException at once when it does not
   */
  public static Database connect(DatabaseSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("regie");
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setDriverClassName(settings.vendor().driver());
    if (settings.vendor() == Vendor.POSTGRESQL) {
      // A batch of inserts goes as multi-row statements, each row in its batch's order: the
      // projection writes a group's case-list rows and stream entries in batches, and the audit its
      // entries; row by row, PostgreSQL planned and ran each as a statement of its own.
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(1);
    config.setConnectionTimeout(5_000);
    // Fail at startup instead of retrying for minutes: an operator wants to know now.
    config.setInitializationFailTimeout(1);
    try {
      HikariDataSource dataSource = new HikariDataSource(config);
      try (Connection connection = dataSource.getConnection()) {
        connection.isValid(5);
      }
      return new Database(settings, dataSource);
    } catch (RuntimeException | SQLException e) {
      throw new DatabaseUnavailableException(
          "cannot reach the database at " + settings.describe() + ": " + rootMessage(e), e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public DatabaseSettings settings() {
    return settings;
  }

  public Vendor vendor() {
    return settings.vendor();
  }

  /** What an answer waits for before it reports a change: see {@link Durability}. */
  public Durability durability() {
    return durability;
  }

  @Override
  public void close() {
    if (durability instanceof EmbeddedFlush flush) flush.close();
    dataSource.close();
  }
}
