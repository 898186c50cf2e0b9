package nl.regie.server.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.cases.Omvang;
import nl.regie.server.cases.CaseCommand.DeclaratieBeantwoorden;
import nl.regie.server.cases.CaseCommand.PrestatieDeclareren;
import nl.regie.server.cases.Berichtklassen.Oordeel;

/**
 * Judges the prestaties of a WMO323 against what the case knows: the rules of controleniveau 3
 * that need the toewijzing and earlier declaraties, and the effect when they pass. Pure.
 *
 * <ul>
 *   <li>TR338 (9338): the prestatie's toewijzingnummer is a toewijzing of this aanbieder here;
 *   <li>TR304 (8187): it belongs to this cliënt;
 *   <li>a credit (IV085, IV091): TR323 (8017) it cancels a granted debet under the same toewijzing,
 *       TR390 (9390) not cancelled before. A credit is checked for nothing else: "de gemeente kan
 *       een ingediende credit prestatie dus niet afkeuren" (IV085), and the debet it cancels
 *       passed every other rule when it was granted;
 *   <li>a debet: TR339 (9339) productcategorie and TR340 (9340) productcode of the toewijzing,
 *       TR307/TR308 (9307/9308) its productperiode within the toewijzing's period, a start of care
 *       (9338, see {@link #gestart}), TR341 (9341) a unit that fits, TR321 (9321) its volume within
 *       the omvang and TR322 (9322) with the debets granted before, within the omvang over the
 *       toewijzing's loopduur.
 * </ul>
 *
 * A debet gets every code it earns, so that the aanbieder can correct it in one go; the checks that
 * need a toewijzing of this aanbieder and cliënt stop at the first two. TR314 (8021) and TR333
 * (9333) are unique per aanbieder across cases and are checked before a prestatie gets here.
 */
final class Declaraties {

  private Declaraties() {}

  /**
   * One prestatie of a WMO323, judged once. The first prestatie of a declaratie on a toewijzing of
   * its aanbieder here also records the declaratie, which starts the wait for its 325; one that
   * only names another aanbieder's toewijzing leaves no trace in this case (OP095).
   */
  static Decision prestatieDeclareren(CaseState state, PrestatieDeclareren c, DecisionContext context) {
    return Berichtklassen.judgeOnce(state, c.berichtRef(), c.berichtId(), "WMO323", context,
        () -> prestatie(state, c, context.today(), context.now()));
  }

  /** The WMO325 went out: it meets the wait for it (D17), once; a repeat changes nothing. */
  static Decision declaratieBeantwoord(CaseState state, DeclaratieBeantwoorden c, DecisionContext context) {
    boolean open = state.declaraties().ontvangen(c.berichtId()).filter(o -> !o.beantwoord()).isPresent();
    if (!open) return Decision.answer(state, new CaseReply.Accepted(CaseViews.of(state, context.regelingen())));
    return new Change(state, context).record(new CaseEvent.DeclaratieBeantwoord(c.berichtId(), c.retourId(), context.now())).decide();
  }

  private static Oordeel prestatie(CaseState state, PrestatieDeclareren c, LocalDate vandaag, Instant now) {
    Prestatie p = c.prestatie();
    // TR338 on the toewijzingen sent to this aanbieder only: another aanbieder's are none of its
    // business, so they are "not related" rather than "not this cliënt's".
    Optional<Toewijzing> found = state.toewijzing(p.toewijzingNummer()).filter(t -> t.aanbieder().equals(c.aanbieder()));
    if (found.isEmpty()) return Oordeel.afgekeurd(Retourcode.R9338);
    List<CaseEvent> effect = new ArrayList<>();
    if (state.declaraties().ontvangen(c.berichtId()).isEmpty()) {
      effect.add(new CaseEvent.DeclaratieOntvangen(c.berichtId(), c.aanbieder(), c.declaratieNummer(), vandaag, now));
    }
    List<Retourcode> afkeur = afkeur(state, c, found.get());
    if (!afkeur.isEmpty()) return new Oordeel(afkeur, effect);
    effect.add(new CaseEvent.PrestatieToegekend(c.berichtId(), p, now));
    return new Oordeel(List.of(Retourcode.R0200), effect);
  }

  private static List<Retourcode> afkeur(CaseState state, PrestatieDeclareren c, Toewijzing t) {
    if (!state.melding().bsn().equals(c.bsn())) return List.of(Retourcode.R8187);
    Declaratieadministratie administratie = state.declaraties();
    return c.prestatie().isCredit() ? credit(administratie, c.prestatie()) : debet(administratie, t, c.prestatie());
  }

  private static List<Retourcode> credit(Declaratieadministratie administratie, Prestatie p) {
    String vorig = p.vorigReferentieNummer();
    if (vorig == null || administratie.debet(p.toewijzingNummer(), vorig).isEmpty()) return List.of(Retourcode.R8017);
    if (administratie.gecrediteerd(vorig)) return List.of(Retourcode.R9390);
    return List.of();
  }

  private static List<Retourcode> debet(Declaratieadministratie administratie, Toewijzing t, Prestatie p) {
    List<Retourcode> codes = new ArrayList<>();
    // Regie assigns specific products (categorie and code), so both are "opgenomen" (TR339, TR340).
    if (!t.product().startsWith(p.productcategorie())) codes.add(Retourcode.R9339);
    if (!t.product().equals(p.productcode())) codes.add(Retourcode.R9340);
    // WJ001 words these as "ligt niet tussen de ingangsdatum en einddatum toewijzing", broader than
    // TR307/TR308 (one bound each): a period wholly after the einddatum fails both.
    boolean binnen = t.covers(p.begindatum()) && t.covers(p.einddatum());
    if (!t.covers(p.begindatum())) codes.add(Retourcode.R9307);
    if (!t.covers(p.einddatum())) codes.add(Retourcode.R9308);
    if (!gestart(t, p)) codes.add(Retourcode.R9338);
    Omvang omvang = t.omvang();
    if (omvang == null) return codes;
    if (!Volumegrens.past(p.eenheid(), omvang.eenheid())) {
      codes.add(Retourcode.R9341);
    } else if (binnen) {
      // The volume is measured only within the toewijzing's period: outside it there is no omvang
      // to measure against, and 9307/9308 say already what is wrong.
      long volume = Volumegrens.inBasis(p.geleverdVolume(), p.eenheid(), omvang.eenheid());
      if (volume > Volumegrens.perPrestatie(t, p.begindatum(), p.einddatum())) codes.add(Retourcode.R9321);
      if (samen(administratie, t, p) > Volumegrens.totaal(t, gedeclareerdTot(administratie, t, p))) codes.add(Retourcode.R9322);
    }
    return codes;
  }

  /**
   * Whether care under the toewijzing had started (a WMO305 not withdrawn) by the end of the
   * productperiode. Seed 001:57-58: "Zonder startbericht wordt een ingediende declaratie niet
   * uitbetaald. Het startbericht is dus voorwaardelijk voor het uitbetalen van de declaratie" (and
   * 004:178 "U factureert vanaf de startdatum van de zorg"). iWmo 3.2 says the opposite (OP364,
   * and the FAQ "Mag een start (305) of stop (307) bericht voorwaardelijk zijn ...? Nee") and has
   * no retourcode for it. The regions' rule wins here, as the seeds do elsewhere in Regie (see
   * docs/notes/termijnen.md, 6); the nearest code is 9338, "niet gerelateerd aan een toegewezen
   * product": without a start, nothing was delivered under the toewijzing yet.
   */
  private static boolean gestart(Toewijzing t, Prestatie p) {
    return t.leveringen().stream().anyMatch(l -> !l.verwijderd() && !l.begindatum().isAfter(p.einddatum()));
  }

  /** The volume of the debets granted under the toewijzing and not credited, plus this one, in basis units. */
  private static long samen(Declaratieadministratie administratie, Toewijzing t, Prestatie p) {
    return Stream.concat(administratie.geldigeDebets(t.nummer()).stream(), Stream.of(p))
        .mapToLong(q -> Volumegrens.inBasis(q.geleverdVolume(), q.eenheid(), t.omvang().eenheid()))
        .sum();
  }

  private static LocalDate gedeclareerdTot(Declaratieadministratie administratie, Toewijzing t, Prestatie p) {
    return Stream.concat(administratie.geldigeDebets(t.nummer()).stream(), Stream.of(p))
        .map(Prestatie::einddatum).max(LocalDate::compareTo).orElseThrow();
  }
}
