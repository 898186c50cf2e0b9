package nl.regie.persistence;

import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date: the Pekko journal tables (per vendor, in {@code
 * db/migration/<vendor>}) and Regie's own tables ({@code db/migration/common}). Nothing is ever
 * created by hand.
 */
public final class Migrations {

  private Migrations() {}

  /**
   * Applies every pending migration.
   *
   * @return how many were applied
   * @throws DatabaseUnavailableException when a migration fails, with Flyway's reason
   */
  public static int apply(Database database) {
    return apply(database, "latest");
  }

  /** Applies the pending migrations up to version {@code target} ("latest": all); for tests of one migration. */
  static int apply(Database database, String target) {
    try {
      MigrateResult result =
          Flyway.configure()
              .dataSource(database.dataSource())
              .locations("classpath:db/migration/common", "classpath:db/migration/" + database.vendor().name().toLowerCase(Locale.ROOT))
              .failOnMissingLocations(true)
              .target(target)
              .load()
              .migrate();
      return result.migrationsExecuted;
    } catch (FlywayException e) {
      throw new DatabaseUnavailableException(
          "cannot migrate the database at "
              + database.settings().describe()
              + ": "
              + Database.rootMessage(e),
          e);
    }
  }
}
