package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The iWmo berichten Regie received and sent, verbatim. An incoming bericht is stored before it
 * is processed and marked {@code VERWERKT}, with its retour, only when its effects are persisted:
 * the same bericht posted again finds its answer here, or its unfinished processing.
 */
public final class BerichtStore {

  /** Which way a bericht went. */
  public enum Richting { IN, UIT }

  /** Where a bericht stands. */
  public enum Status {
    /** Received and stored; its effects may not all be persisted yet. */
    ONTVANGEN,
    /** Processed; its retour (if any) is stored and linked. */
    VERWERKT,
    /** Not processable as a whole (technically broken, or its Identificatie reused). */
    AFGEKEURD,
    /** Written by Regie, for the aanbieder to fetch. */
    VERZONDEN
  }

  /** A stored bericht. {@code afzender} is who actually sent it (for a 302: the aanbieder). */
  public record Stored(
      long id, Richting richting, String berichtsoort, String afzender, String ontvanger, String identificatie,
      LocalDate dagtekening, String formaat, byte[] inhoud, String sha256, Instant ontvangenOp, Status status,
      Long retourId, String caseId) {}

  /** A bericht about to be stored. */
  public record New(
      Richting richting, String berichtsoort, String afzender, String ontvanger, String identificatie,
      LocalDate dagtekening, String formaat, byte[] inhoud, String sha256, Instant ontvangenOp, Status status, String caseId) {}

  private static final String COLUMNS = "id, richting, berichtsoort, afzender, ontvanger, identificatie, dagtekening, formaat, "
      + "inhoud, sha256, ontvangen_op, status, retour_id, case_id";

  private final Database database;

  public BerichtStore(Database database) {
    this.database = database;
  }

  /** Stores {@code bericht} and returns its id. */
  public long insert(New bericht) {
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        long id = insert(c, bericht);
        c.commit();
        return id;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot store a bericht: " + e.getMessage(), e);
    }
  }

  /**
   * Stores {@code bericht} in the caller's transaction, which holds the {@link AppendLock#BERICHT}
   * from here on (aanbieders page through the outbox by id).
   */
  public long insert(Connection c, New b) throws SQLException {
    AppendLock.BERICHT.take(c);
    String sql = "INSERT INTO bericht (richting, berichtsoort, afzender, ontvanger, identificatie, dagtekening, formaat, "
        + "inhoud, sha256, ontvangen_op, status, case_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, b.richting().name());
      ps.setString(2, b.berichtsoort());
      ps.setString(3, b.afzender());
      ps.setString(4, b.ontvanger());
      ps.setString(5, b.identificatie());
      ps.setObject(6, b.dagtekening());
      ps.setString(7, b.formaat());
      ps.setBytes(8, b.inhoud());
      ps.setString(9, b.sha256());
      Jdbc.setInstant(ps, 10, b.ontvangenOp());
      ps.setString(11, b.status().name());
      ps.setString(12, b.caseId());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Stores {@code b} unless a bericht with its key is there already (an outbox row seen twice). */
  public void insertOnce(Connection c, New b) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT 1 FROM bericht WHERE richting = ? AND afzender = ? AND berichtsoort = ? AND identificatie = ?")) {
      ps.setString(1, b.richting().name());
      ps.setString(2, b.afzender());
      ps.setString(3, b.berichtsoort());
      ps.setString(4, b.identificatie());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) return;
      }
    }
    insert(c, b);
  }

  /** The bericht with this key, if one was stored. */
  public Optional<Stored> find(Richting richting, String afzender, String berichtsoort, String identificatie) {
    return one("SELECT " + COLUMNS + " FROM bericht WHERE richting = ? AND afzender = ? AND berichtsoort = ? AND identificatie = ?",
        richting.name(), afzender, berichtsoort, identificatie);
  }

  public Optional<Stored> find(long id) {
    return one("SELECT " + COLUMNS + " FROM bericht WHERE id = ?", id);
  }

  /**
   * Stores the retour of incoming bericht {@code inId} and marks it processed, in one transaction.
   *
   * @return the retour's id
   */
  public long complete(long inId, Optional<New> retour, String caseId) {
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        Long retourId = null;
        if (retour.isPresent()) retourId = insert(c, retour.get());
        try (PreparedStatement ps = c.prepareStatement("UPDATE bericht SET status = ?, retour_id = ?, case_id = ? WHERE id = ?")) {
          ps.setString(1, Status.VERWERKT.name());
          ps.setObject(2, retourId);
          ps.setString(3, caseId);
          ps.setLong(4, inId);
          ps.executeUpdate();
        }
        c.commit();
        return retourId == null ? inId : retourId;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot store a retour: " + e.getMessage(), e);
    }
  }

  /** The berichten Regie sent to {@code ontvanger} after id {@code after}, of the given soorten, oldest first. */
  public List<Stored> sentTo(String ontvanger, List<String> soorten, long after, int limit) {
    String placeholders = String.join(", ", soorten.stream().map(s -> "?").toList());
    String sql = "SELECT " + COLUMNS + " FROM bericht WHERE richting = 'UIT' AND ontvanger = ? AND id > ? AND berichtsoort IN ("
        + placeholders + ") ORDER BY id LIMIT ?";
    List<Object> params = new ArrayList<>(List.of(ontvanger, after));
    params.addAll(soorten);
    params.add(limit);
    return many(true, sql, params.toArray());
  }

  /** Every bericht about {@code caseId}, oldest first. */
  public List<Stored> ofCase(String caseId) {
    return many(false, "SELECT " + COLUMNS + " FROM bericht WHERE case_id = ? ORDER BY id", caseId);
  }

  private Optional<Stored> one(String sql, Object... params) {
    List<Stored> found = many(false, sql, params);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** {@code page}: a query that pages through the berichten ({@link Jdbc#pageQuery}), not a lookup by key. */
  private List<Stored> many(boolean page, String sql, Object... params) {
    List<Stored> found = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = page ? Jdbc.pageQuery(c, sql) : c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) found.add(read(rs));
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read berichten: " + e.getMessage(), e);
    }
    return found;
  }

  private static Stored read(ResultSet rs) throws SQLException {
    Long retour = rs.getObject("retour_id", Long.class);
    return new Stored(rs.getLong("id"), Richting.valueOf(rs.getString("richting")), rs.getString("berichtsoort"),
        rs.getString("afzender"), rs.getString("ontvanger"), rs.getString("identificatie"),
        rs.getObject("dagtekening", LocalDate.class), rs.getString("formaat"), rs.getBytes("inhoud"), rs.getString("sha256"),
        Jdbc.getInstant(rs, "ontvangen_op"), Status.valueOf(rs.getString("status")), retour,
        rs.getString("case_id"));
  }
}
