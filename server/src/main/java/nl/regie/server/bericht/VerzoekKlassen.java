package nl.regie.server.bericht;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import nl.regie.persistence.VerzoekReferenties;
import nl.regie.protocol.api.CaseView;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Bericht;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.Wmo315;
import nl.regie.protocol.iwmo.bericht.Wmo317;
import nl.regie.protocol.regeling.Regeling;
import nl.regie.protocol.regeling.Regelingen;
import nl.regie.protocol.cases.Client;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Naam;
import nl.regie.protocol.cases.ToewijzingStatus;
import nl.regie.server.cases.CaseCommand;
import nl.regie.server.cases.CaseCommand.ToewijzingVerzoeken.Aanvraag;
import nl.regie.server.cases.CaseReply;
import nl.regie.server.cases.CaseService;
import nl.regie.server.cases.CaseState;

/**
 * Takes a WMO315 or WMO317 to the case it is about, with what only the intake can know, and turns
 * the case's judgement into retourcodes. The case applies the rules against its own state; the
 * intake adds what spans cases:
 *
 * <ul>
 *   <li>which case: a WMO317 goes to the case of the toewijzingen it names; a WMO315 to the
 *       cliënt's open case at the gemeente it is sent to (see {@link #kies});
 *   <li>TR347: a ReferentieAanbieder is unique for the aanbieder across all cliënten, so it is
 *       claimed in {@link VerzoekReferenties} before the case judges, and given back when the case
 *       rejects the verzoek;
 *   <li>TR374: one verzoek in behandeling per cliënt and aanbieder, also when the cliënt has several
 *       cases at the gemeente.
 * </ul>
 */
final class VerzoekKlassen {

  private final CaseService cases;
  private final VerzoekReferenties referenties;
  private final Regelingen regelingen;
  private final Clock clock;
  private final ZoneId zone;
  private final Executor blocking;

  VerzoekKlassen(CaseService cases, VerzoekReferenties referenties, Regelingen regelingen, Clock clock, ZoneId zone, Executor blocking) {
    this.cases = cases;
    this.referenties = referenties;
    this.regelingen = regelingen;
    this.clock = clock;
    this.zone = zone;
    this.blocking = blocking;
  }

  static boolean isVerzoek(Bericht bericht) {
    return bericht instanceof Wmo315 || bericht instanceof Wmo317;
  }

  /** Judges a received WMO315 or WMO317 with the codes the rules within it left. */
  CompletionStage<Outcome> judge(Inbox.Received received) {
    if (received.bericht() instanceof Wmo315 vot) return toewijzing(vot, received.key(), received.berichtId(), received.vooraf());
    return wijziging((Wmo317) received.bericht(), received.key(), received.berichtId(), received.vooraf());
  }

  // --- WMO315 ---

  private CompletionStage<Outcome> toewijzing(Wmo315 vot, BerichtKey key, long berichtId, Retourcodes vooraf) {
    String aanbieder = key.afzender();
    // A rejected Client klasse takes its products with it: there is no verzoek to take in.
    if (vooraf.van(Klassepad.CLIENT).stream().anyMatch(Retourcode::isAfkeur)) return done(judged(vooraf, null));
    List<Aanvraag> aanvragen = new ArrayList<>();
    for (int i = 0; i < vot.client().aangevraagdeProducten().size(); i++) {
      Klassepad pad = Wmo315.aangevraagdProduct(i);
      if (!vooraf.heeftAfkeurOnder(pad)) aanvragen.add(new Aanvraag(pad.toString(), vot.client().aangevraagdeProducten().get(i)));
    }
    if (aanvragen.isEmpty()) return done(judged(vooraf, null));
    return cases.casesOf(vot.client().bsn(), key.gemeente()).thenCompose(views -> {
      Optional<CaseView> open = kies(views, aanbieder);
      Optional<String> regeling = open.isPresent() ? Optional.empty() : regelingVoor(vot, views);
      if (open.isEmpty() && regeling.isEmpty()) {
        return done(new Outcome.Unplaceable(422, "iwmo-verzoek-niet-plaatsbaar", "Verzoek cannot be placed",
            "the cliënt has no open case at gemeente " + key.gemeente()
            + " and no single regeling has every product asked for; open a case for the cliënt first", List.of()));
      }
      String caseId = open.map(CaseView::caseId).orElseGet(() -> UUID.randomUUID().toString());
      boolean elders = onderhandenElders(views, caseId, aanbieder);
      List<Claim> claims = aanvragen.stream().map(a -> new Claim(a.klassepad(), a.product().referentieAanbieder())).toList();
      return CompletableFuture.supplyAsync(() -> claim(aanbieder, key, claims, caseId), blocking).thenCompose(nietUniek -> {
        if (open.isEmpty() && nietUniek.size() == claims.size()) {
          // Nothing of it can be taken in (TR347): no reason to open a case for it.
          Retourcodes codes = vooraf;
          for (Claim c : claims) codes = codes.met(Klassepad.valueOf(c.klassepad()), Retourcode.R9347);
          return done(judged(codes, null));
        }
        CompletionStage<?> klaar = open.isPresent() ? CompletableFuture.completedFuture(null) : nieuweCase(caseId, vot, key, regeling.get());
        return klaar.thenCompose(done -> cases.ask(caseId, r -> new CaseCommand.ToewijzingVerzoeken(key.berichtRef(), berichtId,
                aanbieder, key.dagtekening(), aanvragen, nietUniek, elders, r)))
            // Each product of a WMO315 is taken in on its own (OP344).
            .thenApplyAsync(reply -> afgerond(reply, vooraf, caseId, aanbieder, key, claims, false), blocking);
      });
    });
  }

  /**
   * The case a WMO315 goes to: of the cliënt's cases at this gemeente that have not ended, the one
   * where the aanbieder has a verzoek in behandeling (so that the case that holds it refuses the new
   * one, TR374), else where it has toewijzingen (a VOT for a product more), else the latest melding.
   */
  static Optional<CaseView> kies(List<CaseView> views, String aanbieder) {
    return views.stream().filter(v -> !v.fase().isEinde())
        .max(Comparator.comparing((CaseView v) -> onderhanden(v, aanbieder))
            .thenComparing(v -> v.toewijzingen().stream()
                .anyMatch(t -> t.aanbieder().equals(aanbieder) && t.status() != ToewijzingStatus.GESTOPT))
            .thenComparing(CaseView::meldingOp)
            .thenComparing(CaseView::caseId));
  }

  /**
   * A WMO315 for a cliënt without an open case opens one, as a melding through the aanbieder. The
   * standard leaves no other way: since iWmo 3.0 a 316 carries no functional retourcodes (FAQ) and
   * no rule of the 315 refuses an unknown cliënt, so the verzoek is accepted and the gemeente must
   * answer it within five werkdagen (OP274), with a WMO319 or, after onderzoek and beschikking, a
   * WMO301; for that it needs a case and its deadlines.
   */
  private CompletionStage<CaseReply> nieuweCase(String caseId, Wmo315 vot, BerichtKey key, String regeling) {
    Wmo315.Client c = vot.client();
    Client client = new Client(new Naam(c.naam().geslachtsnaam().achternaam(), c.naam().geslachtsnaam().voorvoegsel(),
        c.naam().voorletters(), c.naam().voornamen()), c.geboortedatum().datum(), c.geslacht(), null);
    LocalDate vandaag = LocalDate.ofInstant(clock.instant(), zone);
    return cases.open(caseId, new CaseState.Melding(c.bsn(), key.gemeente(), regeling, Kanaal.AANBIEDER, vandaag, client));
  }

  /**
   * The regeling of a case a WMO315 opens: that of the cliënt's latest earlier case at this gemeente
   * if it has every product asked for, else the only regeling that has them all; when there is not
   * exactly one, Regie cannot tell.
   */
  private Optional<String> regelingVoor(Wmo315 vot, List<CaseView> views) {
    List<Regeling> passend = regelingen.all().stream().filter(r -> heeftAlles(r, vot)).toList();
    return views.stream().sorted(Comparator.comparing(CaseView::meldingOp).reversed())
        .map(CaseView::regeling).filter(id -> passend.stream().anyMatch(r -> r.id().equals(id))).findFirst()
        .or(() -> passend.size() == 1 ? Optional.of(passend.get(0).id()) : Optional.empty());
  }

  /** Whether {@code regeling} has a product for everything the WMO315 asks (by code, or by categorie). */
  private static boolean heeftAlles(Regeling regeling, Wmo315 vot) {
    return vot.client().aangevraagdeProducten().stream().map(Wmo315.AangevraagdProduct::product).allMatch(p -> p == null
        || (p.code() != null ? regeling.product(p.code()).isPresent()
            : regeling.producten().values().stream().anyMatch(rp -> rp.categorie() == p.categorie())));
  }

  // --- WMO317 ---

  private CompletionStage<Outcome> wijziging(Wmo317 vow, BerichtKey key, long berichtId, Retourcodes vooraf) {
    // One coherent request (OP308): rejected within the bericht, nothing of it can be taken in.
    if (vooraf.heeftAfkeur()) return done(judged(vooraf, null));
    String aanbieder = key.afzender();
    Wmo317.Verzoek verzoek = vow.client().verzoek();
    List<Long> genoemd = new ArrayList<>();
    verzoek.ongewijzigdeProducten().forEach(p -> genoemd.add(p.toewijzingNummer()));
    verzoek.teWijzigenProducten().forEach(p -> genoemd.add(p.toewijzingNummer()));
    return casesOfToewijzingen(genoemd)
        .thenCompose(kandidaten -> cases.casesOf(vow.client().bsn(), key.gemeente()).thenCompose(views -> {
          // The first named toewijzing that is this cliënt's at this gemeente decides the case.
          Optional<String> id = kandidaten.stream().filter(k -> views.stream().anyMatch(v -> v.caseId().equals(k))).findFirst();
          if (id.isEmpty()) return done(judged(vooraf.samen(nietGerelateerd(verzoek)), null));
          boolean elders = onderhandenElders(views, id.get(), aanbieder);
          List<Claim> claims = List.of(new Claim(Wmo317.VERZOEK.toString(), verzoek.referentieAanbieder()));
          return CompletableFuture.supplyAsync(() -> claim(aanbieder, key, claims, id.get()), blocking)
              .thenCompose(nietUniek -> cases.ask(id.get(), r -> new CaseCommand.WijzigingVerzoeken(key.berichtRef(), berichtId,
                  aanbieder, key.dagtekening(), vow.client(), !nietUniek.isEmpty(), elders, r)))
              // A WMO317 is taken in whole or not at all (OP308).
              .thenApplyAsync(reply -> afgerond(reply, vooraf, id.get(), aanbieder, key, claims, true), blocking);
        }));
  }

  /** No toewijzing the WMO317 names is one of this cliënt's at this gemeente: none is related (TR350, TR351). */
  private static Retourcodes nietGerelateerd(Wmo317.Verzoek verzoek) {
    Retourcodes codes = Retourcodes.GEEN;
    for (int i = 0; i < verzoek.ongewijzigdeProducten().size(); i++) codes = codes.met(Wmo317.ongewijzigdProduct(i), Retourcode.R9350);
    for (int i = 0; i < verzoek.teWijzigenProducten().size(); i++) codes = codes.met(Wmo317.teWijzigenProduct(i), Retourcode.R9351);
    return codes;
  }

  // --- shared ---

  /** A ReferentieAanbieder and the klasse that carries it. */
  private record Claim(String klassepad, String referentie) {}

  private List<String> claim(String aanbieder, BerichtKey key, List<Claim> claims, String caseId) {
    return claims.stream().filter(c -> !referenties.claim(aanbieder, c.referentie(), key.ref(c.klassepad()), caseId))
        .map(Claim::referentie).toList();
  }

  /**
   * Blocking: the case's codes added to {@code vooraf}; the references of klassen it did not take
   * in are given back ({@code geheel}: the bericht is taken in whole or not at all).
   */
  private Outcome afgerond(CaseReply reply, Retourcodes vooraf, String caseId, String aanbieder, BerichtKey key, List<Claim> claims,
      boolean geheel) {
    if (!(reply instanceof CaseReply.KlassenBeoordeeld beoordeeld)) {
      claims.forEach(c -> referenties.release(aanbieder, c.referentie(), key.ref(c.klassepad())));
      return new Outcome.Unplaceable(422, "iwmo-verzoek-niet-plaatsbaar", "Verzoek cannot be placed",
          "case " + caseId + " did not judge the verzoek: " + reply, List.of());
    }
    Retourcodes codes = vooraf;
    for (var e : beoordeeld.perKlasse().entrySet()) {
      codes = codes.met(Klassepad.valueOf(e.getKey()), e.getValue().toArray(Retourcode[]::new));
    }
    boolean heelAfgekeurd = beoordeeld.perKlasse().values().stream().flatMap(List::stream).anyMatch(Retourcode::isAfkeur);
    for (Claim c : claims) {
      List<Retourcode> eigen = beoordeeld.perKlasse().getOrDefault(c.klassepad(), List.of());
      boolean aangenomen = eigen.equals(List.of(Retourcode.R0200)) && !(geheel && heelAfgekeurd);
      if (!aangenomen) referenties.release(aanbieder, c.referentie(), key.ref(c.klassepad()));
    }
    return judged(codes, caseId);
  }

  /** The cases the toewijzingnummers belong to, in their order, each once. */
  private CompletionStage<List<String>> casesOfToewijzingen(List<Long> nummers) {
    List<CompletableFuture<Optional<String>>> found = nummers.stream().map(n -> cases.caseOfToewijzing(n).toCompletableFuture()).toList();
    return CompletableFuture.allOf(found.toArray(CompletableFuture[]::new))
        .thenApply(done -> found.stream().map(CompletableFuture::join).flatMap(Optional::stream).distinct().toList());
  }

  private static Outcome.Judged judged(Retourcodes codes, String caseId) {
    return new Outcome.Judged(codes, caseId == null ? List.of() : List.of(caseId));
  }

  private static boolean onderhandenElders(List<CaseView> views, String caseId, String aanbieder) {
    return views.stream().anyMatch(v -> !v.caseId().equals(caseId) && onderhanden(v, aanbieder));
  }

  private static boolean onderhanden(CaseView view, String aanbieder) {
    return view.verzoeken().stream().anyMatch(v -> v.aanbieder().equals(aanbieder) && v.status().isOnderhanden());
  }

  private static CompletionStage<Outcome> done(Outcome outcome) {
    return CompletableFuture.completedFuture(outcome);
  }
}
