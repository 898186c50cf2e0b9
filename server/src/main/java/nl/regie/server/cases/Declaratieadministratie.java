package nl.regie.server.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a case knows of the aanbieders' declaraties: the WMO323s that had prestaties for it, whether
 * their WMO325 went out, and every prestatie it granted (debets and the credits that cancel them).
 * Rejected prestaties are not kept: they were never paid, so nothing can credit them and they count
 * towards no volume (IV085). Immutable, rebuilt from its events by the case.
 */
public record Declaratieadministratie(List<Ontvangen> ontvangen, List<Prestatie> toegekend) {

  /** A WMO323 (stored as {@code berichtId}) that had prestaties for this case. */
  public record Ontvangen(long berichtId, String aanbieder, String declaratieNummer, boolean beantwoord) {}

  public static final Declaratieadministratie LEEG = new Declaratieadministratie(List.of(), List.of());

  public Declaratieadministratie {
    ontvangen = List.copyOf(ontvangen);
    toegekend = List.copyOf(toegekend);
  }

  Declaratieadministratie ontvangen(CaseEvent.DeclaratieOntvangen e) {
    List<Ontvangen> meer = new ArrayList<>(ontvangen);
    meer.add(new Ontvangen(e.berichtId(), e.aanbieder(), e.declaratieNummer(), false));
    return new Declaratieadministratie(meer, toegekend);
  }

  Declaratieadministratie toegekend(CaseEvent.PrestatieToegekend e) {
    List<Prestatie> meer = new ArrayList<>(toegekend);
    meer.add(e.prestatie());
    return new Declaratieadministratie(ontvangen, meer);
  }

  Declaratieadministratie beantwoord(CaseEvent.DeclaratieBeantwoord e) {
    return new Declaratieadministratie(ontvangen.stream()
        .map(o -> o.berichtId() == e.berichtId() ? new Ontvangen(o.berichtId(), o.aanbieder(), o.declaratieNummer(), true) : o)
        .toList(), toegekend);
  }

  Optional<Ontvangen> ontvangen(long berichtId) {
    return ontvangen.stream().filter(o -> o.berichtId() == berichtId).findFirst();
  }

  /** The granted debet with this ReferentieNummer under this toewijzing, if any. */
  Optional<Prestatie> debet(long toewijzingNummer, String referentieNummer) {
    return toegekend.stream()
        .filter(p -> !p.isCredit() && p.toewijzingNummer() == toewijzingNummer && p.referentieNummer().equals(referentieNummer))
        .findFirst();
  }

  /** Whether a granted credit cancels the debet with this ReferentieNummer already (TR390). */
  boolean gecrediteerd(String referentieNummer) {
    return toegekend.stream().anyMatch(p -> p.isCredit() && referentieNummer.equals(p.vorigReferentieNummer()));
  }

  /** The granted debets under a toewijzing that no credit has cancelled: what counts as delivered. */
  List<Prestatie> geldigeDebets(long toewijzingNummer) {
    return toegekend.stream()
        .filter(p -> !p.isCredit() && p.toewijzingNummer() == toewijzingNummer && !gecrediteerd(p.referentieNummer()))
        .toList();
  }
}
