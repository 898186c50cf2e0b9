package nl.regie.server.cak;

import java.time.LocalDate;
import java.util.List;
import nl.regie.protocol.codes.RedenBeeindiging;

/**
 * What a case event means for the CAK aanlevering, as {@link CakFeiten} reads it: facts about the
 * case that later lines need (who, which gemeente, which product and aanbieder), and the starts,
 * stops and withdrawals that become lines.
 */
public sealed interface CakFeit {

  /** A case was opened for the cliënt {@code bsn} at {@code gemeente} under regeling {@code regeling}. */
  record Gemeld(String bsn, String gemeente, String regeling) implements CakFeit {}

  /** The case now belongs to {@code gemeente}: its later lines go into that gemeente's aanlevering. */
  record Overgedragen(String gemeente) implements CakFeit {}

  /** Toewijzing {@code nummer} is for {@code product} at {@code aanbieder}. */
  record Toegewezen(long nummer, String product, String aanbieder) implements CakFeit {}

  /** Care under toewijzing {@code nummer} started on {@code begindatum}. */
  record Gestart(long nummer, LocalDate begindatum) implements CakFeit {}

  /** Care under toewijzing {@code nummer} stopped on {@code einddatum} for {@code reden}, for good or (reden 20) for a while. */
  record Gestopt(long nummer, LocalDate einddatum, RedenBeeindiging reden) implements CakFeit {}

  /** The start of the period that began on {@code begindatum} was withdrawn. */
  record StartVerwijderd(long nummer, LocalDate begindatum) implements CakFeit {}

  /** The stop of the period that began on {@code begindatum} was withdrawn: it runs again. */
  record StopVerwijderd(long nummer, LocalDate begindatum) implements CakFeit {}

  static List<CakFeit> geen() {
    return List.of();
  }
}
