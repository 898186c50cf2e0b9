package nl.regie.server.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.codes.VerzoekAntwoord;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Wmo315;
import nl.regie.protocol.regeling.Gebeurtenis;
import nl.regie.protocol.cases.VerzoekProductSoort;
import nl.regie.protocol.cases.VerzoekStatus;
import nl.regie.server.cases.CaseCommand.ToewijzingVerzoeken;
import nl.regie.server.cases.CaseCommand.ToewijzingVerzoeken.Aanvraag;

/**
 * The verzoeken of aanbieders at a case: the rules a WMO315 must pass against what the case knows
 * (TR347, TR374), how the verzoeken change with their answers, and what that means for the
 * deadlines. Pure. The WMO317 has its own rules ({@link Wijzigingsverzoeken}); the gemeente's
 * answers are in {@link Verzoekantwoorden}.
 */
final class Verzoeken {

  static final String CLIENT = Klassepad.CLIENT.toString();

  /** The retourcodes of the klassen of one verzoek by klassepad ({@code 0200} when accepted), and what it changes. */
  record Oordeel(Map<String, List<Retourcode>> perKlasse, List<CaseEvent> effect) {
    Oordeel {
      perKlasse = Collections.unmodifiableMap(new LinkedHashMap<>(perKlasse));
      effect = List.copyOf(effect);
    }
  }

  /** A WMO315: its Client klasse and each AangevraagdProduct, judged once. */
  static Decision toewijzingVerzoeken(CaseState state, ToewijzingVerzoeken c, DecisionContext context) {
    List<String> paden = new ArrayList<>(List.of(CLIENT));
    c.aanvragen().forEach(a -> paden.add(a.klassepad()));
    return judgeOnce(state, c.berichtRef(), c.berichtId(), "WMO315", paden, () -> toewijzing(state, c, context.now()), context);
  }

  /** A WMO317: judged once, by {@link Wijzigingsverzoeken}. */
  static Decision wijzigingVerzoeken(CaseState state, CaseCommand.WijzigingVerzoeken c, DecisionContext context) {
    return judgeOnce(state, c.berichtRef(), c.berichtId(), "WMO317", Wijzigingsverzoeken.klassen(c.client()),
        () -> Wijzigingsverzoeken.judge(state, c, context.now()), context);
  }

  /**
   * Judges the klassen {@code paden} of one bericht once, as {@code judge} says; the same bericht
   * sent again gets the same codes and changes nothing. The first klasse's judgement is always
   * recorded and marks the bericht as judged; of the others only those with a finding, so that an
   * accepted verzoek does not fill the history with 0200s.
   */
  private static Decision judgeOnce(CaseState state, String berichtRef, long berichtId, String soort, List<String> paden,
      Supplier<Oordeel> judge, DecisionContext context) {
    if (state.beoordeling(berichtRef + "/" + paden.get(0)).isPresent()) {
      Map<String, List<Retourcode>> eerder = new LinkedHashMap<>();
      for (String pad : paden) {
        eerder.put(pad, state.beoordeling(berichtRef + "/" + pad).map(codes -> codes.stream().map(Retourcode::of).toList())
            .orElse(List.of(Retourcode.R0200)));
      }
      return Decision.answer(state, new CaseReply.KlassenBeoordeeld(eerder));
    }
    Oordeel oordeel = judge.get();
    Change change = new Change(state, context).recordAll(oordeel.effect());
    oordeel.perKlasse().forEach((pad, codes) -> {
      if (pad.equals(paden.get(0)) || !codes.equals(List.of(Retourcode.R0200))) {
        change.record(new CaseEvent.BerichtklasseBeoordeeld(berichtRef + "/" + pad, berichtId, soort,
            codes.stream().map(Retourcode::code).toList(), context.now()));
      }
    });
    return change.decide(new CaseReply.KlassenBeoordeeld(oordeel.perKlasse()));
  }

  private Verzoeken() {}

  /**
   * A WMO315: refused as a whole on the Client klasse when the aanbieder has a verzoek in
   * behandeling for this cliënt (TR374: its products are then not judged, 0233); otherwise each
   * AangevraagdProduct on its own (the gemeente may honour them one by one, OP344), refused when
   * its ReferentieAanbieder was used before (TR347).
   */
  static Oordeel toewijzing(CaseState state, ToewijzingVerzoeken c, Instant now) {
    Map<String, List<Retourcode>> codes = new LinkedHashMap<>();
    boolean onderhanden = c.elders() || onderhanden(state, c.aanbieder()).isPresent();
    codes.put(CLIENT, List.of(onderhanden ? Retourcode.R9374 : Retourcode.R0200));
    List<Verzoek> aangenomen = new ArrayList<>();
    for (Aanvraag a : c.aanvragen()) {
      String ref = a.product().referentieAanbieder();
      if (c.nietUniek().contains(ref) || gebruikt(state, c.aanbieder(), ref, c.berichtId())) {
        codes.put(a.klassepad(), List.of(Retourcode.R9347));
      } else if (onderhanden) {
        codes.put(a.klassepad(), List.of(Retourcode.R0233));
      } else {
        codes.put(a.klassepad(), List.of(Retourcode.R0200));
        aangenomen.add(Verzoek.ontvangen(c.aanbieder(), ref, "WMO315", c.berichtId(), c.dagtekening(), null,
            List.of(gevraagd(a.product()))));
      }
    }
    List<CaseEvent> effect = aangenomen.isEmpty() ? List.of() : List.of(new CaseEvent.VerzoekOntvangen(aangenomen, now));
    return new Oordeel(codes, effect);
  }

  private static Verzoek.Gevraagd gevraagd(Wmo315.AangevraagdProduct p) {
    return new Verzoek.Gevraagd(VerzoekProductSoort.AANGEVRAAGD, null, Verzoek.Gevraagd.product(p.product()),
        p.toewijzingIngangsdatum(), p.toewijzingEinddatum(), Verzoek.Gevraagd.omvang(p.omvang()), p.budget());
  }

  /** The aanbieder's verzoek in behandeling at this case (there is at most one, TR374), if any. */
  static Optional<Verzoek> onderhanden(CaseState state, String aanbieder) {
    return state.verzoeken().stream().filter(v -> v.aanbieder().equals(aanbieder) && v.status().isOnderhanden()).findFirst();
  }

  /**
   * Whether another bericht of this aanbieder used {@code referentie} at this case (TR347). The
   * intake knows it across cases; the case checks it too, so that it never holds two verzoeken
   * under one reference.
   */
  static boolean gebruikt(CaseState state, String aanbieder, String referentie, long berichtId) {
    return state.verzoeken().stream().anyMatch(v -> v.is(aanbieder, referentie) && v.berichtId() != berichtId);
  }

  /** The verzoeken with the aanbieder's reference, of any aanbieder when {@code aanbieder} is null. */
  static List<Verzoek> met(CaseState state, String referentie, String aanbieder) {
    return state.verzoeken().stream()
        .filter(v -> v.referentieAanbieder().equals(referentie) && (aanbieder == null || v.aanbieder().equals(aanbieder)))
        .toList();
  }

  // --- what it means for the deadlines ---

  /**
   * The {@link Gebeurtenis}sen a verzoek event amounts to. Accepting a verzoek is also sending its
   * retour, which the intake does right after. An answer counts for the aanbieder's verzoek (the
   * products of its one bericht in behandeling): {@code VERZOEK_BEANTWOORD} when its last
   * unanswered product gets an answer, {@code VERZOEK_AFGEHANDELD} when its last open one a final
   * one.
   */
  static List<CaseGebeurtenis> ontvangen(CaseEvent.VerzoekOntvangen e, LocalDate today) {
    String aanbieder = e.verzoeken().get(0).aanbieder();
    boolean wijziging = e.verzoeken().get(0).isWijziging();
    return List.of(
        CaseGebeurtenis.ofAanbieder(wijziging ? Gebeurtenis.WMO317_ONTVANGEN : Gebeurtenis.WMO315_ONTVANGEN, aanbieder, today),
        CaseGebeurtenis.ofAanbieder(wijziging ? Gebeurtenis.WMO318_VERSTUURD : Gebeurtenis.WMO316_VERSTUURD, aanbieder, today));
  }

  static List<CaseGebeurtenis> beantwoord(CaseEvent.VerzoekBeantwoord e, CaseState before, CaseState after, LocalDate today) {
    List<CaseGebeurtenis> occurrences = new ArrayList<>();
    occurrences.add(CaseGebeurtenis.ofAanbieder(Gebeurtenis.WMO319_VERSTUURD, e.aanbieder(), today));
    if (e.antwoord() == VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK) {
      LocalDate dagtekening = verzoek(after, e.aanbieder(), e.referentieAanbieder()).dagtekening();
      occurrences.add(CaseGebeurtenis.ofAanbieder(Gebeurtenis.VERZOEK_IN_ONDERZOEK, e.aanbieder(), dagtekening));
    }
    occurrences.addAll(voortgang(before, after, e.aanbieder(), e.referentieAanbieder(), today));
    return occurrences;
  }

  static List<CaseGebeurtenis> gehonoreerd(CaseEvent.VerzoekGehonoreerd e, CaseState before, CaseState after, LocalDate today) {
    return voortgang(before, after, e.aanbieder(), e.referentieAanbieder(), today);
  }

  private static List<CaseGebeurtenis> voortgang(CaseState before, CaseState after, String aanbieder, String referentie, LocalDate today) {
    long berichtId = verzoek(after, aanbieder, referentie).berichtId();
    List<CaseGebeurtenis> occurrences = new ArrayList<>();
    if (!alle(before, aanbieder, berichtId, VerzoekStatus::isBeantwoord) && alle(after, aanbieder, berichtId, VerzoekStatus::isBeantwoord)) {
      occurrences.add(CaseGebeurtenis.ofAanbieder(Gebeurtenis.VERZOEK_BEANTWOORD, aanbieder, today));
    }
    if (enige(before, aanbieder, berichtId, VerzoekStatus::isOnderhanden)
        && alle(after, aanbieder, berichtId, s -> !s.isOnderhanden())) {
      occurrences.add(CaseGebeurtenis.ofAanbieder(Gebeurtenis.VERZOEK_AFGEHANDELD, aanbieder, today));
    }
    return occurrences;
  }

  private static Verzoek verzoek(CaseState state, String aanbieder, String referentie) {
    return state.verzoeken().stream().filter(v -> v.is(aanbieder, referentie)).findFirst().orElseThrow();
  }

  /** Whether every product of the aanbieder's bericht {@code berichtId} has a status that passes {@code test}. */
  private static boolean alle(CaseState state, String aanbieder, long berichtId, Predicate<VerzoekStatus> test) {
    return state.verzoeken().stream().filter(v -> v.aanbieder().equals(aanbieder) && v.berichtId() == berichtId)
        .allMatch(v -> test.test(v.status()));
  }

  /** Whether any product of the aanbieder's bericht {@code berichtId} has a status that passes {@code test}. */
  private static boolean enige(CaseState state, String aanbieder, long berichtId, Predicate<VerzoekStatus> test) {
    return state.verzoeken().stream().filter(v -> v.aanbieder().equals(aanbieder) && v.berichtId() == berichtId)
        .anyMatch(v -> test.test(v.status()));
  }
}
