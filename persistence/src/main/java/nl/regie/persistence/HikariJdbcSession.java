package nl.regie.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.projection.jdbc.JdbcSession;

/**
 * One transaction on one pooled connection, for Pekko Projections JDBC: the handler's writes and
 * the projection's offset commit or roll back together. Appends that take an {@link AppendLock}
 * wait until just before the commit ({@link #beforeCommit}): the lock makes every other writer of
 * its table wait until this transaction ends, so it is taken after the rest of the work, not
 * before.
 */
public final class HikariJdbcSession implements JdbcSession {

  /** Work on the session's connection, in its transaction. */
  public interface Work {
    void run(Connection c) throws SQLException;
  }

  private final Connection connection;
  private final List<Work> beforeCommit = new ArrayList<>();

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

  /** Does {@code work} just before the commit, after the work registered before it. */
  public void beforeCommit(Work work) {
    beforeCommit.add(work);
  }

  @Override
  public void commit() throws SQLException {
    try {
      for (Work work : beforeCommit) work.run(connection);
    } finally {
      beforeCommit.clear();
    }
    connection.commit();
  }

  @Override
  public void rollback() throws SQLException {
    beforeCommit.clear();
    connection.rollback();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
