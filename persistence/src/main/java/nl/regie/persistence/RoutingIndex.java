package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the case an incoming bericht is about: by toewijzingnummer, or by the cliënt's BSN and the
 * gemeente. Written before the case is asked to act, so that nothing a case accepted is ever
 * unfindable; an entry for something the case then refused leads to a case that says it does not
 * know it, which is the right answer.
 */
public final class RoutingIndex {

  private final Database database;

  public RoutingIndex(Database database) {
    this.database = database;
  }

  public void caseOpened(String caseId, String bsn, String gemeente) {
    execute(switch (database.vendor()) {
      case POSTGRESQL -> "INSERT INTO case_index (case_id, bsn, gemeente) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
      case H2 -> "MERGE INTO case_index (case_id, bsn, gemeente) KEY (case_id) VALUES (?, ?, ?)";
    }, caseId, bsn, gemeente);
  }

  /**
   * Records that {@code nummers} belong to {@code caseId}.
   *
   * @return the numbers that already belong to another case: a ToewijzingNummer must be unique
   *     within the gemeente (TR332), so such a toewijzing must not be made
   */
  public List<Long> toewijzingen(String caseId, List<Long> nummers) {
    List<Long> elders = new ArrayList<>();
    for (long nummer : nummers) {
      Optional<String> owner = caseOfToewijzing(nummer);
      if (owner.isPresent()) {
        if (!owner.get().equals(caseId)) elders.add(nummer);
        continue;
      }
      execute(switch (database.vendor()) {
        case POSTGRESQL -> "INSERT INTO toewijzing_index (nummer, case_id) VALUES (?, ?) ON CONFLICT DO NOTHING";
        case H2 -> "MERGE INTO toewijzing_index (nummer, case_id) KEY (nummer) VALUES (?, ?)";
      }, nummer, caseId);
      caseOfToewijzing(nummer).filter(c -> !c.equals(caseId)).ifPresent(c -> elders.add(nummer));
    }
    return elders;
  }

  /** Forgets a case that was indexed before it existed and then was never made. */
  public void caseForgotten(String caseId) {
    execute("DELETE FROM case_index WHERE case_id = ?", caseId);
  }

  /** Gives back {@code nummers} claimed for {@code caseId} by a toewijzing the case refused. */
  public void toewijzingenReleased(String caseId, List<Long> nummers) {
    for (long nummer : nummers) execute("DELETE FROM toewijzing_index WHERE nummer = ? AND case_id = ?", nummer, caseId);
  }

  public Optional<String> caseOfToewijzing(long nummer) {
    List<String> found = strings("SELECT case_id FROM toewijzing_index WHERE nummer = ?", nummer);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  public List<String> casesOf(String bsn, String gemeente) {
    return strings("SELECT case_id FROM case_index WHERE bsn = ? AND gemeente = ? ORDER BY case_id", bsn, gemeente);
  }

  /**
   * Every case of the cliënt with this BSN, whatever gemeente it was opened in: a case handed over
   * to another gemeente is still indexed under the gemeente of its melding.
   */
  public List<String> casesOf(String bsn) {
    return strings("SELECT case_id FROM case_index WHERE bsn = ? ORDER BY case_id", bsn);
  }

  private void execute(String sql, Object... params) {
    try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot write the routing index: " + e.getMessage(), e);
    }
  }

  private List<String> strings(String sql, Object... params) {
    List<String> found = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) found.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read the routing index: " + e.getMessage(), e);
    }
    return found;
  }
}
