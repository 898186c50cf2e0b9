package nl.regie.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The journal's PostgreSQL connections plan each query for its own parameters; H2 gets no such option. */
class PekkoDatabaseConfigTest {

  @Test
  void theJournalsPostgresqlConnectionsPlanEachQueryForItsParameters() {
    DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://127.0.0.1:5432/regie", "postgres", "", 4);
    assertEquals("-c plan_cache_mode=force_custom_plan",
        PekkoDatabaseConfig.forDatabase(settings).getString("pekko-persistence-jdbc.shared-databases.slick.db.properties.options"));
    DatabaseSettings h2 = DatabaseSettings.embedded(java.nio.file.Path.of("target/h2-props"), 4);
    assertFalse(PekkoDatabaseConfig.forDatabase(h2).hasPath("pekko-persistence-jdbc.shared-databases.slick.db.properties"));
  }
}
