package nl.regie.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Every PostgreSQL connection, of Regie's pool and of the journal's, plans each statement for its own parameters. */
class DatabaseTest {

  @Test
  void regiesConnectionsPlanEachStatementForItsParameters() throws Exception {
    try (TestDatabase postgres = TestDatabase.create(DatabaseTest.class);
        Database database = Database.connect(postgres.settings());
        Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW plan_cache_mode")) {
      rs.next();
      assertEquals("force_custom_plan", rs.getString(1));
    }
  }

  @Test
  void theJournalsConnectionsGetTheSameDriverProperties() {
    DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://127.0.0.1:5432/regie", "postgres", "", 4);
    assertEquals("-c plan_cache_mode=force_custom_plan",
        PekkoDatabaseConfig.forDatabase(settings).getString("pekko-persistence-jdbc.shared-databases.slick.db.properties.options"));
    DatabaseSettings h2 = DatabaseSettings.embedded(java.nio.file.Path.of("target/h2-props"), 4);
    assertFalse(PekkoDatabaseConfig.forDatabase(h2).hasPath("pekko-persistence-jdbc.shared-databases.slick.db.properties"));
  }
}
