package nl.regie.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.projection.jdbc.JdbcSession;

/**
 * One transaction on one pooled connection, for Pekko Projections JDBC: the handler's writes and
 * the projection's offset commit or roll back together.
 */
public final class HikariJdbcSession implements JdbcSession {

  private final Connection connection;

  public HikariJdbcSession(Database database) {
    try {
      this.connection = database.dataSource().getConnection();
      this.connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot open a projection session: " + e.getMessage(), e);
    }
  }

  @Override
  public <R> R withConnection(Function<Connection, R> func) throws Exception {
    return func.apply(connection);
  }

  @Override
  public void commit() throws SQLException {
    connection.commit();
  }

  @Override
  public void rollback() throws SQLException {
    connection.rollback();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
