package nl.regie.server.cases;

import java.time.LocalDate;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.zaak.Omvang;
import nl.regie.protocol.zaak.ToewijzingStatus;

/**
 * One assigned product of a case and where its care stands. {@code begindatum} and {@code
 * stopdatum} are the last actual start and end of care (WMO305/WMO307).
 */
public record Toewijzing(
    long nummer,
    String product,
    String aanbieder,
    LocalDate ingangsdatum,
    LocalDate einddatum,
    Omvang omvang,
    ToewijzingStatus status,
    LocalDate begindatum,
    LocalDate stopdatum,
    RedenBeeindiging redenBeeindiging) {

  public static Toewijzing toegewezen(
      long nummer, String product, String aanbieder, LocalDate ingangsdatum, LocalDate einddatum, Omvang omvang) {
    return new Toewijzing(nummer, product, aanbieder, ingangsdatum, einddatum, omvang, ToewijzingStatus.TOEGEWEZEN, null, null, null);
  }

  Toewijzing gestart(LocalDate begin) {
    return new Toewijzing(nummer, product, aanbieder, ingangsdatum, einddatum, omvang, ToewijzingStatus.GESTART, begin, null, null);
  }

  Toewijzing gestopt(LocalDate stop, RedenBeeindiging reden) {
    ToewijzingStatus next = reden.isTijdelijk() ? ToewijzingStatus.ONDERBROKEN : ToewijzingStatus.GESTOPT;
    return new Toewijzing(nummer, product, aanbieder, ingangsdatum, einddatum, omvang, next, begindatum, stop, reden);
  }

  /** Whether {@code date} falls within the period this toewijzing covers. */
  boolean covers(LocalDate date) {
    return !date.isBefore(ingangsdatum) && (einddatum == null || !date.isAfter(einddatum));
  }
}
