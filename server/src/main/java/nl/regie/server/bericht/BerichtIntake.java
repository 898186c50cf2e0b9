package nl.regie.server.bericht;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import nl.regie.persistence.BerichtIdentificaties;
import nl.regie.persistence.BerichtStore;
import nl.regie.persistence.DeclaratieNummers;
import nl.regie.persistence.VerzoekReferenties;
import nl.regie.protocol.aanbieder.Aanbiedersregister;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Bericht;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Retourbericht;
import nl.regie.protocol.iwmo.bericht.Wmo323;
import nl.regie.protocol.iwmo.regels.StatelozeRegels;
import nl.regie.protocol.regeling.Regelingen;
import nl.regie.server.cases.CaseService;
import nl.regie.server.metrics.ServerMetrics;

/**
 * Receives an iWmo bericht from an aanbieder and answers it as the standard says, in three steps:
 *
 * <ol>
 *   <li>the {@link Inbox} reads it, holds it to its schema and the rules within it, recognises it
 *       when it comes again, and stores it verbatim before anything happens;
 *   <li>its berichtsoort's klassen find their cases through the {@link CaseService}, where each is
 *       judged by the rules that need earlier berichten and its effect persisted with its
 *       judgement: starts and stops ({@link StartStopKlassen}), verzoeken ({@link VerzoekKlassen}),
 *       declaraties ({@link DeclaratieKlassen}), retours on Regie's own berichten ({@link
 *       RetourKlassen});
 *   <li>the {@link RetourWriter} builds the retourbericht with every klasse's retourcodes and stores
 *       it, and only then is it answered.
 * </ol>
 *
 * A crash anywhere leaves the bericht stored but unanswered; the aanbieder sends it again, each
 * case answers the klassen it judged already as before, and the answer is the same.
 */
public final class BerichtIntake {

  /** What the intake answers. */
  public sealed interface Antwoord {}

  /**
   * The retourbericht (306, 308, …) in the format asked for; {@code toelichting} says in words what
   * its codes cannot (an onderaannemer that should have let its hoofdaanbieder send it).
   */
  public record Retour(Format formaat, byte[] body, long berichtId, long retourId, List<String> toelichting) implements Antwoord {
    public Retour {
      toelichting = List.copyOf(toelichting);
    }

    public Retour(Format formaat, byte[] body, long berichtId, long retourId) {
      this(formaat, body, berichtId, retourId, List.of());
    }
  }

  /** A retour from the aanbieder (302, 320) was recorded; such a bericht gets no retour itself. */
  public record Verwerkt(long berichtId, String berichtsoort, List<String> afgekeurdDoorAanbieder) implements Antwoord {}

  /** Not processable: HTTP {@code status} with why, as problem+json. */
  public record Afgekeurd(int status, String slug, String title, String detail, List<String> problemen, Long berichtId)
      implements Antwoord {}

  private final Inbox inbox;
  private final StartStopKlassen startStop;
  private final VerzoekKlassen verzoeken;
  private final DeclaratieKlassen declaraties;
  private final RetourKlassen retouren;
  private final RetourWriter writer;
  private final OnderaannemerToelichting onderaannemers;
  private final ServerMetrics metrics;
  private final Executor blocking;

  public BerichtIntake(CaseService cases, BerichtStore store, BerichtIdentificaties identificaties, DeclaratieNummers declaratieNummers,
      StatelozeRegels regels, VerzoekReferenties referenties, Regelingen regelingen, Aanbiedersregister aanbieders, Clock clock,
      ZoneId zone, ServerMetrics metrics, Executor blocking) {
    this.inbox = new Inbox(store, regels, clock);
    this.startStop = new StartStopKlassen(cases);
    this.verzoeken = new VerzoekKlassen(cases, referenties, regelingen, clock, zone, blocking);
    this.declaraties = new DeclaratieKlassen(cases, declaratieNummers, blocking);
    this.retouren = new RetourKlassen(cases, store, blocking);
    this.writer = new RetourWriter(store, identificaties, clock, zone);
    this.onderaannemers = new OnderaannemerToelichting(aanbieders);
    this.metrics = metrics;
    this.blocking = blocking;
  }

  /**
   * Receives {@code body} in format {@code in} and answers in format {@code out}; a bericht whose
   * Afzender {@code mayPostAs} does not admit is refused (403) and not stored.
   */
  public CompletionStage<Antwoord> receive(byte[] body, Format in, Format out, Predicate<String> mayPostAs) {
    return CompletableFuture.supplyAsync(() -> inbox.take(body, in, mayPostAs), blocking).thenCompose(taken -> {
      if (taken instanceof Inbox.Refused refused) return counted("unknown", "refused", CompletableFuture.completedFuture(refused.answer()));
      if (taken instanceof Inbox.Repeated repeated) {
        return counted(repeated.bericht(), "repeated", repeated(repeated).thenApply(a -> onderaannemers.bij(repeated.bericht(), a)));
      }
      Inbox.Received received = (Inbox.Received) taken;
      return counted(received.bericht(), null, judge(received, out).thenApply(a -> onderaannemers.bij(received.bericht(), a)));
    });
  }

  /** Counts the bericht by berichtsoort and by {@code outcome}, or what its answer says when that is null. */
  private CompletionStage<Antwoord> counted(Bericht bericht, String outcome, CompletionStage<Antwoord> answer) {
    return counted(bericht.getClass().getSimpleName().toUpperCase(Locale.ROOT), outcome, answer);
  }

  private CompletionStage<Antwoord> counted(String berichtsoort, String outcome, CompletionStage<Antwoord> answer) {
    return answer.whenComplete((antwoord, failure) -> metrics.bericht(berichtsoort,
        failure != null ? "error" : outcome != null ? outcome : outcomeOf(antwoord)));
  }

  private static String outcomeOf(Antwoord antwoord) {
    if (antwoord instanceof Retour) return "retour";
    if (antwoord instanceof Verwerkt) return "processed";
    return "refused-" + ((Afgekeurd) antwoord).status();
  }

  /** A declaratie answered before: its cases hear again that its 325 went out, as a crash may have kept that from them. */
  private CompletionStage<Antwoord> repeated(Inbox.Repeated repeated) {
    if (!(repeated.bericht() instanceof Wmo323 declaratie)) return CompletableFuture.completedFuture(repeated.answer());
    return declaraties.cases(declaratie).thenCompose(caseIds -> declaraties.tellAnswered(repeated.answer(), caseIds));
  }

  private CompletionStage<Antwoord> judge(Inbox.Received received, Format out) {
    Bericht bericht = received.bericht();
    if (bericht instanceof Retourbericht) {
      return retouren.judge(received).thenApplyAsync(outcome -> outcome instanceof Outcome.Judged judged
          ? writer.processed(received, judged.firstCase())
          : refused(received, (Outcome.Unplaceable) outcome), blocking);
    }
    if (received.vooraf().van(Klassepad.HEADER).stream().anyMatch(Retourcode::isAfkeur)) {
      // Rejected whole (9056 on a reused Identificatie, or a header rule): no case hears of it.
      return CompletableFuture.supplyAsync(() -> writer.write(received, received.vooraf(), null, out), blocking);
    }
    if (StartStopKlassen.isStartOfStop(bericht)) return answer(received, startStop.judge(received), out);
    if (VerzoekKlassen.isVerzoek(bericht)) return answer(received, verzoeken.judge(received), out);
    if (bericht instanceof Wmo323) {
      // Every case that judged a prestatie hears that the 325 went out, which meets its D17.
      return declaraties.judge(received).thenCompose(judged -> CompletableFuture
          .supplyAsync(() -> writer.write(received, judged.codes(), judged.firstCase(), out), blocking)
          .thenCompose(retour -> declaraties.tellAnswered(retour, judged.caseIds())));
    }
    return CompletableFuture.completedFuture(new Afgekeurd(422, "iwmo-berichtsoort", "Berichtsoort not processed",
        received.key().soort() + " is not processed by this Regie", List.of(), received.berichtId()));
  }

  private CompletionStage<Antwoord> answer(Inbox.Received received, CompletionStage<? extends Outcome> outcome, Format out) {
    return outcome.thenApplyAsync(o -> o instanceof Outcome.Judged judged
        ? writer.write(received, judged.codes(), judged.firstCase(), out)
        : refused(received, (Outcome.Unplaceable) o), blocking);
  }

  private static Afgekeurd refused(Inbox.Received received, Outcome.Unplaceable unplaceable) {
    return new Afgekeurd(unplaceable.status(), unplaceable.slug(), unplaceable.title(), unplaceable.detail(), unplaceable.problemen(),
        received.berichtId());
  }

  static List<String> afgekeurdDoorAanbieder(Bericht bericht) {
    if (!(bericht instanceof Retourbericht retour)) return List.of();
    return retour.retourcodes().afgekeurd().stream().map(Klassepad::toString).toList();
  }
}
