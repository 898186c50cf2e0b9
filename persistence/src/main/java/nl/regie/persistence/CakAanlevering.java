package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.regie.protocol.api.CakLeveringView;
import nl.regie.protocol.api.CakMutatieView;

/**
 * The CAK aanlevering read model (migration V16): per case its BSN and gemeente, per toewijzing
 * its product and aanbieder, the periods of care, and the lines of the monthly aanlevering. The CAK
 * projection writes it in its own transaction (the methods that take a {@link Connection}); the
 * API reads a gemeente's month ({@link #mutaties}, {@link #stand}). Which event makes which line
 * is the projection's business; this class only stores.
 */
public final class CakAanlevering {

  /**
   * What the projection remembers of a case.
   *
   * @param bsn null when the case's eigen bijdrage does not go through the CAK
   * @param version the sequence number of the last event applied
   */
  public record Zaak(String caseId, String bsn, String gemeente, boolean viaCak, long version) {}

  /** A period of care under toewijzing {@code nummer}; {@code id} null until stored. */
  public record Periode(Long id, long nummer, LocalDate begindatum, LocalDate einddatum, String reden, boolean verwijderd) {}

  /** A line of the aanlevering: {@code event} of case {@code caseId} recorded at {@code geregistreerd} in month {@code maand}. */
  public record NieuweMutatie(String caseId, long sequenceNr, String gemeente, YearMonth maand, Instant geregistreerd,
      CakMutatieView.Soort soort, long nummer, LocalDate begindatum, LocalDate einddatum, String reden) {}

  private final Database database;

  public CakAanlevering(Database database) {
    this.database = database;
  }

  // --- written by the projection, in its transaction ---

  public Optional<Zaak> zaak(Connection c, String caseId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT bsn, gemeente, via_cak, version FROM cak_zaak WHERE case_id = ?")) {
      ps.setString(1, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        return Optional.of(new Zaak(caseId, rs.getString("bsn"), rs.getString("gemeente"), rs.getBoolean("via_cak"),
            rs.getLong("version")));
      }
    }
  }

  public void save(Connection c, Zaak zaak) throws SQLException {
    String sql = switch (database.vendor()) {
      case POSTGRESQL -> "INSERT INTO cak_zaak (case_id, bsn, gemeente, via_cak, version) VALUES (?, ?, ?, ?, ?) "
          + "ON CONFLICT (case_id) DO UPDATE SET bsn = EXCLUDED.bsn, gemeente = EXCLUDED.gemeente, via_cak = EXCLUDED.via_cak, "
          + "version = EXCLUDED.version";
      case H2 -> "MERGE INTO cak_zaak (case_id, bsn, gemeente, via_cak, version) KEY (case_id) VALUES (?, ?, ?, ?, ?)";
    };
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, zaak.caseId());
      ps.setString(2, zaak.bsn());
      ps.setString(3, zaak.gemeente());
      ps.setBoolean(4, zaak.viaCak());
      ps.setLong(5, zaak.version());
      ps.executeUpdate();
    }
  }

  public void saveToewijzing(Connection c, long nummer, String caseId, String product, String aanbieder) throws SQLException {
    String sql = switch (database.vendor()) {
      case POSTGRESQL -> "INSERT INTO cak_toewijzing (nummer, case_id, product, aanbieder) VALUES (?, ?, ?, ?) "
          + "ON CONFLICT (nummer) DO UPDATE SET case_id = EXCLUDED.case_id, product = EXCLUDED.product, aanbieder = EXCLUDED.aanbieder";
      case H2 -> "MERGE INTO cak_toewijzing (nummer, case_id, product, aanbieder) KEY (nummer) VALUES (?, ?, ?, ?)";
    };
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, nummer);
      ps.setString(2, caseId);
      ps.setString(3, product);
      ps.setString(4, aanbieder);
      ps.executeUpdate();
    }
  }

  /** The period of toewijzing {@code nummer} that counts now: the latest not withdrawn. */
  public Optional<Periode> laatste(Connection c, long nummer) throws SQLException {
    return periode(c, "SELECT * FROM cak_levering WHERE toewijzing_nummer = ? AND NOT verwijderd ORDER BY begindatum DESC, id DESC",
        nummer, null);
  }

  /** The period of toewijzing {@code nummer} that began on {@code begindatum} and was not withdrawn. */
  public Optional<Periode> periode(Connection c, long nummer, LocalDate begindatum) throws SQLException {
    return periode(c, "SELECT * FROM cak_levering WHERE toewijzing_nummer = ? AND begindatum = ? AND NOT verwijderd ORDER BY id DESC",
        nummer, begindatum);
  }

  private static Optional<Periode> periode(Connection c, String sql, long nummer, LocalDate begindatum) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, nummer);
      if (begindatum != null) ps.setObject(2, begindatum);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        return Optional.of(new Periode(rs.getLong("id"), nummer, rs.getObject("begindatum", LocalDate.class),
            rs.getObject("einddatum", LocalDate.class), rs.getString("reden"), rs.getBoolean("verwijderd")));
      }
    }
  }

  /** Stores a new period ({@code id} null) or writes over the one with its id. */
  public void save(Connection c, Periode p) throws SQLException {
    String sql = p.id() == null
        ? "INSERT INTO cak_levering (einddatum, reden, verwijderd, toewijzing_nummer, begindatum) VALUES (?, ?, ?, ?, ?)"
        : "UPDATE cak_levering SET einddatum = ?, reden = ?, verwijderd = ? WHERE id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, p.einddatum(), Types.DATE);
      ps.setString(2, p.reden());
      ps.setBoolean(3, p.verwijderd());
      if (p.id() == null) {
        ps.setLong(4, p.nummer());
        ps.setObject(5, p.begindatum());
      } else {
        ps.setLong(4, p.id());
      }
      ps.executeUpdate();
    }
  }

  public void record(Connection c, NieuweMutatie m) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO cak_mutatie (case_id, sequence_nr, gemeente, maand, geregistreerd, "
        + "soort, toewijzing_nummer, begindatum, einddatum, reden) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, m.caseId());
      ps.setLong(2, m.sequenceNr());
      ps.setString(3, m.gemeente());
      ps.setString(4, m.maand().toString());
      Jdbc.setInstant(ps, 5, m.geregistreerd());
      ps.setString(6, m.soort().name());
      ps.setLong(7, m.nummer());
      ps.setObject(8, m.begindatum(), Types.DATE);
      ps.setObject(9, m.einddatum(), Types.DATE);
      ps.setString(10, m.reden());
      ps.executeUpdate();
    }
  }

  // --- read by the API ---

  /** The aanlevering of {@code gemeente} for {@code maand}: every line Regie recorded in that month, in the order it did. */
  public List<CakMutatieView> mutaties(String gemeente, YearMonth maand) {
    String sql = "SELECT m.*, z.bsn, t.product, t.aanbieder FROM cak_mutatie m JOIN cak_zaak z ON z.case_id = m.case_id "
        + "LEFT JOIN cak_toewijzing t ON t.nummer = m.toewijzing_nummer WHERE m.gemeente = ? AND m.maand = ? ORDER BY m.id";
    List<CakMutatieView> lines = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, gemeente);
      ps.setString(2, maand.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lines.add(new CakMutatieView(Jdbc.getInstant(rs, "geregistreerd"), CakMutatieView.Soort.valueOf(rs.getString("soort")),
              rs.getString("bsn"), rs.getString("gemeente"), rs.getLong("toewijzing_nummer"), rs.getString("product"),
              rs.getString("aanbieder"), rs.getObject("begindatum", LocalDate.class), rs.getObject("einddatum", LocalDate.class),
              rs.getString("reden"), rs.getString("case_id")));
        }
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read the CAK aanlevering: " + e.getMessage(), e);
    }
    return lines;
  }

  /**
   * Who was in care in {@code maand} for {@code gemeente} (its cases now), as Regie knows it now:
   * every period not withdrawn that overlaps the month, by toewijzing and begindatum.
   */
  public List<CakLeveringView> stand(String gemeente, YearMonth maand) {
    String sql = "SELECT l.*, t.product, t.aanbieder, z.bsn, z.gemeente, z.case_id FROM cak_levering l "
        + "JOIN cak_toewijzing t ON t.nummer = l.toewijzing_nummer JOIN cak_zaak z ON z.case_id = t.case_id "
        + "WHERE z.gemeente = ? AND z.via_cak AND NOT l.verwijderd AND l.begindatum <= ? AND (l.einddatum IS NULL OR l.einddatum >= ?) "
        + "ORDER BY l.toewijzing_nummer, l.begindatum, l.id";
    List<CakLeveringView> periods = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, gemeente);
      ps.setObject(2, maand.atEndOfMonth());
      ps.setObject(3, maand.atDay(1));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          periods.add(new CakLeveringView(rs.getString("bsn"), rs.getString("gemeente"), rs.getLong("toewijzing_nummer"),
              rs.getString("product"), rs.getString("aanbieder"), rs.getObject("begindatum", LocalDate.class),
              rs.getObject("einddatum", LocalDate.class), rs.getString("reden"), rs.getString("case_id")));
        }
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read the CAK stand: " + e.getMessage(), e);
    }
    return periods;
  }
}
