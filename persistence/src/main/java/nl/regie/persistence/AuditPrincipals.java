package nl.regie.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The principals the audit trail names by id (table {@code audit_principal}): one row for each
 * distinct sub, roles, AGB and gemeenten, found or added within the writer's transaction and
 * remembered once that transaction committed.
 */
final class AuditPrincipals {

  /** A principal as stored: roles and gemeenten joined, '' for none. */
  record Principal(String sub, String roles, String agb, String gemeenten) {

    static Principal of(String sub, List<String> roles, String agb, List<String> gemeenten) {
      // Between commas, so that a supervisor's query finds its gemeenten with a LIKE.
      return new Principal(sub, String.join(",", roles), agb == null ? "" : agb,
          gemeenten.isEmpty() ? "" : "," + String.join(",", gemeenten) + ",");
    }
  }

  private final Vendor vendor;
  private final Map<Principal, Long> known = new ConcurrentHashMap<>();

  AuditPrincipals(Vendor vendor) {
    this.vendor = vendor;
  }

  /**
   * The ids of {@code principals} in {@code c}'s transaction, adding those not stored yet; call
   * {@link #remember} with the result once the transaction committed.
   */
  Map<Principal, Long> idsOf(Connection c, Iterable<Principal> principals) throws SQLException {
    Map<Principal, Long> ids = new HashMap<>();
    for (Principal p : principals) {
      if (ids.containsKey(p)) continue;
      Long id = known.get(p);
      ids.put(p, id != null ? id : stored(c, p));
    }
    return ids;
  }

  void remember(Map<Principal, Long> ids) {
    known.putAll(ids);
  }

  private long stored(Connection c, Principal p) throws SQLException {
    // Another node may add the same principal meanwhile: the unique constraint keeps it one row.
    String add = switch (vendor) {
      case POSTGRESQL -> "INSERT INTO audit_principal (sub, roles, agb, gemeenten) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";
      case H2 -> "MERGE INTO audit_principal (sub, roles, agb, gemeenten) KEY (sub, roles, agb, gemeenten) VALUES (?, ?, ?, ?)";
    };
    try (PreparedStatement ps = c.prepareStatement(add)) {
      bind(ps, p);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id FROM audit_principal WHERE sub = ? AND roles = ? AND agb = ? AND gemeenten = ?")) {
      bind(ps, p);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void bind(PreparedStatement ps, Principal p) throws SQLException {
    ps.setString(1, p.sub());
    ps.setString(2, p.roles());
    ps.setString(3, p.agb());
    ps.setString(4, p.gemeenten());
  }
}
