package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.regie.protocol.api.WerkvoorraadView;
import nl.regie.protocol.cases.DeadlineStatus;
import nl.regie.protocol.cases.Fase;
import nl.regie.protocol.cases.Partij;

/**
 * The work queue (werkvoorraad): the open cases, nearest due deadline first, read from the case
 * list's rows ({@link CaseList.NextDeadline}); cases without a running deadline come last, by case
 * id. Always within the scope of who asks, by the case list's own rule.
 *
 * <p>The queue is read as two ranges, the dated cases by (next_due, case_id) and then the undated
 * ones by case_id, each in the order of its index and without NULLS LAST, whose meaning and index
 * use differ between PostgreSQL and H2.
 */
public final class Werkvoorraad {

  /** Where a page ended: its last case's next due date (null when it had none) and its id. */
  public record After(LocalDate due, String caseId) {

    public After {
      if (caseId == null) throw new IllegalArgumentException("a position names a case");
    }
  }

  /**
   * Which open cases to list: the scope ({@code gemeenten}, aanbieder {@code agb}) as in {@link
   * CaseList.Query}; {@code gemeente} and {@code aanZet} filter when not null; {@code after} (the
   * last case of the page before, or null) pages on; {@code limit} caps a page.
   */
  public record Query(Set<String> gemeenten, String agb, String gemeente, Partij aanZet, After after, int limit) {

    public Query {
      gemeenten = gemeenten == null ? Set.of() : Set.copyOf(gemeenten);
      if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
    }

    boolean scopesNothing() {
      return gemeenten.isEmpty() && agb == null;
    }
  }

  /** The fasen that end a case, as SQL: an ended case is in nobody's queue. */
  private static final String ENDS = Arrays.stream(Fase.values()).filter(Fase::isEinde)
      .map(f -> "'" + f.name() + "'").collect(Collectors.joining(", "));

  private static final String COLUMNS = "case_id, gemeente, fase, aan_zet, bsn_masked, melding_op, "
      + "next_deadline_id, next_due, next_code, next_responsible, next_status";

  private final Database database;

  public Werkvoorraad(Database database) {
    this.database = database;
  }

  /** One page of the open cases in {@code q}'s scope that pass its filters, nearest due first. */
  public List<WerkvoorraadView> find(Query q) {
    if (q.scopesNothing()) return List.of();
    List<WerkvoorraadView> page = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection()) {
      boolean pastTheDated = q.after() != null && q.after().due() == null;
      if (!pastTheDated) page.addAll(read(c, q, true, q.limit()));
      if (page.size() < q.limit()) page.addAll(read(c, q, false, q.limit() - page.size()));
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read the work queue: " + e.getMessage(), e);
    }
    return page;
  }

  /** Up to {@code limit} of the dated cases (by due date, then id) or of the undated ones (by id), after {@code q.after()}. */
  private List<WerkvoorraadView> read(Connection c, Query q, boolean dated, int limit) throws SQLException {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM case_list c WHERE "
        + CaseList.scope(q.gemeenten(), q.agb(), params) + " AND c.fase NOT IN (" + ENDS + ")");
    if (q.gemeente() != null) {
      sql.append(" AND c.gemeente = ?");
      params.add(q.gemeente());
    }
    if (q.aanZet() != null) {
      sql.append(" AND c.aan_zet = ?");
      params.add(q.aanZet().name());
    }
    After after = q.after();
    if (dated) {
      sql.append(" AND c.next_due IS NOT NULL");
      if (after != null) {
        // A row comparison, which PostgreSQL takes into the index scan (an OR of the two it filters row by row).
        sql.append(" AND (c.next_due, c.case_id) > (?, ?)");
        params.addAll(List.of(after.due(), after.caseId()));
      }
      sql.append(" ORDER BY c.next_due, c.case_id LIMIT ?");
    } else {
      sql.append(" AND c.next_due IS NULL");
      if (after != null && after.due() == null) {
        sql.append(" AND c.case_id > ?");
        params.add(after.caseId());
      }
      sql.append(" ORDER BY c.case_id LIMIT ?");
    }
    params.add(limit);
    List<WerkvoorraadView> found = new ArrayList<>();
    try (PreparedStatement ps = Jdbc.pageQuery(c, sql.toString())) {
      for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) found.add(view(rs));
      }
    }
    return found;
  }

  private static WerkvoorraadView view(ResultSet rs) throws SQLException {
    CaseList.NextDeadline next = CaseList.next(rs);
    return new WerkvoorraadView(rs.getString("case_id"), rs.getString("gemeente"), CaseList.fase(rs), CaseList.aanZet(rs),
        rs.getString("bsn_masked"), rs.getObject("melding_op", LocalDate.class),
        next == null ? null : new WerkvoorraadView.NextDeadline(next.code(), next.due(), next.responsible(),
            next.status() != DeadlineStatus.OPEN));
  }
}
