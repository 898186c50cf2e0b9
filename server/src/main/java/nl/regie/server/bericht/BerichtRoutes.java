package nl.regie.server.bericht;

import static org.apache.pekko.http.javadsl.server.Directives.*;
import static org.apache.pekko.http.javadsl.server.PathMatchers.longSegment;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import nl.regie.persistence.BerichtStore;
import nl.regie.persistence.BerichtStore.Stored;
import nl.regie.protocol.api.Problem;
import nl.regie.protocol.iwmo.json.IwmoJson;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import nl.regie.server.access.Access;
import nl.regie.server.access.Principal;
import nl.regie.server.access.Role;
import nl.regie.server.http.ProblemResponses;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaType;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Location;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * iWmo over HTTP. {@code POST /iwmo/v1/berichten} takes a bericht from an aanbieder, in its own
 * name, as iWmo XML ({@code application/xml}) or JSON and answers with its retourbericht in the
 * same format, or per {@code Accept}. {@code GET /iwmo/v1/berichten?na=…} lists what Regie wrote
 * to the aanbieder that asks (its 301s and 319s), oldest first ({@code aanbieder=} names one, for
 * admin); {@code GET /iwmo/v1/berichten/{id}} gives a stored bericht, in or out, as XML or JSON,
 * to its sender and its receiver.
 */
public final class BerichtRoutes {

  private static final List<String> VOOR_AANBIEDER = List.of("WMO301", "WMO319");
  private static final ContentType XML = ContentTypes.create(MediaTypes.APPLICATION_XML, org.apache.pekko.http.javadsl.model.HttpCharsets.UTF_8);

  private final BerichtIntake intake;
  private final BerichtStore store;
  private final Executor blocking;

  public BerichtRoutes(BerichtIntake intake, BerichtStore store, Executor blocking) {
    this.intake = intake;
    this.store = store;
    this.blocking = blocking;
  }

  /** An item of the list an aanbieder reads. */
  public record Item(long id, String berichtsoort, String caseId, Instant verzondenOp) {}

  /** A page of that list; {@code next} is the {@code na} for the following page. */
  public record Page(List<Item> items, String next) {}

  /** The answer to a 302 or 320: recorded, and which klassen the aanbieder itself rejected. */
  public record Ontvangen(long berichtId, String berichtsoort, String status, List<String> afgekeurd) {}

  public Route route(Principal principal) {
    return pathPrefix(segment("iwmo").slash("v1").slash("berichten"), () -> concat(
        pathEndOrSingleSlash(() -> concat(
            post(() -> extractRequest(request -> ontvang(principal, request))),
            get(() -> parameterMap(params -> lijst(principal, params))))),
        path(longSegment(), id -> get(() -> extractRequest(request -> toon(principal, id, request))))));
  }

  private Route ontvang(Principal principal, HttpRequest request) {
    Optional<Format> in = formaat(request.entity().getContentType().mediaType());
    if (in.isEmpty()) {
      return complete(ProblemResponses.of(Problem.of("unsupported-media-type", "Unsupported Media Type", 415,
          "send an iWmo bericht as application/xml or application/json, not " + request.entity().getContentType().mediaType())));
    }
    Format uit = gevraagd(request).orElse(in.get());
    return entity(Unmarshaller.entityToByteArray(), body ->
        completeWithFuture(intake.receive(body, in.get(), uit, afzender -> Access.mayPostAs(principal, afzender)).thenApply(BerichtRoutes::antwoord)));
  }

  private static HttpResponse antwoord(BerichtIntake.Antwoord antwoord) {
    if (antwoord instanceof BerichtIntake.Retour r) {
      HttpResponse response = HttpResponse.create().withStatus(StatusCodes.OK).withEntity(contentType(r.formaat()), r.body())
          .addHeader(Location.create("/iwmo/v1/berichten/" + r.retourId()));
      for (String line : r.toelichting()) response = response.addHeader(RawHeader.create("Regie-Toelichting", line));
      return response;
    }
    if (antwoord instanceof BerichtIntake.Verwerkt v) {
      return ProblemResponses.json(StatusCodes.OK, new Ontvangen(v.berichtId(), v.berichtsoort(), "VERWERKT", v.afgekeurdDoorAanbieder()));
    }
    BerichtIntake.Afgekeurd a = (BerichtIntake.Afgekeurd) antwoord;
    Problem problem = Problem.of(a.slug(), a.title(), a.status(), a.detail()).withErrors(a.problemen());
    if (a.berichtId() != null) problem = problem.withInstance("/iwmo/v1/berichten/" + a.berichtId());
    return ProblemResponses.of(problem);
  }

  private Route lijst(Principal principal, Map<String, String> params) {
    List<String> errors = new ArrayList<>();
    String aanbieder = params.getOrDefault("aanbieder", principal.is(Role.AANBIEDER) ? principal.agb() : null);
    if (aanbieder == null || !aanbieder.matches("[0-9]{8}")) errors.add("aanbieder: the AGB code (eight digits) of the aanbieder that reads");
    long na = 0;
    if (params.containsKey("na")) {
      try {
        na = Long.parseLong(params.get("na"));
      } catch (NumberFormatException e) {
        errors.add("na: a cursor from an earlier answer");
      }
    }
    if (!errors.isEmpty()) return complete(ProblemResponses.badRequest(String.join("; ", errors), errors));
    if (!Access.readsOutboxOf(principal, aanbieder)) {
      return complete(ProblemResponses.forbidden("an aanbieder reads its own berichten only, not those of " + aanbieder));
    }
    long after = na;
    CompletionStage<HttpResponse> page = CompletableFuture.supplyAsync(() -> store.sentTo(aanbieder, VOOR_AANBIEDER, after, 100), blocking)
        .thenApply(found -> {
          List<Item> items = found.stream().map(s -> new Item(s.id(), s.berichtsoort(), s.caseId(), s.ontvangenOp())).toList();
          String next = items.isEmpty() ? String.valueOf(after) : String.valueOf(items.get(items.size() - 1).id());
          return ProblemResponses.json(StatusCodes.OK, new Page(items, next));
        });
    return completeWithFuture(page);
  }

  /** A bericht of others answers as if it did not exist. */
  private Route toon(Principal principal, long id, HttpRequest request) {
    return completeWithFuture(CompletableFuture.supplyAsync(() -> store.find(id), blocking).thenApply(found -> found
        .filter(stored -> Access.readsBericht(principal, stored.afzender(), stored.ontvanger()))
        .map(stored -> weergave(stored, gevraagd(request).orElse(Format.fromStored(stored.formaat()))))
        .orElseGet(() -> ProblemResponses.notFound("no bericht " + id))));
  }

  /** A stored bericht in the format asked for; one that could not be read is shown as it came. */
  private static HttpResponse weergave(Stored stored, Format gevraagd) {
    Format opgeslagen = Format.fromStored(stored.formaat());
    if (gevraagd == opgeslagen || stored.berichtsoort() == null) {
      return HttpResponse.create().withEntity(contentType(opgeslagen), stored.inhoud());
    }
    try {
      byte[] body = opgeslagen == Format.XML
          ? IwmoJson.write(IwmoXml.parse(stored.inhoud())).getBytes(StandardCharsets.UTF_8)
          : IwmoXml.write(IwmoJson.parse(new String(stored.inhoud(), StandardCharsets.UTF_8)));
      return HttpResponse.create().withEntity(contentType(gevraagd), body);
    } catch (RuntimeException unreadable) {
      return HttpResponse.create().withEntity(contentType(opgeslagen), stored.inhoud());
    }
  }

  private static Optional<Format> formaat(MediaType mediaType) {
    String sub = mediaType.subType();
    if (mediaType.mainType().equals("application") && sub.equals("json")) return Optional.of(Format.JSON);
    if ((mediaType.mainType().equals("application") || mediaType.mainType().equals("text")) && sub.equals("xml")) {
      return Optional.of(Format.XML);
    }
    return Optional.empty();
  }

  /** The format {@code Accept} asks for, when it names one of the two. */
  private static Optional<Format> gevraagd(HttpRequest request) {
    return request.getHeader("Accept").map(HttpHeader::value).flatMap(accept -> {
      boolean json = accept.contains("application/json");
      boolean xml = accept.contains("/xml");
      if (json == xml) return Optional.empty();
      return Optional.of(json ? Format.JSON : Format.XML);
    });
  }

  private static ContentType contentType(Format formaat) {
    return formaat == Format.XML ? XML : ContentTypes.APPLICATION_JSON;
  }
}
