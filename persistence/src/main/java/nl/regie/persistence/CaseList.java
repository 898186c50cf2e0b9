package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.regie.protocol.api.CaseSummaryView;
import nl.regie.protocol.cases.DeadlineStatus;
import nl.regie.protocol.cases.Fase;
import nl.regie.protocol.cases.Partij;

/**
 * The case list read model: one row per case with what the list shows and the AGB codes of the
 * aanbieders involved (the case-list projection keeps the state it folds in memory). The
 * projection writes it ({@link #rows}, {@link #saveAll}) in its own transaction; the API reads it
 * ({@link #find}, and the work queue, {@link Werkvoorraad}), always within the scope of who asks.
 */
public final class CaseList {

  /**
   * One case's row.
   *
   * @param bsnMasked at most four digits show; the full BSN is refused here
   * @param updatedAt when the last applied event happened
   * @param next the running deadline due first, or null when none runs (the work queue's order)
   * @param version the case's version after the last applied event
   */
  public record Row(
      String caseId, String gemeente, Fase fase, Partij aanZet, String bsnMasked, LocalDate meldingOp, Instant updatedAt,
      int openDeadlines, int missedDeadlines, NextDeadline next, long version) {

    public Row {
      // The last line of defence for the cliënt's privacy: whatever a caller forgot, no BSN lands here.
      if (bsnMasked != null && bsnMasked.chars().filter(Character::isDigit).count() > 4) {
        throw new IllegalArgumentException("the case list stores a masked BSN only");
      }
    }

    public Stamp stamp() {
      return new Stamp(version, updatedAt);
    }
  }

  /**
   * A case's running deadline (open, missed or escalated) that is due first: what the work queue
   * orders by and shows.
   *
   * @param id the deadline's id; null in a row written before the list kept it (V24)
   * @param responsible the party that must act, e.g. {@code aanbieder:12345678}
   */
  public record NextDeadline(String id, LocalDate due, String code, String responsible, DeadlineStatus status) {

    public NextDeadline {
      if (due == null || code == null || status == null || !status.isLopend()) {
        throw new IllegalArgumentException("a next deadline is a running one with a due date and a code");
      }
    }
  }

  /**
   * Which cases to list. The scope is what the asker may see at all: the cases of any gemeente in
   * {@code gemeenten}, and those on which aanbieder {@code agb} has a toewijzing or a verzoek; with
   * neither, nothing. Within the scope, {@code gemeente}, {@code fase} (a {@link Fase} name) and
   * {@code aanbieder} filter when not null. The list runs by caseId; {@code afterCaseId} (the last
   * caseId of the page before, or null) pages on, {@code limit} caps a page.
   */
  public record Query(
      Set<String> gemeenten, String agb, String gemeente, String fase, String aanbieder, String afterCaseId, int limit) {

    public Query {
      gemeenten = gemeenten == null ? Set.of() : Set.copyOf(gemeenten);
      if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
    }

    boolean scopesNothing() {
      return gemeenten.isEmpty() && agb == null;
    }
  }

  private static final String COLUMNS =
      "case_id, gemeente, fase, aan_zet, bsn_masked, melding_op, updated_at, open_deadlines, missed_deadlines, version";
  private static final String NEXT_COLUMNS = "next_deadline_id, next_due, next_code, next_responsible, next_status";

  private final Database database;

  public CaseList(Database database) {
    this.database = database;
  }

  /** The row of {@code caseId}, read in {@code c}'s transaction. */
  public Optional<Row> load(Connection c, String caseId) throws SQLException {
    return Optional.ofNullable(rows(c, List.of(caseId)).get(caseId));
  }

  /** Where a case's row stands: the version of its last applied event, and when that happened. */
  public record Stamp(long version, Instant updatedAt) {}

  /** The rows of those of {@code caseIds} that have one, in one query per thousand. */
  public Map<String, Row> rows(Connection c, Collection<String> caseIds) throws SQLException {
    Map<String, Row> rows = new HashMap<>();
    for (List<String> chunk : Jdbc.chunks(caseIds)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", " + NEXT_COLUMNS + " FROM case_list WHERE case_id IN ("
          + Jdbc.placeholders(chunk.size()) + ")")) {
        for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.put(rs.getString("case_id"), new Row(rs.getString("case_id"), rs.getString("gemeente"), fase(rs), aanZet(rs),
                rs.getString("bsn_masked"), rs.getObject("melding_op", LocalDate.class), Jdbc.getInstant(rs, "updated_at"),
                rs.getInt("open_deadlines"), rs.getInt("missed_deadlines"), next(rs), rs.getLong("version")));
          }
        }
      }
    }
    return rows;
  }

  /** The aanbieders (AGB codes) of those of {@code caseIds} that have any, in one query per thousand. */
  public Map<String, Set<String>> aanbieders(Connection c, Collection<String> caseIds) throws SQLException {
    Map<String, Set<String>> aanbieders = new HashMap<>();
    for (List<String> chunk : Jdbc.chunks(caseIds)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT case_id, agb FROM case_list_aanbieder WHERE case_id IN ("
          + Jdbc.placeholders(chunk.size()) + ")")) {
        for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) aanbieders.computeIfAbsent(rs.getString(1), id -> new TreeSet<>()).add(rs.getString(2));
        }
      }
    }
    return aanbieders;
  }

  /** A row to write, and its aanbieders when they changed (null: as they were). */
  public record Change(Row row, Set<String> aanbieders) {}

  /** Writes each row over whatever its case had, and its changed aanbieders, in {@code c}'s transaction, batched. */
  public void saveAll(Connection c, List<Change> changes) throws SQLException {
    if (changes.isEmpty()) return;
    try (PreparedStatement ps = c.prepareStatement(upsert())) {
      for (Change change : changes) {
        setRow(ps, change.row());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    List<Change> aanbiedersChanged = changes.stream().filter(change -> change.aanbieders() != null).toList();
    if (aanbiedersChanged.isEmpty()) return;
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM case_list_aanbieder WHERE case_id = ?")) {
      for (Change change : aanbiedersChanged) {
        ps.setString(1, change.row().caseId());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_list_aanbieder (case_id, agb) VALUES (?, ?)")) {
      for (Change change : aanbiedersChanged) {
        for (String agb : change.aanbieders()) {
          ps.setString(1, change.row().caseId());
          ps.setString(2, agb);
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }

  private String upsert() {
    String values = "(" + COLUMNS + ", " + NEXT_COLUMNS + ") ";
    String placeholders = "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    return switch (database.vendor()) {
      case POSTGRESQL -> "INSERT INTO case_list " + values + placeholders + " ON CONFLICT (case_id) DO UPDATE SET "
          + "gemeente = EXCLUDED.gemeente, fase = EXCLUDED.fase, aan_zet = EXCLUDED.aan_zet, bsn_masked = EXCLUDED.bsn_masked, "
          + "melding_op = EXCLUDED.melding_op, updated_at = EXCLUDED.updated_at, open_deadlines = EXCLUDED.open_deadlines, "
          + "missed_deadlines = EXCLUDED.missed_deadlines, version = EXCLUDED.version, "
          + "next_deadline_id = EXCLUDED.next_deadline_id, next_due = EXCLUDED.next_due, "
          + "next_code = EXCLUDED.next_code, next_responsible = EXCLUDED.next_responsible, next_status = EXCLUDED.next_status";
      case H2 -> "MERGE INTO case_list " + values + "KEY (case_id) " + placeholders;
    };
  }

  private static void setRow(PreparedStatement ps, Row row) throws SQLException {
    ps.setString(1, row.caseId());
    ps.setString(2, row.gemeente());
    ps.setString(3, row.fase() == null ? null : row.fase().name());
    ps.setString(4, row.aanZet() == null ? null : row.aanZet().name());
    ps.setString(5, row.bsnMasked());
    ps.setObject(6, row.meldingOp());
    Jdbc.setInstant(ps, 7, row.updatedAt());
    ps.setInt(8, row.openDeadlines());
    ps.setInt(9, row.missedDeadlines());
    ps.setLong(10, row.version());
    NextDeadline next = row.next();
    ps.setString(11, next == null ? null : next.id());
    ps.setObject(12, next == null ? null : next.due());
    ps.setString(13, next == null ? null : next.code());
    ps.setString(14, next == null ? null : next.responsible());
    ps.setString(15, next == null ? null : next.status().name());
  }

  /** One page of the cases in {@code q}'s scope that pass its filters, by caseId. */
  public List<CaseSummaryView> find(Query q) {
    if (q.scopesNothing()) return List.of();
    List<Object> params = new ArrayList<>();
    StringBuilder page = new StringBuilder("SELECT " + COLUMNS + " FROM case_list c WHERE " + scope(q.gemeenten(), q.agb(), params));
    if (q.gemeente() != null) {
      page.append(" AND c.gemeente = ?");
      params.add(q.gemeente());
    }
    if (q.fase() != null) {
      page.append(" AND c.fase = ?");
      params.add(q.fase());
    }
    if (q.aanbieder() != null) {
      page.append(" AND EXISTS (SELECT 1 FROM case_list_aanbieder f WHERE f.case_id = c.case_id AND f.agb = ?)");
      params.add(q.aanbieder());
    }
    if (q.afterCaseId() != null) {
      page.append(" AND c.case_id > ?");
      params.add(q.afterCaseId());
    }
    page.append(" ORDER BY c.case_id LIMIT ?");
    params.add(q.limit());
    // The page first, then its aanbieders joined on: a case with three aanbieders is one case.
    String sql = "SELECT l.*, a.agb FROM (" + page + ") l LEFT JOIN case_list_aanbieder a ON a.case_id = l.case_id "
        + "ORDER BY l.case_id, a.agb";
    List<CaseSummaryView> cases = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = Jdbc.pageQuery(c, sql)) {
      for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
      try (ResultSet rs = ps.executeQuery()) {
        String current = null;
        List<String> aanbieders = new ArrayList<>();
        CaseSummaryView pending = null;
        while (rs.next()) {
          String caseId = rs.getString("case_id");
          if (!caseId.equals(current)) {
            if (pending != null) cases.add(withAanbieders(pending, aanbieders));
            current = caseId;
            aanbieders = new ArrayList<>();
            pending = summary(rs);
          }
          String agb = rs.getString("agb");
          if (agb != null) aanbieders.add(agb);
        }
        if (pending != null) cases.add(withAanbieders(pending, aanbieders));
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read the case list: " + e.getMessage(), e);
    }
    return cases;
  }

  /**
   * The condition on case_list {@code c} that keeps what an asker of {@code gemeenten} and aanbieder
   * {@code agb} may see (at least one of them given), its values added to {@code params}. The work
   * queue scopes by the same rule.
   */
  static String scope(Set<String> gemeenten, String agb, List<Object> params) {
    List<String> scope = new ArrayList<>();
    if (!gemeenten.isEmpty()) {
      scope.add("c.gemeente IN (" + String.join(", ", Collections.nCopies(gemeenten.size(), "?")) + ")");
      params.addAll(new TreeSet<>(gemeenten));
    }
    if (agb != null) {
      scope.add("EXISTS (SELECT 1 FROM case_list_aanbieder s WHERE s.case_id = c.case_id AND s.agb = ?)");
      params.add(agb);
    }
    if (scope.isEmpty()) throw new IllegalArgumentException("a scope of nothing");
    return "(" + String.join(" OR ", scope) + ")";
  }

  private static CaseSummaryView summary(ResultSet rs) throws SQLException {
    return new CaseSummaryView(rs.getString("case_id"), rs.getString("gemeente"), fase(rs), aanZet(rs),
        rs.getString("bsn_masked"), rs.getObject("melding_op", LocalDate.class), List.of(), rs.getInt("open_deadlines"),
        rs.getInt("missed_deadlines"), Jdbc.getInstant(rs, "updated_at"), rs.getLong("version"));
  }

  private static CaseSummaryView withAanbieders(CaseSummaryView s, List<String> aanbieders) {
    return new CaseSummaryView(s.caseId(), s.gemeente(), s.fase(), s.aanZet(), s.bsn(), s.meldingOp(), aanbieders,
        s.openDeadlines(), s.missedDeadlines(), s.updatedAt(), s.version());
  }

  /** The next deadline of the row at {@code rs}, or null. */
  static NextDeadline next(ResultSet rs) throws SQLException {
    LocalDate due = rs.getObject("next_due", LocalDate.class);
    if (due == null) return null;
    return new NextDeadline(rs.getString("next_deadline_id"), due, rs.getString("next_code"), rs.getString("next_responsible"),
        DeadlineStatus.valueOf(rs.getString("next_status")));
  }

  static Fase fase(ResultSet rs) throws SQLException {
    String fase = rs.getString("fase");
    return fase == null ? null : Fase.valueOf(fase);
  }

  static Partij aanZet(ResultSet rs) throws SQLException {
    String aanZet = rs.getString("aan_zet");
    return aanZet == null ? null : Partij.valueOf(aanZet);
  }
}
