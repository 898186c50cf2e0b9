package nl.regie.server.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bouw.OngeldigBerichtException;
import nl.regie.protocol.cases.Fase;
import nl.regie.protocol.regeling.Beeindiging;
import nl.regie.protocol.regeling.Product;
import nl.regie.protocol.regeling.Regeling;
import nl.regie.server.cases.CaseCommand.Toewijzen;
import nl.regie.server.cases.CaseCommand.ToewijzingBevestigen;
import nl.regie.server.cases.CaseCommand.ToewijzingRetourOntvangen;

/**
 * The backoffice's beschikking: toewijzingen of products of the regeling that may stack (in the
 * case and with the cliënt's other cases, {@link Stapelcontrole}) in an omvang their band allows
 * ({@link Omvangcontrole}), each with
 * a WMO301 to its aanbieder in the same write; and the aanbieder confirming them (over HTTP, or by
 * a WMO302 that copies the 301).
 */
final class Beschikking {

  private Beschikking() {}

  static Decision toewijzen(CaseState state, Toewijzen c, DecisionContext context) {
    if (!state.aanvraagOntvangen()) {
      return Decision.conflict(state, "no aanvraag yet: a beschikking needs the signed verslag (aanvraag-ontvangen)");
    }
    if (state.is(Fase.STOP) && !state.overlijdenBekend()) {
      return Decision.conflict(state, "toewijzen is not allowed in fase STOP: every toewijzing has ended");
    }
    Regeling regeling = context.regeling(state).orElseThrow();
    List<String> errors = new ArrayList<>();
    if (state.overlijdenBekend()) errors.addAll(nazorg(state, c, regeling));
    if (c.beschiktOp().isBefore(state.voortgang().aanvraagOp())) {
      errors.add("beschiktOp: must not be before the aanvraag (" + state.voortgang().aanvraagOp() + ")");
    }
    List<Product> products = new ArrayList<>();
    for (Toewijzing active : state.actieveToewijzingen()) regeling.product(active.product()).ifPresent(products::add);
    for (int i = 0; i < c.regels().size(); i++) {
      Toewijzen.Regel regel = c.regels().get(i);
      Optional<Product> product = regeling.product(regel.product());
      if (product.isEmpty()) {
        errors.add("toewijzingen[" + i + "].product: " + regel.product() + " is not a product of regeling " + regeling.id());
      } else if (!product.get().geldigOp(regel.ingangsdatum())) {
        errors.add("toewijzingen[" + i + "].product: " + regel.product() + " may not start after " + product.get().geldigTot());
      } else {
        products.add(product.get());
      }
      String veld = "toewijzingen[" + i + "].aanbieder: ";
      Onderaanneming.weigering(context.aanbieders(), regeling.id(), regel.aanbieder()).ifPresent(w -> errors.add(veld + w));
    }
    regeling.stapelconflict(products).ifPresent(conflict -> errors.add("toewijzingen: " + conflict));
    errors.addAll(Stapelcontrole.fouten(state, c, regeling));
    Omvangcontrole.Uitkomst omvangen = Omvangcontrole.omvangen(c.regels(), regeling);
    errors.addAll(omvangen.fouten());
    Verzoekantwoorden.Honorering honorering = Verzoekantwoorden.honorering(state, c, context.now());
    errors.addAll(honorering.fouten());
    if (!errors.isEmpty()) return Decision.invalid(state, errors);

    List<Toewijzing> toewijzingen = new ArrayList<>();
    for (int i = 0; i < c.regels().size(); i++) {
      Toewijzen.Regel r = c.regels().get(i);
      // The omvang as given, or as derived from the product's band.
      toewijzingen.add(Toewijzing.toegewezen(r.nummer(), r.product(), r.aanbieder(), r.ingangsdatum(), r.einddatum(),
          omvangen.omvangen().get(i)).vastgesteld(state.gemeente(), context.now(), context.afloopOp(r.einddatum())));
    }
    Change change = new Change(state, context)
        .record(new CaseEvent.Toegewezen(c.beschiktOp(), toewijzingen, context.now()))
        .recordAll(honorering.gehonoreerd());
    // Each 301 carries all the cliënt's current toewijzingen for its aanbieder (OP087): the state after the beschikking.
    CaseState after = change.state();
    try {
      ToewijzingBerichten.verstuur(change, c.identificaties(),
          aanbieder -> Verzoekantwoorden.referenties(after, honorering.gehonoreerd(), aanbieder),
          c.regels().stream().map(Toewijzen.Regel::nummer).collect(Collectors.toSet()));
    } catch (OngeldigBerichtException e) {
      return Decision.invalid(state, e.bevindingen().stream().map(b -> "toewijzingen: iWmo " + b.regel() + ": " + b.melding()).toList());
    }
    return change.decide();
  }

  /**
   * After an overlijden only nazorg may be assigned: the products the regeling names, from the day
   * after the death up to its last declarable day (004 §5.8: 13 days).
   */
  private static List<String> nazorg(CaseState state, Toewijzen c, Regeling regeling) {
    Beeindiging einde = regeling.beeindiging();
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < c.regels().size(); i++) {
      Toewijzen.Regel r = c.regels().get(i);
      if (!einde.nazorgToegestaan(r.product(), r.ingangsdatum(), r.einddatum(), state.overleden())) {
        errors.add("toewijzingen[" + i + "]: the cliënt died on " + state.overleden() + (einde.nazorgDagen() == 0
            ? "; regeling " + regeling.id() + " has no nazorg"
            : "; only nazorg of " + einde.nazorgProducten().stream().sorted().toList() + " may follow, from the day after up to "
                + state.overleden().plusDays(einde.nazorgDagen())));
      }
    }
    return errors;
  }

  static Decision toewijzingBevestigen(CaseState state, ToewijzingBevestigen c, DecisionContext context) {
    boolean known = state.toewijzingen().stream().anyMatch(t -> t.aanbieder().equals(c.aanbieder()));
    if (!known) return Decision.invalid(state, "aanbieder: " + c.aanbieder() + " has no toewijzing in this case");
    return new Change(state, context).record(new CaseEvent.ToewijzingBevestigd(c.aanbieder(), null, context.now())).decide();
  }

  /**
   * A WMO302 is the aanbieder's answer, whatever it found: it meets the wait for it (D8). Its own
   * retourcodes are the aanbieder's findings on the 301 and are kept with it.
   */
  static Decision toewijzingRetour(CaseState state, ToewijzingRetourOntvangen c, DecisionContext context) {
    return Berichtklassen.judgeOnce(state, c.berichtRef(), c.berichtId(), "WMO302", context, () -> new Berichtklassen.Oordeel(
        c.retourcodes().stream().map(Retourcode::of).toList(),
        List.of(new CaseEvent.ToewijzingBevestigd(c.aanbieder(), c.berichtId(), context.now()))));
  }
}
