package nl.regie.server.cases;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import nl.regie.persistence.BerichtIdentificaties;
import nl.regie.persistence.RoutingIndex;
import nl.regie.persistence.ToewijzingNummers;
import nl.regie.protocol.api.CaseView;
import nl.regie.protocol.cases.Omvang;
import nl.regie.protocol.codes.RedenAfwijzingVerzoek;
import nl.regie.protocol.codes.RedenWijziging;
import nl.regie.protocol.codes.VerzoekAntwoord;
import nl.regie.server.access.Access;
import nl.regie.server.access.Principal;
import nl.regie.server.http.PlainStage;
import nl.regie.server.metrics.ServerMetrics;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * The one way in to the cases for every edge: the case API, the iWmo intake and the deadline
 * scheduler (and, to come, the streams). A call on a principal's behalf is checked by the case
 * ({@link CaseCommand.Authorized}); the intake and the scheduler act as Regie itself. It finds
 * cases (the routing index), draws what a command needs numbered (toewijzingnummers, the Identificaties of the berichten a
 * case writes) and keeps a claim only for a command the case accepts, and asks the case, wherever
 * in the cluster it lives, within the ask timeout. Its blocking work runs on {@code blocking}.
 *
 * <p>A claim is written before the case decides, so that a crash in between cannot hide what the
 * case accepted; when the case refuses, the claim is given back. When the case does not answer in
 * time, the claim stays: the command may have been accepted.
 */
public final class CaseService {

  /** One toewijzing to make, before it has its number. */
  public record NieuweToewijzing(
      String product, String aanbieder, LocalDate ingangsdatum, LocalDate einddatum, Omvang omvang, String referentieAanbieder) {}

  private final ClusterSharding sharding;
  private final Duration askTimeout;
  private final RoutingIndex routing;
  private final ToewijzingNummers nummers;
  private final BerichtIdentificaties identificaties;
  private final ServerMetrics metrics;
  private final Executor blocking;

  public CaseService(ActorSystem<?> system, Duration askTimeout, RoutingIndex routing, ToewijzingNummers nummers,
      BerichtIdentificaties identificaties, ServerMetrics metrics, Executor blocking) {
    this.sharding = ClusterSharding.get(system);
    this.askTimeout = askTimeout;
    this.routing = routing;
    this.nummers = nummers;
    this.identificaties = identificaties;
    this.metrics = metrics;
    this.blocking = blocking;
  }

  /** Asks case {@code caseId} {@code command}; fails with a timeout when it does not answer in time. */
  public CompletionStage<CaseReply> ask(String caseId, Function<ActorRef<CaseReply>, CaseCommand> command) {
    // The ask makes the command before it returns, so its name is known when the answer is timed.
    String[] name = {"unknown"};
    CompletionStage<CaseReply> reply = PlainStage.of(sharding.entityRefFor(CaseEntity.KEY, caseId).ask(replyTo -> {
      CaseCommand made = command.apply(replyTo);
      name[0] = nameOf(made);
      return made;
    }, askTimeout));
    return metrics.command(() -> name[0], reply, CaseService::outcomeOf);
  }

  private static String nameOf(CaseCommand command) {
    return command instanceof CaseCommand.Authorized authorized ? nameOf(authorized.command()) : command.getClass().getSimpleName();
  }

  private static String outcomeOf(CaseReply reply) {
    return reply instanceof CaseReply.Rejected rejected
        ? "rejected-" + rejected.refusal().name().toLowerCase(Locale.ROOT)
        : reply.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }

  /**
   * Asks case {@code caseId} {@code command} on behalf of {@code principal}: a case it may not see
   * answers as if it did not exist, an action not its own is refused ({@link CaseAccess}).
   */
  public CompletionStage<CaseReply> ask(Principal principal, String caseId, Function<ActorRef<CaseReply>, CaseCommand> command) {
    return ask(caseId, r -> new CaseCommand.Authorized(principal, command.apply(r)));
  }

  /** Opens a new case with {@code melding}; the reply's view names it. */
  public CompletionStage<CaseReply> open(CaseState.Melding melding) {
    return open(UUID.randomUUID().toString(), melding);
  }

  /** Opens a new case with {@code melding} for {@code principal}: the toegang of its gemeente. */
  public CompletionStage<CaseReply> open(Principal principal, CaseState.Melding melding) {
    if (!Access.mayOpen(principal, melding.gemeente())) {
      return CompletableFuture.completedFuture(CaseReply.forbidden("a melding at gemeente " + melding.gemeente()
          + " is made by that gemeente's toegang"));
    }
    return open(melding);
  }

  /** Opens case {@code caseId}, an id the caller chose because it had to name the case before it exists. */
  public CompletionStage<CaseReply> open(String caseId, CaseState.Melding melding) {
    return CompletableFuture.runAsync(() -> routing.caseOpened(caseId, melding.bsn(), melding.gemeente()), blocking)
        .thenCompose(indexed -> ask(caseId, r -> new CaseCommand.MeldingMaken(melding.bsn(), melding.gemeente(), melding.regeling(),
            melding.kanaal(), melding.meldingOp(), melding.client(), r)))
        .thenCompose(reply -> reply instanceof CaseReply.Accepted
            ? CompletableFuture.completedFuture(reply)
            : CompletableFuture.supplyAsync(() -> {
              routing.caseForgotten(caseId);
              return reply;
            }, blocking));
  }

  /**
   * Makes toewijzingen in case {@code caseId}: one toewijzingnummer each, unique across the cluster
   * and never used before within the gemeente (TR332), and one WMO301 Identificatie per aanbieder.
   */
  public CompletionStage<CaseReply> toewijzen(
      Principal principal, String caseId, LocalDate beschiktOp, List<NieuweToewijzing> toewijzingen) {
    return elders(caseId).thenCompose(inAndereCases -> toewijzen(principal, caseId, beschiktOp, toewijzingen, inAndereCases));
  }

  /**
   * What runs in the cliënt's other open cases at the case's gemeente: their active toewijzingen,
   * for the case to check stacking across cases. Read just before the beschikking, so two
   * beschikkingen in two cases of one cliënt at the same moment can each miss the other.
   */
  private CompletionStage<List<CaseCommand.Toewijzen.ToewijzingElders>> elders(String caseId) {
    return ask(caseId, CaseCommand.Get::new).thenCompose(reply -> {
      if (!(reply instanceof CaseReply.Accepted accepted)) {
        // No such case: the Toewijzen itself is refused for it.
        return CompletableFuture.completedFuture(List.of());
      }
      CaseView view = accepted.view();
      return casesOf(view.bsn(), view.gemeente()).thenApply(views -> views.stream()
          .filter(v -> !v.caseId().equals(caseId) && !v.fase().isEinde())
          .flatMap(v -> v.toewijzingen().stream()
              .filter(t -> t.status().isActief())
              .map(t -> new CaseCommand.Toewijzen.ToewijzingElders(
                  v.caseId(), v.regeling(), t.toewijzingNummer(), t.product(), t.ingangsdatum(), t.einddatum())))
          .toList());
    });
  }

  private CompletionStage<CaseReply> toewijzen(Principal principal, String caseId, LocalDate beschiktOp,
      List<NieuweToewijzing> toewijzingen, List<CaseCommand.Toewijzen.ToewijzingElders> inAndereCases) {
    return CompletableFuture.supplyAsync(() -> {
      List<Long> drawn = nummers.next(toewijzingen.size());
      List<Long> elders = routing.toewijzingen(caseId, drawn);
      if (!elders.isEmpty()) {
        // A number found in use means numbers were imported or the sequence was reset: no toewijzing now.
        routing.toewijzingenReleased(caseId, drawn);
        return new Claimed(drawn, Map.of(), elders);
      }
      List<String> aanbieders = toewijzingen.stream().map(NieuweToewijzing::aanbieder).distinct().toList();
      List<String> ids = identificaties.next(aanbieders.size());
      Map<String, String> perAanbieder = new LinkedHashMap<>();
      for (int i = 0; i < aanbieders.size(); i++) perAanbieder.put(aanbieders.get(i), ids.get(i));
      return new Claimed(drawn, perAanbieder, List.of());
    }, blocking).thenCompose(claimed -> {
      if (!claimed.elders().isEmpty()) return CompletableFuture.completedFuture(inUse(claimed.elders()));
      List<CaseCommand.Toewijzen.Regel> regels = new ArrayList<>();
      for (int i = 0; i < toewijzingen.size(); i++) {
        NieuweToewijzing t = toewijzingen.get(i);
        regels.add(new CaseCommand.Toewijzen.Regel(claimed.nummers().get(i), t.product(), t.aanbieder(), t.ingangsdatum(),
            t.einddatum(), t.omvang(), t.referentieAanbieder()));
      }
      return released(caseId, claimed.nummers(), ask(principal, caseId,
          r -> new CaseCommand.Toewijzen(beschiktOp, regels, claimed.identificaties(), inAndereCases, r)));
    });
  }

  /** What {@link #toewijzen} drew: the numbers, the 301 Identificatie per aanbieder, and numbers found in use elsewhere. */
  private record Claimed(List<Long> nummers, Map<String, String> identificaties, List<Long> elders) {}

  /** Answers an aanbieder's verzoek in case {@code caseId} with a WMO319 (its Identificatie drawn here). */
  public CompletionStage<CaseReply> verzoekBeantwoorden(Principal principal,
      String caseId, String referentieAanbieder, String aanbieder, VerzoekAntwoord antwoord, RedenAfwijzingVerzoek reden) {
    return CompletableFuture.supplyAsync(identificaties::next, blocking).thenCompose(identificatie -> ask(principal, caseId,
        r -> new CaseCommand.VerzoekBeantwoorden(referentieAanbieder, aanbieder, antwoord, reden, identificatie, r)));
  }

  /** Changes the einddatum of a toewijzing in case {@code caseId}, with a WMO301 (its Identificatie drawn here). */
  public CompletionStage<CaseReply> toewijzingWijzigen(
      Principal principal, String caseId, long toewijzingNummer, LocalDate einddatum, RedenWijziging reden) {
    return CompletableFuture.supplyAsync(identificaties::next, blocking).thenCompose(identificatie -> ask(principal, caseId,
        r -> new CaseCommand.ToewijzingWijzigen(toewijzingNummer, einddatum, reden, identificatie, r)));
  }

  /**
   * A wisseling van aanbieder in case {@code caseId}: the new toewijzing's number is drawn and
   * claimed like any toewijzing's (and given back when the case refuses), with a WMO301 Identificatie
   * for each of the aanbieders the case has and the new one.
   */
  public CompletionStage<CaseReply> aanbiederWisselen(
      Principal principal, String caseId, long toewijzingNummer, String aanbieder, LocalDate per) {
    return aanbieders(principal, caseId, Set.of(aanbieder)).thenCompose(ids -> ids.isEmpty()
        ? CompletableFuture.completedFuture(CaseReply.notFound(caseId))
        : CompletableFuture.supplyAsync(() -> {
          List<Long> drawn = nummers.next(1);
          List<Long> elders = routing.toewijzingen(caseId, drawn);
          if (!elders.isEmpty()) routing.toewijzingenReleased(caseId, drawn);
          return new Claimed(drawn, ids.get(), elders);
        }, blocking).thenCompose(claimed -> {
          if (!claimed.elders().isEmpty()) return CompletableFuture.completedFuture(inUse(claimed.elders()));
          return released(caseId, claimed.nummers(), ask(principal, caseId, r -> new CaseCommand.AanbiederWisselen(
              toewijzingNummer, aanbieder, per, claimed.nummers().get(0), claimed.identificaties(), r)));
        }));
  }

  /** Records the cliënt's death in case {@code caseId}: a WMO301 Identificatie for each aanbieder it has. */
  public CompletionStage<CaseReply> overlijden(Principal principal, String caseId, LocalDate datum) {
    return aanbieders(principal, caseId, Set.of()).thenCompose(ids -> ids.isEmpty()
        ? CompletableFuture.completedFuture(CaseReply.notFound(caseId))
        : ask(principal, caseId, r -> new CaseCommand.Overlijden(datum, ids.get(), r)));
  }

  /** The ontvangende gemeente takes case {@code caseId} over: a WMO301 Identificatie for each aanbieder it has. */
  public CompletionStage<CaseReply> verhuizingOverdragen(Principal principal, String caseId) {
    return aanbieders(principal, caseId, Set.of()).thenCompose(ids -> ids.isEmpty()
        ? CompletableFuture.completedFuture(CaseReply.notFound(caseId))
        : ask(principal, caseId, r -> new CaseCommand.VerhuizingOverdragen(ids.get(), r)));
  }

  /**
   * A fresh WMO301 Identificatie for each aanbieder of case {@code caseId} and each of {@code more},
   * for a command that may write to any of them; empty when the principal cannot see the case. An
   * aanbieder that gets a toewijzing in between makes the case ask for a retry.
   */
  private CompletionStage<Optional<Map<String, String>>> aanbieders(Principal principal, String caseId, Set<String> more) {
    return ask(principal, caseId, CaseCommand.Get::new).thenCompose(reply -> {
      if (!(reply instanceof CaseReply.Accepted accepted)) return CompletableFuture.completedFuture(Optional.empty());
      Set<String> all = new LinkedHashSet<>();
      accepted.view().toewijzingen().forEach(t -> all.add(t.aanbieder()));
      all.addAll(more);
      return CompletableFuture.supplyAsync(() -> {
        List<String> ids = identificaties.next(all.size());
        Map<String, String> perAanbieder = new LinkedHashMap<>();
        int i = 0;
        for (String agb : all) perAanbieder.put(agb, ids.get(i++));
        return Optional.of(perAanbieder);
      }, blocking);
    });
  }

  /** The reply, with the claimed numbers given back when the case refused. */
  private CompletionStage<CaseReply> released(String caseId, List<Long> claimed, CompletionStage<CaseReply> reply) {
    return reply.thenCompose(r -> r instanceof CaseReply.Rejected
        ? CompletableFuture.supplyAsync(() -> {
          routing.toewijzingenReleased(caseId, claimed);
          return r;
        }, blocking)
        : CompletableFuture.completedFuture(r));
  }

  private static CaseReply inUse(List<Long> elders) {
    return CaseReply.conflict("toewijzingnummer " + elders
        + " is in use already within the gemeente (TR332, 9332); the sequence toewijzing_nummer must be moved past the numbers in use");
  }

  /** The case a toewijzingnummer belongs to, if Regie made it. */
  public CompletionStage<Optional<String>> caseOfToewijzing(long nummer) {
    return CompletableFuture.supplyAsync(() -> routing.caseOfToewijzing(nummer), blocking);
  }

  /**
   * The cliënt's cases at {@code gemeente} as they are now: every case opened for the BSN, asked
   * for its view, and kept when it belongs to the gemeente now (a case handed over is the new
   * gemeente's).
   */
  public CompletionStage<List<CaseView>> casesOf(String bsn, String gemeente) {
    return CompletableFuture.supplyAsync(() -> routing.casesOf(bsn), blocking).thenCompose(ids -> {
      List<CompletableFuture<Optional<CaseView>>> asks = ids.stream()
          .map(id -> ask(id, CaseCommand.Get::new)
              .thenApply(r -> r instanceof CaseReply.Accepted a ? Optional.of(a.view()) : Optional.<CaseView>empty())
              .toCompletableFuture())
          .toList();
      return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).thenApply(all -> asks.stream()
          .map(CompletableFuture::join).flatMap(Optional::stream).filter(v -> gemeente.equals(v.gemeente())).toList());
    });
  }
}
