package nl.regie.server.bericht;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.codes.StatusAanlevering;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Product;
import nl.regie.protocol.iwmo.bericht.Wmo305;
import nl.regie.protocol.iwmo.bericht.Wmo307;
import nl.regie.server.cases.CaseCommand;
import nl.regie.server.cases.CaseService;

/**
 * The WMO305 and WMO307 part of the intake: each StartProduct or StopProduct that the rules within
 * the bericht let through goes to the case of its toewijzingnummer (none: 9019), which judges it
 * by the rules of starts and stops.
 */
final class StartStopKlassen {

  private final CaseService cases;

  StartStopKlassen(CaseService cases) {
    this.cases = cases;
  }

  static boolean isStartOfStop(Object bericht) {
    return bericht instanceof Wmo305 || bericht instanceof Wmo307;
  }

  CompletionStage<Outcome.Judged> judge(Inbox.Received received) {
    BerichtKey key = received.key();
    long berichtId = received.berichtId();
    List<CompletionStage<Klasse>> klassen = new ArrayList<>();
    if (received.bericht() instanceof Wmo305 start) {
      String bsn = start.client().bsn();
      for (int i = 0; i < start.client().startProducten().size(); i++) {
        Wmo305.StartProduct p = start.client().startProducten().get(i);
        Klassepad pad = Wmo305.startProduct(i);
        if (received.vooraf().isAfgekeurd(pad)) continue;
        klassen.add(caseOf(p.toewijzingNummer()).thenApply(caseId -> new Klasse(pad, caseId,
            r -> new CaseCommand.StartMelden(key.ref(pad), berichtId, key.afzender(), bsn, p.toewijzingNummer(),
                productcode(p.product()), p.begindatum(), p.statusAanlevering() == StatusAanlevering.VERWIJDEREN_AANLEVERING, r),
            Retourcode.R9019)));
      }
    } else {
      Wmo307 stop = (Wmo307) received.bericht();
      String bsn = stop.client().bsn();
      for (int i = 0; i < stop.client().stopProducten().size(); i++) {
        Wmo307.StopProduct p = stop.client().stopProducten().get(i);
        Klassepad pad = Wmo307.stopProduct(i);
        if (received.vooraf().isAfgekeurd(pad)) continue;
        klassen.add(caseOf(p.toewijzingNummer()).thenApply(caseId -> new Klasse(pad, caseId,
            r -> new CaseCommand.StopMelden(key.ref(pad), berichtId, key.afzender(), bsn, p.toewijzingNummer(),
                productcode(p.product()), p.begindatum(), p.einddatum(), p.redenBeeindiging(),
                p.statusAanlevering() == StatusAanlevering.VERWIJDEREN_AANLEVERING, r),
            Retourcode.R9019)));
      }
    }
    return Klasse.all(klassen).thenCompose(found -> Klasse.judge(cases, found, received.vooraf()));
  }

  private CompletionStage<Optional<String>> caseOf(Long toewijzingNummer) {
    return toewijzingNummer == null ? CompletableFuture.completedFuture(Optional.empty()) : cases.caseOfToewijzing(toewijzingNummer);
  }

  private static String productcode(Product product) {
    return product == null ? null : product.code() != null ? product.code() : product.categorie().code();
  }
}
