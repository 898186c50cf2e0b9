package nl.regie.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one test class, dropped again on {@link #close()}. Tests that
 * touch storage run against a real server (127.0.0.1:5432, user postgres by default; override
 * with {@code REGIE_TEST_PG_URL}, {@code REGIE_TEST_PG_USER}, {@code REGIE_TEST_PG_PASSWORD}), each
 * class isolated in its own database so that classes can run in any order.
 */
public final class TestDatabase implements AutoCloseable {

  private static final String SERVER =
      env("REGIE_TEST_PG_URL").orElse("jdbc:postgresql://127.0.0.1:5432/");
  private static final String USER = env("REGIE_TEST_PG_USER").orElse("postgres");
  private static final String PASSWORD = env("REGIE_TEST_PG_PASSWORD").orElse("");

  private final String name;
  private final DatabaseSettings settings;

  private TestDatabase(String name) {
    this.name = name;
    this.settings = new DatabaseSettings(SERVER + name, USER, PASSWORD, 4);
  }

  /** Creates an empty database named after {@code owner} plus a random suffix. */
  public static TestDatabase create(Class<?> owner) {
    String name =
        ("regie_t_" + owner.getSimpleName() + "_" + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT);
    execute("CREATE DATABASE " + name);
    return new TestDatabase(name);
  }

  /** Creates a database and applies every migration to it. */
  public static TestDatabase migrated(Class<?> owner) {
    TestDatabase db = create(owner);
    try (Database database = Database.connect(db.settings())) {
      Migrations.apply(database);
    }
    return db;
  }

  public DatabaseSettings settings() {
    return settings;
  }

  public String name() {
    return name;
  }

  @Override
  public void close() {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL for the tests is not usable at " + SERVER + " (" + e.getMessage() + ")", e);
    }
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }
}
