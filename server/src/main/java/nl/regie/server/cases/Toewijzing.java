package nl.regie.server.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.codes.RedenWijziging;
import nl.regie.protocol.cases.Omvang;
import nl.regie.protocol.cases.ToewijzingStatus;

/**
 * One assigned product of a case and the deliveries of care under it. Where its care stands
 * ({@link #status()}) follows from the deliveries: one running means GESTART; the last one paused
 * with reden 20 means ONDERBROKEN; one stopped for good means GESTOPT.
 *
 * @param gemeente the gemeente that assigned it: its WMO301s come from that gemeente, also after
 *     the case moved to another (null in events written before verhuizingen: the case's gemeente)
 * @param redenWijziging why the gemeente last changed its einddatum (iWmo WMO002), null if never
 * @param vastgesteld when the gemeente fixed it as it is now: the Toewijzingsdatum and -tijd of its
 *     WMO301 (IV013), which a resend keeps and a change renews (null in old events: the moment
 *     the 301 is written)
 * @param afloopOp the moment its einddatum has passed (the start of the next day), when it ends by
 *     itself; null for an open end
 * @param afgelopen whether that moment has come and the case recorded it
 */
public record Toewijzing(
    long nummer,
    String product,
    String aanbieder,
    LocalDate ingangsdatum,
    LocalDate einddatum,
    Omvang omvang,
    List<Levering> leveringen,
    String gemeente,
    RedenWijziging redenWijziging,
    Instant vastgesteld,
    Instant afloopOp,
    boolean afgelopen) {

  public Toewijzing {
    // Toewijzingen written before deliveries were kept have none.
    leveringen = leveringen == null ? List.of() : List.copyOf(leveringen);
  }

  public static Toewijzing toegewezen(
      long nummer, String product, String aanbieder, LocalDate ingangsdatum, LocalDate einddatum, Omvang omvang) {
    return new Toewijzing(nummer, product, aanbieder, ingangsdatum, einddatum, omvang, List.of(), null, null, null, null, false);
  }

  /** The same toewijzing as assigned by {@code gemeente} at {@code moment}, ending by itself at {@code afloop}. */
  Toewijzing vastgesteld(String byGemeente, Instant moment, Instant afloop) {
    return new Toewijzing(nummer, product, aanbieder, ingangsdatum, einddatum, omvang, leveringen, byGemeente, redenWijziging,
        moment, afloop, afgelopen);
  }

  /** The gemeente changed its einddatum at {@code moment} (OP033x1: intrekken, oprekken or verwijderen). */
  Toewijzing gewijzigd(LocalDate nieuweEinddatum, RedenWijziging reden, Instant moment, Instant afloop) {
    return new Toewijzing(nummer, product, aanbieder, ingangsdatum, nieuweEinddatum, omvang, leveringen, gemeente, reden, moment,
        afloop, false);
  }

  /**
   * Its einddatum has passed. With {@code sluitLevering} (no WMO307 expected at the planned end) a
   * delivery still running ends with it, volgens plan.
   */
  Toewijzing afgelopen(boolean sluitLevering) {
    Toewijzing t = this;
    if (sluitLevering) {
      Optional<Levering> running = leveringen.stream().filter(Levering::isLopend).findFirst();
      if (running.isPresent()) t = change(running.get(), l -> l.gestopt(einddatum, RedenBeeindiging.VOLGENS_PLAN));
    }
    return new Toewijzing(nummer, product, aanbieder, ingangsdatum, einddatum, omvang, t.leveringen, gemeente, redenWijziging,
        vastgesteld, afloopOp, true);
  }

  /** Removed by the gemeente (RedenWijziging 13, or the withdrawn 01, with einddatum = ingangsdatum): as if never sent (OP087). */
  public boolean isVerwijderd() {
    return (redenWijziging == RedenWijziging.VERWIJDERD || redenWijziging == RedenWijziging.ADMINISTRATIEVE_CORRECTIE_VERVALLEN)
        && ingangsdatum.equals(einddatum);
  }

  /** Whether care under it runs now. */
  boolean isLopend() {
    return leveringen.stream().anyMatch(Levering::isLopend);
  }

  /**
   * Whether it is over: removed, its care stopped for good, or its einddatum passed with no care
   * still running (a running delivery waits for its WMO307).
   */
  public boolean isBeeindigd() {
    return isVerwijderd() || status() == ToewijzingStatus.GESTOPT || (afgelopen && !isLopend());
  }

  /** Whether it belongs in a WMO301 made on {@code dag}: valid on or after that day, and not removed (OP087). */
  boolean isActueel(LocalDate dag) {
    return !isVerwijderd() && (einddatum == null || !einddatum.isBefore(dag));
  }

  public ToewijzingStatus status() {
    if (leveringen.stream().anyMatch(Levering::isLopend)) return ToewijzingStatus.GESTART;
    return laatste().map(l -> l.reden().isTijdelijk() ? ToewijzingStatus.ONDERBROKEN : ToewijzingStatus.GESTOPT)
        .orElse(ToewijzingStatus.TOEGEWEZEN);
  }

  /** The delivery that counts now: the latest one not withdrawn. */
  Optional<Levering> laatste() {
    return leveringen.stream().filter(l -> !l.verwijderd()).max(Comparator.comparing(Levering::begindatum));
  }

  public LocalDate begindatum() {
    return laatste().map(Levering::begindatum).orElse(null);
  }

  public LocalDate stopdatum() {
    return laatste().map(Levering::einddatum).orElse(null);
  }

  public RedenBeeindiging redenBeeindiging() {
    return laatste().map(Levering::reden).orElse(null);
  }

  /** The delivery started on {@code begindatum} that was not withdrawn. */
  Optional<Levering> levering(LocalDate begindatum) {
    return leveringen.stream().filter(l -> !l.verwijderd() && l.begindatum().equals(begindatum)).findFirst();
  }

  Toewijzing gestart(LocalDate begin) {
    List<Levering> more = new ArrayList<>(leveringen);
    more.add(Levering.start(begin));
    return with(more);
  }

  /**
   * Ends the running delivery; when none runs (care was paused), the pause becomes this stop: a
   * definitive stop after an interruption.
   */
  Toewijzing gestopt(LocalDate stop, RedenBeeindiging reden) {
    Optional<Levering> running = leveringen.stream().filter(Levering::isLopend).findFirst();
    Levering target = running.orElseGet(() -> laatste().orElseThrow());
    return change(target, l -> l.gestopt(stop, reden));
  }

  Toewijzing startVerwijderd(LocalDate begin) {
    return change(levering(begin).orElseThrow(), Levering::verwijderdNu);
  }

  Toewijzing stopVerwijderd(LocalDate begin) {
    return change(levering(begin).orElseThrow(), Levering::heropend);
  }

  private Toewijzing change(Levering target, UnaryOperator<Levering> how) {
    return with(leveringen.stream().map(l -> l == target ? how.apply(l) : l).toList());
  }

  private Toewijzing with(List<Levering> changed) {
    return new Toewijzing(nummer, product, aanbieder, ingangsdatum, einddatum, omvang, changed, gemeente, redenWijziging, vastgesteld,
        afloopOp, afgelopen);
  }

  /** Whether {@code date} falls within the period this toewijzing covers. */
  boolean covers(LocalDate date) {
    return !date.isBefore(ingangsdatum) && (einddatum == null || !date.isAfter(einddatum));
  }
}
