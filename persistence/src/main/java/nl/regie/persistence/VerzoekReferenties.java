package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The ReferentieAanbieder values aanbieders used in their verzoeken, so that each is used once per
 * aanbieder across every cliënt and case (iWmo TR347, retourcode 9347). A berichtklasse claims its
 * reference before its case judges it and gives it back when the case rejects it, so that a
 * rejected verzoek does not use up a reference. The claim is keyed by the klasse, so the same
 * bericht sent again (after a crash, before its answer) finds its own claim and is judged as before.
 * Blocking.
 */
public final class VerzoekReferenties {

  /** SQLSTATE of a unique or primary key violation, on PostgreSQL and H2 alike. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final Database database;

  public VerzoekReferenties(Database database) {
    this.database = database;
  }

  /**
   * Claims {@code referentie} of {@code aanbieder} for {@code claimant}.
   *
   * @return true when the claimant holds it now (newly, or from an earlier attempt of the same
   *     bericht); false when another berichtklasse holds it
   */
  public boolean claim(String aanbieder, String referentie, String claimant, String caseId) {
    try (Connection c = database.dataSource().getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO verzoek_referentie (aanbieder, referentie, claimant, case_id) VALUES (?, ?, ?, ?)")) {
        ps.setString(1, aanbieder);
        ps.setString(2, referentie);
        ps.setString(3, claimant);
        ps.setString(4, caseId);
        ps.executeUpdate();
        return true;
      } catch (SQLException e) {
        if (!UNIQUE_VIOLATION.equals(e.getSQLState())) throw e;
      }
      return holder(c, aanbieder, referentie).map(claimant::equals)
          // Released between our insert and this read: the reference is free again, so try once more.
          .orElseGet(() -> claim(aanbieder, referentie, claimant, caseId));
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot claim a ReferentieAanbieder: " + e.getMessage(), e);
    }
  }

  /** Gives {@code referentie} back, if {@code claimant} holds it; otherwise does nothing. */
  public void release(String aanbieder, String referentie, String claimant) {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "DELETE FROM verzoek_referentie WHERE aanbieder = ? AND referentie = ? AND claimant = ?")) {
      ps.setString(1, aanbieder);
      ps.setString(2, referentie);
      ps.setString(3, claimant);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot release a ReferentieAanbieder: " + e.getMessage(), e);
    }
  }

  /** The berichtklasse that holds {@code referentie} of {@code aanbieder}, if any. */
  public Optional<String> holder(String aanbieder, String referentie) {
    try (Connection c = database.dataSource().getConnection()) {
      return holder(c, aanbieder, referentie);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read a ReferentieAanbieder: " + e.getMessage(), e);
    }
  }

  private static Optional<String> holder(Connection c, String aanbieder, String referentie) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT claimant FROM verzoek_referentie WHERE aanbieder = ? AND referentie = ?")) {
      ps.setString(1, aanbieder);
      ps.setString(2, referentie);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }
}
