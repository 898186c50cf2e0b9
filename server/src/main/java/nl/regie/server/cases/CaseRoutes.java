package nl.regie.server.cases;

import static org.apache.pekko.http.javadsl.server.Directives.*;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.regex.Pattern;
import nl.regie.protocol.api.AanbiederWisselenBody;
import nl.regie.protocol.api.OverlijdenBody;
import nl.regie.protocol.api.StapBody;
import nl.regie.protocol.api.ToewijzingWijzigenBody;
import nl.regie.protocol.api.VerhuizingMeldenBody;
import nl.regie.protocol.api.VerhuizingOverdragenBody;
import nl.regie.protocol.cases.Stap;
import nl.regie.protocol.api.AanvraagOntvangenBody;
import nl.regie.protocol.api.NieuweMeldingBody;
import nl.regie.protocol.api.OnderzoekAfrondenBody;
import nl.regie.protocol.api.RedenBody;
import nl.regie.protocol.api.ScreeningAfrondenBody;
import nl.regie.protocol.api.ScreeningStartenBody;
import nl.regie.protocol.api.ToewijzenBody;
import nl.regie.protocol.api.ToewijzingBevestigdBody;
import nl.regie.protocol.api.Validatable;
import nl.regie.protocol.api.VerzoekBeantwoordenBody;
import nl.regie.protocol.api.ZorgGestartBody;
import nl.regie.protocol.api.ZorgGestoptBody;
import nl.regie.protocol.codes.VerzoekAntwoord;
import nl.regie.server.access.Access;
import nl.regie.server.access.Principal;
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
 * /api/v1/cases/{caseId}/{action}}). It translates: a body checked for shape becomes a call to the
 * {@link CaseService}, and the case's reply becomes the answer. What depends on the case (its
 * fase, its regeling) the case decides.
 */
public final class CaseRoutes {

  private static final Pattern CASE_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** What an action needs: its body type and how the body becomes a call to the case, for whom. */
  private record Action<T extends Validatable>(Class<T> bodyType, Call<T> call) {}

  private interface Call<T> {
    CompletionStage<CaseReply> apply(Principal principal, String caseId, T body);
  }

  private final CaseService cases;
  private final Map<String, Action<?>> actions = new TreeMap<>();

  public CaseRoutes(CaseService cases) {
    this.cases = cases;
    command("screening-starten", ScreeningStartenBody.class, b -> CaseCommand.ScreeningStarten::new);
    command("screening-afronden", ScreeningAfrondenBody.class,
        b -> r -> new CaseCommand.ScreeningAfronden(b.eersteOpvangNodig(), b.gemeenteVanHerkomst(), r));
    command("onderzoek-afronden", OnderzoekAfrondenBody.class, b -> r -> new CaseCommand.OnderzoekAfronden(b.verslagVerstuurdOp(), r));
    command("aanvraag-ontvangen", AanvraagOntvangenBody.class, b -> r -> new CaseCommand.AanvraagRegistreren(b.ondertekendOp(), r));
    actions.put("toewijzen", new Action<>(ToewijzenBody.class, (principal, caseId, b) -> cases.toewijzen(principal, caseId,
        b.beschiktOp(), b.toewijzingen().stream().map(t -> new CaseService.NieuweToewijzing(t.product(), t.aanbieder(),
            t.ingangsdatum(), t.einddatum(), t.omvang(), t.referentieAanbieder())).toList())));
    command("zorg-gestart", ZorgGestartBody.class, b -> r -> new CaseCommand.ZorgStarten(b.toewijzingNummer(), b.begindatum(), r));
    command("zorg-gestopt", ZorgGestoptBody.class,
        b -> r -> new CaseCommand.ZorgStoppen(b.toewijzingNummer(), b.einddatum(), b.reden(), r));
    command("toewijzing-bevestigd", ToewijzingBevestigdBody.class, b -> r -> new CaseCommand.ToewijzingBevestigen(b.aanbieder(), r));
    actions.put("verzoek-beantwoorden", new Action<>(VerzoekBeantwoordenBody.class, (principal, caseId, b) ->
        cases.verzoekBeantwoorden(principal, caseId, b.referentieAanbieder(), b.aanbieder(),
            b.afgewezen() ? VerzoekAntwoord.VERZOEK_AFGEWEZEN : VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK, b.reden())));
    actions.put("toewijzing-wijzigen", new Action<>(ToewijzingWijzigenBody.class, (principal, caseId, b) ->
        cases.toewijzingWijzigen(principal, caseId, b.toewijzingNummer(), b.einddatum(), b.reden())));
    actions.put("aanbieder-wisselen", new Action<>(AanbiederWisselenBody.class, (principal, caseId, b) ->
        cases.aanbiederWisselen(principal, caseId, b.toewijzingNummer(), b.aanbieder(), b.per())));
    actions.put("overlijden", new Action<>(OverlijdenBody.class, (principal, caseId, b) -> cases.overlijden(principal, caseId, b.datum())));
    command("verhuizing-melden", VerhuizingMeldenBody.class, b -> r -> new CaseCommand.VerhuizingMelden(b.naar(), b.verhuisdatum(), r));
    actions.put("verhuizing-overdragen", new Action<>(VerhuizingOverdragenBody.class,
        (principal, caseId, b) -> cases.verhuizingOverdragen(principal, caseId)));
    for (Stap stap : Stap.values()) {
      command(stap.action(), StapBody.class, b -> r -> new CaseCommand.StapZetten(stap, b.op(), b.aanbieder(), b.toewijzingNummer(),
          b.toelichting(), r));
    }
    command("intrekken", RedenBody.class, b -> r -> new CaseCommand.Intrekken(b.reden(), r));
    command("afwijzen", RedenBody.class, b -> r -> new CaseCommand.Afwijzen(b.reden(), r));
  }

  private <T extends Validatable> void command(
      String name, Class<T> bodyType, Function<T, Function<ActorRef<CaseReply>, CaseCommand>> toCommand) {
    actions.put(name, new Action<>(bodyType, (principal, caseId, body) -> cases.ask(principal, caseId, toCommand.apply(body))));
  }

  /** The case API as {@code principal} may use it: its cases, its actions, the BSN as it may read it. */
  public Route route(Principal principal) {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("cases", () -> concat(
        pathEndOrSingleSlash(() -> post(() -> JsonRequests.body(text -> open(principal, text)))),
        pathPrefix(segment(), caseId -> concat(
            pathEndOrSingleSlash(() -> get(() -> completeWithFuture(read(principal, caseId)))),
            path(segment(), action -> post(() -> JsonRequests.body(text -> act(principal, caseId, action, text))))))))));
  }

  private Route open(Principal principal, String text) {
    JsonBodies.Read<NieuweMeldingBody> read = JsonBodies.read(text, NieuweMeldingBody.class);
    if (read.body().isEmpty()) return complete(ProblemResponses.badRequest(String.join("; ", read.problems()), read.problems()));
    NieuweMeldingBody m = read.body().get();
    CaseState.Melding melding = new CaseState.Melding(m.bsn(), m.gemeente(), m.regeling(), m.kanaal(), m.meldingOp(), m.client());
    return completeWithFuture(cases.open(principal, melding).thenApply(reply -> reply instanceof CaseReply.Accepted accepted
        ? ProblemResponses.json(StatusCodes.CREATED, Access.shown(principal, accepted.view()))
            .addHeader(Location.create("/api/v1/cases/" + accepted.view().caseId()))
        : answer(principal, reply)));
  }

  private CompletionStage<HttpResponse> read(Principal principal, String caseId) {
    if (!CASE_ID.matcher(caseId).matches()) return CompletableFuture.completedFuture(answer(principal, CaseReply.notFound(caseId)));
    return cases.ask(principal, caseId, CaseCommand.Get::new).thenApply(reply -> answer(principal, reply));
  }

  private Route act(Principal principal, String caseId, String name, String text) {
    Action<?> action = actions.get(name);
    if (action == null) {
      return complete(ProblemResponses.notFound("unknown action '" + name + "'; the actions are " + String.join(", ", actions.keySet())));
    }
    if (!CASE_ID.matcher(caseId).matches()) return complete(answer(principal, CaseReply.notFound(caseId)));
    return perform(principal, caseId, action, text);
  }

  private <T extends Validatable> Route perform(Principal principal, String caseId, Action<T> action, String text) {
    JsonBodies.Read<T> read = JsonBodies.read(text, action.bodyType());
    if (read.body().isEmpty()) return complete(ProblemResponses.badRequest(String.join("; ", read.problems()), read.problems()));
    return completeWithFuture(action.call().apply(principal, caseId, read.body().get()).thenApply(reply -> answer(principal, reply)));
  }

  static HttpResponse answer(Principal principal, CaseReply reply) {
    if (reply instanceof CaseReply.Accepted accepted) return ProblemResponses.json(StatusCodes.OK, Access.shown(principal, accepted.view()));
    CaseReply.Rejected rejected = (CaseReply.Rejected) reply;
    return switch (rejected.refusal()) {
      case NOT_FOUND -> ProblemResponses.notFound(rejected.detail());
      case CONFLICT -> ProblemResponses.conflict(rejected.detail());
      case FORBIDDEN -> ProblemResponses.forbidden(rejected.detail());
      case INVALID -> ProblemResponses.badRequest(rejected.detail(), rejected.errors());
    };
  }
}
