package nl.regie.persistence;

import java.util.List;

/**
 * Hands out iWmo ToewijzingNummers from one database sequence, so that they stay unique across the
 * cluster. Numbers of a refused toewijzing are not reused: gaps are allowed, duplicates are not.
 * Blocking: call it off the actors' threads.
 */
public final class ToewijzingNummers {

  private final Database database;

  public ToewijzingNummers(Database database) {
    this.database = database;
  }

  public List<Long> next(int count) {
    return Sequences.next(database, "toewijzing_nummer", count);
  }
}
