package nl.regie.protocol.regeling;

import java.time.LocalDate;
import java.util.Set;

/**
 * How toewijzingen end in a regeling (the file's {@code beeindiging}).
 *
 * @param stopberichtBijEinddatum whether the aanbieder sends a WMO307 when care ends on the
 *     toewijzing's einddatum. iWmo wants one (IV024), and so does 004; 003 says not to send one then.
 *     Without it, care running at the einddatum ends with the toewijzing (reden 19, volgens plan).
 * @param nazorgDagen after an overlijden, how many calendar days after the date of death the
 *     {@code nazorgProducten} may still be assigned and declared (004 §5.8: 13); 0 for none
 * @param nazorgProducten the products that may be assigned for those days
 */
public record Beeindiging(boolean stopberichtBijEinddatum, int nazorgDagen, Set<String> nazorgProducten) {

  /** What a regeling without a {@code beeindiging} section does: what the iWmo standard says. */
  public static final Beeindiging STANDAARD = new Beeindiging(true, 0, Set.of());

  public Beeindiging {
    nazorgProducten = Set.copyOf(nazorgProducten);
  }

  /**
   * Whether a toewijzing of {@code product} from {@code ingangsdatum} to {@code einddatum} may be
   * made for a cliënt who died on {@code overleden}: only nazorg, within the days after the death.
   */
  public boolean nazorgToegestaan(String product, LocalDate ingangsdatum, LocalDate einddatum, LocalDate overleden) {
    return nazorgProducten.contains(product) && ingangsdatum.isAfter(overleden) && einddatum != null
        && !einddatum.isAfter(overleden.plusDays(nazorgDagen));
  }
}
