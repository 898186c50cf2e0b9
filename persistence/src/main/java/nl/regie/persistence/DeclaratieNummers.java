package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DeclaratieNummers and ReferentieNummers an aanbieder used in its WMO323s, each claimed by the
 * stored bericht that used it first. iWmo wants both unique per aanbieder within the Wmo (TR333,
 * 9333; TR314, 8021), whichever cliënt they are about, so they cannot live in one case. Blocking.
 */
public final class DeclaratieNummers {

  /** PostgreSQL and H2 both report a broken unique key with this SQLSTATE. */
  private static final String UNIQUE_VIOLATION = "23505";
  private static final int IN_CHUNK = 500;

  /** What a claim found taken by another bericht. */
  public record Bezet(boolean declaratieNummer, Set<String> referentieNummers) {
    public Bezet {
      referentieNummers = Set.copyOf(referentieNummers);
    }
  }

  private enum Soort { DECLARATIE, PRESTATIE }

  private final Database database;

  public DeclaratieNummers(Database database) {
    this.database = database;
  }

  /**
   * Claims {@code declaratieNummer} and {@code referentieNummers} of {@code aanbieder} for the
   * stored bericht {@code berichtId}, in one transaction. A number this bericht claimed before (it
   * was sent again) is still its own. When the declaratienummer belongs to another bericht nothing
   * is claimed: the declaratie is refused whole and counts as not sent (IV087); otherwise every
   * free ReferentieNummer is claimed and those of other berichten are reported.
   */
  public Bezet claim(String aanbieder, long berichtId, String declaratieNummer, Collection<String> referentieNummers) {
    List<String> referenties = List.copyOf(new LinkedHashSet<>(referentieNummers));
    try {
      try {
        return attempt(aanbieder, berichtId, declaratieNummer, referenties);
      } catch (SQLException e) {
        // Another bericht claimed one of these numbers between our read and our write: read again.
        if (!isUniqueViolation(e)) throw e;
        return attempt(aanbieder, berichtId, declaratieNummer, referenties);
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot claim declaratie numbers: " + e.getMessage(), e);
    }
  }

  private Bezet attempt(String aanbieder, long berichtId, String declaratieNummer, List<String> referenties) throws SQLException {
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        Long eigenaar = owners(c, aanbieder, Soort.DECLARATIE, List.of(declaratieNummer)).get(declaratieNummer);
        if (eigenaar != null && eigenaar != berichtId) {
          c.rollback();
          return new Bezet(true, Set.of());
        }
        Map<String, Long> prestaties = owners(c, aanbieder, Soort.PRESTATIE, referenties);
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO declaratie_nummer (aanbieder, soort, nummer, bericht_id) VALUES (?, ?, ?, ?)")) {
          if (eigenaar == null) add(ps, aanbieder, Soort.DECLARATIE, declaratieNummer, berichtId);
          for (String referentie : referenties) {
            if (!prestaties.containsKey(referentie)) add(ps, aanbieder, Soort.PRESTATIE, referentie, berichtId);
          }
          ps.executeBatch();
        }
        c.commit();
        Set<String> bezet = new LinkedHashSet<>();
        prestaties.forEach((referentie, bericht) -> {
          if (bericht != berichtId) bezet.add(referentie);
        });
        return new Bezet(false, bezet);
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Whether {@code e}, or one it chains (a batch reports its failures that way), is a broken unique key. */
  private static boolean isUniqueViolation(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      if (UNIQUE_VIOLATION.equals(next.getSQLState())) return true;
      if (next.getCause() instanceof SQLException cause && UNIQUE_VIOLATION.equals(cause.getSQLState())) return true;
    }
    return false;
  }

  private static void add(PreparedStatement ps, String aanbieder, Soort soort, String nummer, long berichtId) throws SQLException {
    ps.setString(1, aanbieder);
    ps.setString(2, soort.name());
    ps.setString(3, nummer);
    ps.setLong(4, berichtId);
    ps.addBatch();
  }

  /** The bericht that holds each of {@code nummers} that is taken. */
  private static Map<String, Long> owners(Connection c, String aanbieder, Soort soort, List<String> nummers) throws SQLException {
    Map<String, Long> owners = new HashMap<>();
    for (int from = 0; from < nummers.size(); from += IN_CHUNK) {
      List<String> chunk = nummers.subList(from, Math.min(nummers.size(), from + IN_CHUNK));
      String placeholders = String.join(", ", chunk.stream().map(n -> "?").toList());
      try (PreparedStatement ps = c.prepareStatement("SELECT nummer, bericht_id FROM declaratie_nummer "
          + "WHERE aanbieder = ? AND soort = ? AND nummer IN (" + placeholders + ")")) {
        List<Object> params = new ArrayList<>(List.of(aanbieder, soort.name()));
        params.addAll(chunk);
        for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) owners.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return owners;
  }
}
