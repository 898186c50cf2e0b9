package nl.regie.persistence;

import java.util.List;

/**
 * Hands out the Identificatie of berichten Regie writes: unique per gemeente and berichtsoort as
 * iWmo requires (TR056), at most twelve positions, from one database sequence. Blocking.
 */
public final class BerichtIdentificaties {

  private final Database database;

  public BerichtIdentificaties(Database database) {
    this.database = database;
  }

  public List<String> next(int count) {
    return Sequences.next(database, "bericht_identificatie", count).stream().map(n -> "R" + n).toList();
  }

  public String next() {
    return next(1).get(0);
  }
}
