package nl.regie.server.bericht;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import nl.regie.persistence.DeclaratieNummers;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.Wmo323;
import nl.regie.server.bericht.BerichtIntake.Antwoord;
import nl.regie.server.bericht.BerichtIntake.Retour;
import nl.regie.server.cases.CaseCommand;
import nl.regie.server.cases.CaseService;
import nl.regie.server.cases.Prestatie;

/**
 * The WMO323 part of the intake. A declaratie may hold prestaties for many cliënten and
 * toewijzingen, hence many cases: each prestatie goes to the case its toewijzingnummer belongs to
 * (none: 9338). Before that, the numbers that are unique per aanbieder across all cases are claimed
 * (9333 for the DeclaratieNummer, 8021 for a ReferentieNummer); after the WMO325 is stored, every
 * case that judged a prestatie hears that it went out, which meets its D17.
 */
final class DeclaratieKlassen {

  private final CaseService cases;
  private final DeclaratieNummers nummers;
  private final Executor blocking;

  DeclaratieKlassen(CaseService cases, DeclaratieNummers nummers, Executor blocking) {
    this.cases = cases;
    this.nummers = nummers;
    this.blocking = blocking;
  }

  /** The declaratie's numbers claimed, then each prestatie judged at its case. */
  CompletionStage<Outcome.Judged> judge(Inbox.Received received) {
    Wmo323 declaratie = (Wmo323) received.bericht();
    return CompletableFuture.supplyAsync(() -> nummers(declaratie, received.key(), received.berichtId(), received.vooraf()), blocking)
        .thenCompose(vooraf -> Klasse.all(klassen(declaratie, received.key(), received.berichtId(), vooraf))
            .thenCompose(klassen -> Klasse.judge(cases, klassen, vooraf)));
  }

  /**
   * Blocking: {@code vooraf} plus 9333 on the Declaratie when another declaratie of this aanbieder
   * had its DeclaratieNummer (TR333; then nothing is claimed and no prestatie judged, IV087), or
   * 8021 on each prestatie whose ReferentieNummer another declaratie used (TR314, "zowel binnen één
   * bericht als berichtoverstijgend"). Every ReferentieNummer delivered counts, also of a prestatie
   * that is then rejected: TR314 makes no exception, so a corrected prestatie comes with a new one.
   */
  private Retourcodes nummers(Wmo323 bericht, BerichtKey key, long berichtId, Retourcodes vooraf) {
    if (vooraf.isAfgekeurd(Klassepad.DECLARATIE)) return vooraf;
    Wmo323.Declaratie d = bericht.declaratie();
    List<String> referenties = d.clienten().stream().flatMap(c -> c.prestaties().stream())
        .map(p -> p.productReferentie().referentieNummer()).toList();
    DeclaratieNummers.Bezet bezet = nummers.claim(key.afzender(), berichtId, d.declaratieNummer(), referenties);
    if (bezet.declaratieNummer()) return vooraf.met(Klassepad.DECLARATIE, Retourcode.R9333);
    Retourcodes codes = vooraf;
    for (int i = 0; i < d.clienten().size(); i++) {
      List<Wmo323.Prestatie> prestaties = d.clienten().get(i).prestaties();
      for (int j = 0; j < prestaties.size(); j++) {
        if (bezet.referentieNummers().contains(prestaties.get(j).productReferentie().referentieNummer())) {
          codes = codes.met(Wmo323.prestatie(i, j), Retourcode.R8021);
        }
      }
    }
    return codes;
  }

  /**
   * The prestaties no rule rejected yet, each on its way to its case; credits first, so that a
   * debet that corrects a credited one in the same declaratie is judged after the credit (OP366).
   */
  private List<CompletionStage<Klasse>> klassen(Wmo323 bericht, BerichtKey key, long berichtId, Retourcodes vooraf) {
    if (vooraf.isAfgekeurd(Klassepad.DECLARATIE)) return List.of();
    Wmo323.Declaratie d = bericht.declaratie();
    List<CompletionStage<Klasse>> credits = new ArrayList<>();
    List<CompletionStage<Klasse>> debets = new ArrayList<>();
    for (int i = 0; i < d.clienten().size(); i++) {
      Wmo323.Client client = d.clienten().get(i);
      if (vooraf.isAfgekeurd(Wmo323.client(i))) continue;
      for (int j = 0; j < client.prestaties().size(); j++) {
        Klassepad pad = Wmo323.prestatie(i, j);
        if (vooraf.isAfgekeurd(pad)) continue;
        Prestatie prestatie = prestatie(client.prestaties().get(j));
        CompletionStage<Klasse> klasse = cases.caseOfToewijzing(prestatie.toewijzingNummer()).thenApply(caseId -> new Klasse(pad, caseId,
            r -> new CaseCommand.PrestatieDeclareren(key.ref(pad), berichtId, key.afzender(), d.declaratieNummer(), client.bsn(),
                prestatie, r), Retourcode.R9338));
        (prestatie.isCredit() ? credits : debets).add(klasse);
      }
    }
    credits.addAll(debets);
    return credits;
  }

  /** Every case the declaratie's toewijzingnummers lead to, for telling them of its 325 again. */
  CompletionStage<List<String>> cases(Wmo323 bericht) {
    List<CompletableFuture<Optional<String>>> found = bericht.declaratie().clienten().stream().flatMap(c -> c.prestaties().stream())
        .map(Wmo323.Prestatie::toewijzingNummer).distinct()
        .map(nummer -> cases.caseOfToewijzing(nummer).toCompletableFuture()).toList();
    return CompletableFuture.allOf(found.toArray(CompletableFuture[]::new))
        .thenApply(done -> found.stream().map(CompletableFuture::join).flatMap(Optional::stream).distinct().toList());
  }

  /**
   * Tells each of {@code caseIds}, one after the other, that the WMO325 in {@code antwoord} went
   * out, then gives {@code antwoord}. A case that does not answer fails the whole: the aanbieder
   * sends the declaratie again, gets the stored 325, and the cases hear of it then.
   */
  CompletionStage<Antwoord> tellAnswered(Antwoord antwoord, Collection<String> caseIds) {
    if (!(antwoord instanceof Retour retour)) return CompletableFuture.completedFuture(antwoord);
    CompletionStage<Void> gemeld = CompletableFuture.completedFuture(null);
    for (String caseId : caseIds) {
      gemeld = gemeld.thenCompose(ignored -> cases.ask(caseId, r -> new CaseCommand.DeclaratieBeantwoorden(
          retour.berichtId(), retour.retourId(), r)).thenApply(reply -> null));
    }
    return gemeld.thenApply(ignored -> antwoord);
  }

  static Prestatie prestatie(Wmo323.Prestatie p) {
    return new Prestatie(p.productReferentie().referentieNummer(), p.productReferentie().vorigReferentieNummer(),
        p.toewijzingNummer(), p.productCategorie().code(), p.productCode(), p.productPeriode().begindatum(),
        p.productPeriode().einddatum(), p.geleverdVolume(), p.eenheid(), p.ingediendBedrag().bedrag(),
        p.ingediendBedrag().debetCredit());
  }

}
