package nl.regie.server.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.cases.Omvang;
import nl.regie.protocol.cases.ToewijzingStatus;

/**
 * One assigned product of a case and the deliveries of care under it. Where its care stands
 * ({@link #status()}) follows from the deliveries: one running means GESTART; the last one paused
 * with reden 20 means ONDERBROKEN; one stopped for good means GESTOPT.
 */
public record Toewijzing(
    long nummer,
    String product,
    String aanbieder,
    LocalDate ingangsdatum,
    LocalDate einddatum,
    Omvang omvang,
    List<Levering> leveringen) {

  public Toewijzing {
    // Toewijzingen written before deliveries were kept have none.
    leveringen = leveringen == null ? List.of() : List.copyOf(leveringen);
  }

  public static Toewijzing toegewezen(
      long nummer, String product, String aanbieder, LocalDate ingangsdatum, LocalDate einddatum, Omvang omvang) {
    return new Toewijzing(nummer, product, aanbieder, ingangsdatum, einddatum, omvang, List.of());
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
    return new Toewijzing(nummer, product, aanbieder, ingangsdatum, einddatum, omvang, changed);
  }

  /** Whether {@code date} falls within the period this toewijzing covers. */
  boolean covers(LocalDate date) {
    return !date.isBefore(ingangsdatum) && (einddatum == null || !date.isAfter(einddatum));
  }
}
