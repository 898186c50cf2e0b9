package nl.regie.server.bericht;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import nl.regie.persistence.BerichtStore;
import nl.regie.persistence.BerichtStore.Richting;
import nl.regie.persistence.BerichtStore.Stored;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Heenbericht;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.RetourHeader;
import nl.regie.protocol.iwmo.bericht.Retourbericht;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.bericht.Wmo302;
import nl.regie.protocol.iwmo.bericht.Wmo319;
import nl.regie.protocol.iwmo.bericht.Wmo320;
import nl.regie.protocol.iwmo.regels.Retourcontrole;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import nl.regie.server.cases.CaseCommand;
import nl.regie.server.cases.CaseReply;
import nl.regie.server.cases.CaseService;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The WMO302 and WMO320 part of the intake: an aanbieder's retour on a 301 or 319 Regie sent. It
 * must copy that heenbericht unchanged, or it is refused; then it meets the wait for it at the case
 * that sent the heenbericht, with the aanbieder's own findings kept.
 */
final class RetourKlassen {

  private final CaseService cases;
  private final BerichtStore store;
  private final Executor blocking;

  RetourKlassen(CaseService cases, BerichtStore store, Executor blocking) {
    this.cases = cases;
    this.store = store;
    this.blocking = blocking;
  }

  CompletionStage<Outcome> judge(Inbox.Received received) {
    BerichtKey key = received.key();
    long berichtId = received.berichtId();
    if (received.bericht() instanceof Wmo302 retour) {
      return judge(retour, retour.header(), Berichtsoort.WMO301, Wmo301.class, key,
          (pad, codes) -> r -> new CaseCommand.ToewijzingRetourOntvangen(key.ref(pad), berichtId, key.afzender(), codes, r));
    }
    Wmo320 retour = (Wmo320) received.bericht();
    String wmo319 = retour.header().berichtIdentificatie().identificatie();
    return judge(retour, retour.header(), Berichtsoort.WMO319, Wmo319.class, key,
        (pad, codes) -> r -> new CaseCommand.AntwoordRetourOntvangen(key.ref(pad), berichtId, key.afzender(), wmo319, codes, r));
  }

  private CompletionStage<Outcome> judge(Retourbericht retour, RetourHeader header, Berichtsoort heenSoort,
      Class<? extends Heenbericht> heenType, BerichtKey key,
      BiFunction<Klassepad, List<String>, Function<ActorRef<CaseReply>, CaseCommand>> command) {
    return CompletableFuture.supplyAsync(() -> link(retour, header, heenSoort, heenType, key), blocking).thenCompose(linked -> {
      if (linked instanceof Outcome.Unplaceable unplaceable) return CompletableFuture.completedFuture(unplaceable);
      String caseId = ((Linked) linked).caseId();
      List<String> codes = retour.retourcodes().perKlasse().values().stream().flatMap(List::stream).map(Retourcode::code).distinct().toList();
      Klasse klasse = new Klasse(Klassepad.HEADER, Optional.ofNullable(caseId),
          command.apply(Klassepad.HEADER, codes.isEmpty() ? List.of(Retourcode.R0200.code()) : codes), Retourcode.R9019);
      return Klasse.judge(cases, List.of(klasse), Retourcodes.GEEN).thenApply(judged -> (Outcome) judged);
    });
  }

  /** The heenbericht found and copied unchanged: the case that sent it. */
  private record Linked(String caseId) {}

  /** Blocking: the stored heenbericht this retour answers, and whether it copies it unchanged. */
  private Object link(Retourbericht retour, RetourHeader header, Berichtsoort heenSoort, Class<? extends Heenbericht> heenType,
      BerichtKey key) {
    String heenId = header.berichtIdentificatie().identificatie();
    Optional<Stored> heen = store.find(Richting.UIT, header.afzender(), heenSoort.name(), heenId);
    if (heen.isEmpty() || !heen.get().ontvanger().equals(key.afzender())) {
      return new Outcome.Unplaceable(422, "iwmo-retour-onbekend", "Retour cannot be linked",
          "Regie sent no " + heenSoort + " " + heenId + " to aanbieder " + key.afzender(), List.of());
    }
    List<String> verschillen = Retourcontrole.controleer(IwmoXml.parse(heen.get().inhoud(), heenType), retour);
    if (!verschillen.isEmpty()) {
      return new Outcome.Unplaceable(422, "iwmo-retour-wijkt-af", "Retour does not answer its heenbericht",
          "the " + retour.soort() + " does not copy " + heenSoort + " " + heenId + " unchanged", verschillen);
    }
    return new Linked(heen.get().caseId());
  }
}
