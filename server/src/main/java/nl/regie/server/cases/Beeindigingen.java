package nl.regie.server.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.regie.protocol.codes.RedenWijziging;
import nl.regie.protocol.iwmo.bouw.OngeldigBerichtException;
import nl.regie.server.cases.CaseCommand.AanbiederWisselen;
import nl.regie.server.cases.CaseCommand.Overlijden;
import nl.regie.server.cases.CaseCommand.ToewijzingWijzigen;

/**
 * The gemeente ends or changes toewijzingen: a new einddatum (OP033x1: intrekken, oprekken,
 * verwijderen), a wisseling van aanbieder (004 §5.7), and an overlijden (004 §5.8). Each change
 * is a {@link CaseEvent.ToewijzingGewijzigd} with the WMO301 that tells the aanbieder, in the same
 * write: all its current toewijzingen, the changed one with its new einddatum and RedenWijziging
 * (OP087).
 */
final class Beeindigingen {

  private Beeindigingen() {}

  /** Why the einddatum of {@code t} cannot become {@code einddatum} for {@code reden}, if it cannot. */
  static Optional<String> wijziging(Toewijzing t, LocalDate einddatum, RedenWijziging reden) {
    String n = "toewijzing " + t.nummer();
    if (t.isVerwijderd()) return Optional.of(n + " was removed");
    if (t.afgelopen()) return Optional.of(n + " ended on " + t.einddatum() + "; what follows is a new toewijzing (OP380)");
    if (reden == RedenWijziging.ADMINISTRATIEVE_CORRECTIE_VERVALLEN) {
      return Optional.of("reden: 01 is no longer used (CS336); 14 corrects, 13 removes");
    }
    if (einddatum.isBefore(t.ingangsdatum())) return Optional.of("einddatum: must not be before the ingangsdatum (" + t.ingangsdatum() + ")");
    if (einddatum.equals(t.einddatum())) return Optional.of("einddatum: " + n + " ends on " + einddatum + " already");
    boolean started = t.leveringen().stream().anyMatch(l -> !l.verwijderd());
    if (reden == RedenWijziging.VERWIJDERD) {
      if (!einddatum.equals(t.ingangsdatum())) return Optional.of("einddatum: reden 13 removes, with einddatum = ingangsdatum (CS335)");
      if (started) return Optional.of("reden: care under " + n + " started; it can be ended, not removed");
    }
    boolean langer = t.einddatum() == null ? false : einddatum.isAfter(t.einddatum());
    if (reden == RedenWijziging.VERLENGING && !langer) return Optional.of("reden: 04 (verlenging) needs a later einddatum");
    if (langer && reden.beeindigt()) return Optional.of("reden: " + reden.code() + " ends a toewijzing; a later einddatum is a verlenging (04)");
    Optional<LocalDate> lastStart = t.leveringen().stream().filter(l -> !l.verwijderd()).map(Levering::begindatum).max(LocalDate::compareTo);
    if (lastStart.isPresent() && einddatum.isBefore(lastStart.get())) {
      return Optional.of("einddatum: care under " + n + " started on " + lastStart.get() + "; it cannot end before that");
    }
    return Optional.empty();
  }

  static CaseEvent.ToewijzingGewijzigd gewijzigd(Toewijzing t, LocalDate einddatum, RedenWijziging reden, DecisionContext context) {
    return new CaseEvent.ToewijzingGewijzigd(t.nummer(), einddatum, reden, context.afloopOp(einddatum), context.now());
  }

  static Decision toewijzingWijzigen(CaseState state, ToewijzingWijzigen c, DecisionContext context) {
    Optional<Toewijzing> found = state.toewijzing(c.toewijzingNummer());
    if (found.isEmpty()) return Decision.invalid(state, "toewijzingNummer: " + c.toewijzingNummer() + " is not a toewijzing of this case");
    Toewijzing t = found.get();
    if (!state.gemeente().equals(t.gemeente())) {
      return Decision.conflict(state, "toewijzing " + t.nummer() + " is gemeente " + t.gemeente() + "'s; the case is " + state.gemeente() + "'s now");
    }
    Optional<String> error = wijziging(t, c.einddatum(), c.reden());
    if (error.isPresent()) return Decision.invalid(state, error.get());
    Change change = new Change(state, context).record(gewijzigd(t, c.einddatum(), c.reden(), context));
    return met301(state, change, Map.of(t.aanbieder(), c.identificatie()), Set.of(t.nummer()));
  }

  static Decision aanbiederWisselen(CaseState state, AanbiederWisselen c, DecisionContext context) {
    Optional<Toewijzing> found = state.toewijzing(c.toewijzingNummer());
    if (found.isEmpty()) return Decision.invalid(state, "toewijzingNummer: " + c.toewijzingNummer() + " is not a toewijzing of this case");
    Toewijzing oud = found.get();
    List<String> errors = new ArrayList<>();
    if (oud.aanbieder().equals(c.aanbieder())) errors.add("aanbieder: " + c.aanbieder() + " has this toewijzing already");
    context.regeling(state).flatMap(r -> Onderaanneming.weigering(context.aanbieders(), r.id(), c.aanbieder()))
        .ifPresent(w -> errors.add("aanbieder: " + w));
    if (!c.per().isAfter(oud.ingangsdatum())) {
      errors.add("per: must be after the ingangsdatum (" + oud.ingangsdatum() + "); before care began, remove the toewijzing (reden 13) and assign anew");
    }
    if (oud.einddatum() != null && c.per().isAfter(oud.einddatum())) errors.add("per: must not be after the einddatum (" + oud.einddatum() + ")");
    if (errors.isEmpty()) wijziging(oud, c.per().minusDays(1), RedenWijziging.ANDERE_AANBIEDER).ifPresent(errors::add);
    if (!errors.isEmpty()) return Decision.invalid(state, errors);

    Toewijzing nieuw = Toewijzing.toegewezen(c.nieuwNummer(), oud.product(), c.aanbieder(), c.per(), oud.einddatum(), oud.omvang())
        .vastgesteld(state.gemeente(), context.now(), context.afloopOp(oud.einddatum()));
    Change change = new Change(state, context)
        .record(gewijzigd(oud, c.per().minusDays(1), RedenWijziging.ANDERE_AANBIEDER, context))
        .record(new CaseEvent.Toegewezen(context.today(), List.of(nieuw), context.now()));
    return met301(state, change, c.identificaties(), Set.of(oud.nummer(), nieuw.nummer()));
  }

  /**
   * Every toewijzing of the case's gemeente that runs past the date of death ends on it (reden 02);
   * one that was to begin later is removed (13). Before a beschikking the case ends with it.
   */
  static Decision overlijden(CaseState state, Overlijden c, DecisionContext context) {
    if (state.overlijdenBekend()) return Decision.conflict(state, "the cliënt's death was recorded already (" + state.overleden() + ")");
    if (c.datum().isAfter(context.today())) return Decision.invalid(state, "datum: must not be in the future");
    if (c.datum().isBefore(state.melding().meldingOp())) {
      return Decision.invalid(state, "datum: must not be before the melding (" + state.melding().meldingOp() + ")");
    }
    Change change = new Change(state, context).record(new CaseEvent.Overleden(c.datum(), context.now()));
    return beeindigd(state, change, state.gemeente(), c.datum(), RedenWijziging.CLIENT_OVERLEDEN, c.identificaties())
        .orElseGet(change::decide);
  }

  /**
   * Records in {@code change} the end of every toewijzing of {@code gemeente} that runs past {@code
   * laatsteDag}: on that day for {@code reden}, or removed (13) when it was to begin after it and
   * care never started; with a WMO301 to each of their aanbieders from the case's gemeente. The
   * refusal, if one cannot end or a 301 would break an iWmo rule.
   */
  static Optional<Decision> beeindigd(CaseState state, Change change, String gemeente, LocalDate laatsteDag, RedenWijziging reden,
      Map<String, String> identificaties) {
    Map<String, String> ids = new LinkedHashMap<>();
    Set<Long> changed = new HashSet<>();
    for (Toewijzing t : state.toewijzingen()) {
      if (!gemeente.equals(t.gemeente()) || t.isVerwijderd() || t.afgelopen()) continue;
      if (t.einddatum() != null && !t.einddatum().isAfter(laatsteDag)) continue;
      boolean later = t.ingangsdatum().isAfter(laatsteDag) && t.leveringen().stream().allMatch(Levering::verwijderd);
      RedenWijziging waarom = later ? RedenWijziging.VERWIJDERD : reden;
      LocalDate einde = later ? t.ingangsdatum() : laatsteDag;
      Optional<String> error = wijziging(t, einde, waarom);
      if (error.isPresent()) return Optional.of(Decision.invalid(state, error.get()));
      String id = identificaties.get(t.aanbieder());
      if (id == null) return Optional.of(Decision.conflict(state, "aanbieder " + t.aanbieder() + " got a toewijzing meanwhile; try again"));
      change.record(gewijzigd(t, einde, waarom, change.context()));
      ids.put(t.aanbieder(), id);
      changed.add(t.nummer());
    }
    return verstuur(state, change, ids, changed);
  }

  /** The decision with a WMO301 to each of the aanbieders, or refused when one would break an iWmo rule. */
  static Decision met301(CaseState state, Change change, Map<String, String> identificaties, Set<Long> gewijzigd) {
    return verstuur(state, change, identificaties, gewijzigd).orElseGet(change::decide);
  }

  /** Records a WMO301 to each of the aanbieders; the refusal when one would break an iWmo rule. */
  static Optional<Decision> verstuur(CaseState state, Change change, Map<String, String> identificaties, Set<Long> gewijzigd) {
    try {
      ToewijzingBerichten.verstuur(change, identificaties, aanbieder -> Map.of(), gewijzigd);
      return Optional.empty();
    } catch (OngeldigBerichtException e) {
      return Optional.of(Decision.invalid(state, e.bevindingen().stream().map(b -> "iWmo " + b.regel() + ": " + b.melding()).toList()));
    }
  }
}
