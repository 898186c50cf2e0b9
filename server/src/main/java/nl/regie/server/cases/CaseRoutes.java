package nl.regie.server.cases;

import static org.apache.pekko.http.javadsl.server.Directives.*;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import nl.regie.persistence.BerichtIdentificaties;
import nl.regie.persistence.RoutingIndex;
import nl.regie.persistence.ToewijzingNummers;
import nl.regie.protocol.api.AanvraagOntvangen;
import nl.regie.protocol.api.NieuweMelding;
import nl.regie.protocol.api.OnderzoekAfronden;
import nl.regie.protocol.api.Reden;
import nl.regie.protocol.api.ScreeningAfronden;
import nl.regie.protocol.api.ScreeningStarten;
import nl.regie.protocol.api.Toewijzen;
import nl.regie.protocol.api.ToewijzingBevestigd;
import nl.regie.protocol.api.Validatable;
import nl.regie.protocol.api.VerzoekBeantwoorden;
import nl.regie.protocol.api.ZorgGestart;
import nl.regie.protocol.api.ZorgGestopt;
import nl.regie.protocol.codes.VerzoekAntwoord;
import nl.regie.server.http.ErrorHandling;
import nl.regie.server.http.JsonBodies;
import nl.regie.server.http.JsonRequests;
import nl.regie.server.http.ProblemResponses;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Location;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The case API, v1: open a case, read it, and act on it ({@code POST
 * /api/v1/cases/{caseId}/{action}}). Bodies are checked here for shape; what depends on the case
 * (its fase, its regeling) is checked by the case itself.
 */
public final class CaseRoutes {

  private static final Pattern CASE_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** What an action needs: its body type and how the body becomes a command. */
  private record Action<T extends Validatable>(
      Class<T> bodyType, BiFunction<String, T, CompletionStage<Function<ActorRef<CaseReply>, CaseCommand>>> toCommand) {}

  private final Cases cases;
  private final ToewijzingNummers nummers;
  private final BerichtIdentificaties identificaties;
  private final RoutingIndex routing;
  private final Executor blocking;
  private final Map<String, Action<?>> actions = new TreeMap<>();

  public CaseRoutes(
      Cases cases, ToewijzingNummers nummers, BerichtIdentificaties identificaties, RoutingIndex routing, Executor blocking) {
    this.cases = cases;
    this.nummers = nummers;
    this.identificaties = identificaties;
    this.routing = routing;
    this.blocking = blocking;
    action("screening-starten", ScreeningStarten.class, b -> CaseCommand.ScreeningStarten::new);
    action("screening-afronden", ScreeningAfronden.class,
        b -> r -> new CaseCommand.ScreeningAfronden(b.eersteOpvangNodig(), b.gemeenteVanHerkomst(), r));
    action("onderzoek-afronden", OnderzoekAfronden.class, b -> r -> new CaseCommand.OnderzoekAfronden(b.verslagVerstuurdOp(), r));
    action("aanvraag-ontvangen", AanvraagOntvangen.class, b -> r -> new CaseCommand.AanvraagRegistreren(b.ondertekendOp(), r));
    actions.put("toewijzen", new Action<>(Toewijzen.class, (caseId, body) -> toewijzen(caseId, body)));
    action("zorg-gestart", ZorgGestart.class, b -> r -> new CaseCommand.ZorgStarten(b.toewijzingNummer(), b.begindatum(), r));
    action("zorg-gestopt", ZorgGestopt.class,
        b -> r -> new CaseCommand.ZorgStoppen(b.toewijzingNummer(), b.einddatum(), b.reden(), r));
    action("toewijzing-bevestigd", ToewijzingBevestigd.class, b -> r -> new CaseCommand.ToewijzingBevestigen(b.aanbieder(), r));
    actions.put("verzoek-beantwoorden", new Action<>(VerzoekBeantwoorden.class, (caseId, body) -> verzoekBeantwoorden(body)));
    action("intrekken", Reden.class, b -> r -> new CaseCommand.Intrekken(b.reden(), r));
    action("afwijzen", Reden.class, b -> r -> new CaseCommand.Afwijzen(b.reden(), r));
  }

  private <T extends Validatable> void action(
      String name, Class<T> bodyType, Function<T, Function<ActorRef<CaseReply>, CaseCommand>> toCommand) {
    actions.put(name, new Action<>(bodyType, (caseId, body) -> CompletableFuture.completedFuture(toCommand.apply(body))));
  }

  public Route route() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("cases", () -> concat(
        pathEndOrSingleSlash(() -> post(() -> JsonRequests.body(this::open))),
        pathPrefix(segment(), caseId -> concat(
            pathEndOrSingleSlash(() -> get(() -> completeWithFuture(read(caseId)))),
            path(segment(), action -> post(() -> JsonRequests.body(text -> act(caseId, action, text))))))))));
  }

  private Route open(String text) {
    JsonBodies.Read<NieuweMelding> read = JsonBodies.read(text, NieuweMelding.class);
    if (read.body().isEmpty()) return complete(ProblemResponses.badRequest(String.join("; ", read.problems()), read.problems()));
    NieuweMelding m = read.body().get();
    String caseId = UUID.randomUUID().toString();
    // Findable by BSN before it exists, so that a crash in between cannot hide an accepted case.
    CompletionStage<HttpResponse> response = CompletableFuture.runAsync(() -> routing.caseOpened(caseId, m.bsn(), m.gemeente()), blocking)
        .thenCompose(done ->
            cases.ask(caseId, r -> new CaseCommand.MeldingMaken(m.bsn(), m.gemeente(), m.regeling(), m.kanaal(), m.meldingOp(), m.client(), r)))
            .thenApply(reply -> reply instanceof CaseReply.Accepted accepted
                ? ProblemResponses.json(StatusCodes.CREATED, accepted.view()).addHeader(Location.create("/api/v1/cases/" + caseId))
                : answer(reply));
    return completeWithFuture(response);
  }

  private CompletionStage<HttpResponse> read(String caseId) {
    if (!CASE_ID.matcher(caseId).matches()) return CompletableFuture.completedFuture(answer(CaseReply.notFound(caseId)));
    return cases.ask(caseId, CaseCommand.Get::new).thenApply(CaseRoutes::answer);
  }

  private Route act(String caseId, String name, String text) {
    Action<?> action = actions.get(name);
    if (action == null) {
      return complete(ProblemResponses.notFound("unknown action '" + name + "'; the actions are " + String.join(", ", actions.keySet())));
    }
    if (!CASE_ID.matcher(caseId).matches()) return complete(answer(CaseReply.notFound(caseId)));
    return perform(caseId, action, text);
  }

  private <T extends Validatable> Route perform(String caseId, Action<T> action, String text) {
    JsonBodies.Read<T> read = JsonBodies.read(text, action.bodyType());
    if (read.body().isEmpty()) return complete(ProblemResponses.badRequest(String.join("; ", read.problems()), read.problems()));
    CompletionStage<HttpResponse> response = action.toCommand().apply(caseId, read.body().get())
        .thenCompose(command -> cases.ask(caseId, command))
        .thenApply(CaseRoutes::answer)
        .exceptionally(failure -> {
          if (ErrorHandling.unwrap(failure) instanceof ToewijzingNummerNietUniek e) return ProblemResponses.conflict(e.getMessage());
          throw new CompletionException(failure);
        });
    return completeWithFuture(response);
  }

  /**
   * Draws one toewijzingnummer per entry and one WMO301 Identificatie per aanbieder, and records
   * where the numbers belong (blocking, off the actor threads); then the case assigns.
   */
  private CompletionStage<Function<ActorRef<CaseReply>, CaseCommand>> toewijzen(String caseId, Toewijzen body) {
    return CompletableFuture.supplyAsync(() -> {
      List<Long> drawn = nummers.next(body.toewijzingen().size());
      List<String> aanbieders = body.toewijzingen().stream().map(Toewijzen.NieuweToewijzing::aanbieder).distinct().toList();
      List<String> ids = identificaties.next(aanbieders.size());
      Map<String, String> perAanbieder = new LinkedHashMap<>();
      for (int i = 0; i < aanbieders.size(); i++) perAanbieder.put(aanbieders.get(i), ids.get(i));
      List<Long> elders = routing.toewijzingen(caseId, drawn);
      if (!elders.isEmpty()) throw new ToewijzingNummerNietUniek(elders);
      return (Function<ActorRef<CaseReply>, CaseCommand>) r -> {
        List<CaseCommand.Toewijzen.Regel> regels = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
          Toewijzen.NieuweToewijzing t = body.toewijzingen().get(i);
          regels.add(new CaseCommand.Toewijzen.Regel(drawn.get(i), t.product(), t.aanbieder(), t.ingangsdatum(), t.einddatum(), t.omvang(),
              t.referentieAanbieder()));
        }
        return new CaseCommand.Toewijzen(body.beschiktOp(), regels, perAanbieder, r);
      };
    }, blocking);
  }

  /** Draws the WMO319's Identificatie (blocking, off the actor threads); then the case answers. */
  private CompletionStage<Function<ActorRef<CaseReply>, CaseCommand>> verzoekBeantwoorden(VerzoekBeantwoorden body) {
    VerzoekAntwoord antwoord = body.afgewezen() ? VerzoekAntwoord.VERZOEK_AFGEWEZEN : VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK;
    return CompletableFuture.supplyAsync(() -> {
      String identificatie = identificaties.next();
      return r -> new CaseCommand.VerzoekBeantwoorden(body.referentieAanbieder(), body.aanbieder(), antwoord, body.reden(),
          identificatie, r);
    }, blocking);
  }

  /**
   * A drawn toewijzingnummer already belongs to another case (TR332, retourcode 9332). The
   * sequence never repeats, so this means numbers were imported or the sequence was reset.
   */
  static final class ToewijzingNummerNietUniek extends RuntimeException {
    ToewijzingNummerNietUniek(List<Long> nummers) {
      super("toewijzingnummer " + nummers + " is in use already within the gemeente (TR332, 9332); the sequence "
          + "toewijzing_nummer must be moved past the numbers in use");
    }
  }

  static HttpResponse answer(CaseReply reply) {
    if (reply instanceof CaseReply.Accepted accepted) return ProblemResponses.json(StatusCodes.OK, accepted.view());
    CaseReply.Rejected rejected = (CaseReply.Rejected) reply;
    return switch (rejected.refusal()) {
      case NOT_FOUND -> ProblemResponses.notFound(rejected.detail());
      case CONFLICT -> ProblemResponses.conflict(rejected.detail());
      case INVALID -> ProblemResponses.badRequest(rejected.detail(), rejected.errors());
    };
  }
}
