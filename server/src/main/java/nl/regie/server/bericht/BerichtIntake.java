package nl.regie.server.bericht;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.regie.persistence.BerichtIdentificaties;
import nl.regie.persistence.BerichtStore;
import nl.regie.persistence.BerichtStore.Richting;
import nl.regie.persistence.BerichtStore.Status;
import nl.regie.persistence.BerichtStore.Stored;
import nl.regie.persistence.DeclaratieNummers;
import nl.regie.persistence.RoutingIndex;
import nl.regie.persistence.VerzoekReferenties;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Bericht;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Heenbericht;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.RetourHeader;
import nl.regie.protocol.iwmo.bericht.Retourbericht;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.bericht.Wmo302;
import nl.regie.protocol.iwmo.bericht.Wmo305;
import nl.regie.protocol.iwmo.bericht.Wmo307;
import nl.regie.protocol.iwmo.bericht.Wmo319;
import nl.regie.protocol.iwmo.bericht.Wmo320;
import nl.regie.protocol.iwmo.bericht.Wmo323;
import nl.regie.protocol.iwmo.bouw.Retouren;
import nl.regie.protocol.iwmo.bouw.Retourgegevens;
import nl.regie.protocol.iwmo.json.IwmoJson;
import nl.regie.protocol.iwmo.regels.Retourcontrole;
import nl.regie.protocol.iwmo.regels.StatelozeRegels;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import nl.regie.protocol.codes.StatusAanlevering;
import nl.regie.protocol.regeling.Regelingen;
import nl.regie.server.cases.CaseCommand;
import nl.regie.server.cases.CaseReply;
import nl.regie.server.cases.Cases;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Receives an iWmo bericht from an aanbieder and answers it as the standard says. In order:
 *
 * <ol>
 *   <li>read it (XML or JSON) and hold it to the schema: a broken one is rejected whole (0001);
 *   <li>the same afzender, berichtsoort and Identificatie seen before: the same content gets the
 *       stored answer again, other content gets 9056 (TR056);
 *   <li>store it verbatim before anything happens, so that nothing acknowledged is lost;
 *   <li>apply the rules within the bericht, then send each berichtklasse to its case, which applies
 *       the rules that need earlier berichten and persists the effect together with its judgement;
 *   <li>build the retourbericht with every klasse's retourcodes, store it, and only then answer.
 * </ol>
 *
 * A crash anywhere leaves the bericht stored but unanswered; the aanbieder sends it again, each
 * case answers the klassen it judged already as before, and the answer is the same.
 */
public final class BerichtIntake {

  /** What the intake answers. */
  public sealed interface Antwoord {}

  /** The retourbericht (306, 308, …) in the format asked for. */
  public record Retour(Formaat formaat, byte[] body, long berichtId, long retourId) implements Antwoord {}

  /** A retour from the aanbieder (302, 320) was recorded; such a bericht gets no retour itself. */
  public record Verwerkt(long berichtId, String berichtsoort, List<String> afgekeurdDoorAanbieder) implements Antwoord {}

  /** Not processable: HTTP {@code status} with why, as problem+json. */
  public record Afgekeurd(int status, String slug, String title, String detail, List<String> problemen, Long berichtId)
      implements Antwoord {}

  /** One berichtklasse on its way to a case; without a case it is rejected with {@code zonderCase}. */
  record Klasse(
      Klassepad pad, Optional<String> caseId, Function<ActorRef<CaseReply>, CaseCommand> command, Retourcode zonderCase) {}

  /** A stored bericht ready for its cases, with the codes it already has (within-bericht rules, 9056). */
  private record Werk(Bericht bericht, Sleutel sleutel, long berichtId, Retourcodes vooraf, List<Klasse> klassen) {}

  /** A verzoek (WMO315, WMO317), judged as a whole by {@link VerzoekKlassen}. */
  private record Verzoekwerk(Werk werk) {}

  /** A declaratie answered before whose cases hear (again) that its 325 went out, then the answer. */
  private record Nagemeld(Antwoord antwoord, Set<String> caseIds) {}

  private final Cases cases;
  private final BerichtStore store;
  private final RoutingIndex routing;
  private final BerichtIdentificaties identificaties;
  private final StatelozeRegels regels;
  private final Clock clock;
  private final ZoneId zone;
  private final Executor blocking;
  private final DeclaratieKlassen declaraties;
  private final VerzoekKlassen verzoeken;

  public BerichtIntake(Cases cases, BerichtStore store, RoutingIndex routing, BerichtIdentificaties identificaties,
      DeclaratieNummers declaratieNummers, StatelozeRegels regels, VerzoekReferenties referenties, Regelingen regelingen,
      Clock clock, ZoneId zone, Executor blocking) {
    this.cases = cases;
    this.store = store;
    this.routing = routing;
    this.identificaties = identificaties;
    this.regels = regels;
    this.clock = clock;
    this.zone = zone;
    this.blocking = blocking;
    this.declaraties = new DeclaratieKlassen(cases, routing, declaratieNummers);
    this.verzoeken = new VerzoekKlassen(cases, routing, referenties, regelingen, clock, zone, blocking);
  }

  /** Receives {@code body} in format {@code in} and answers in format {@code uit}. */
  public CompletionStage<Antwoord> ontvang(byte[] body, Formaat in, Formaat uit) {
    return CompletableFuture.supplyAsync(() -> voorbereid(body, in), blocking).thenCompose(stap ->
        stap instanceof Werk werk ? verwerk(werk, uit)
            : stap instanceof Verzoekwerk verzoek ? verwerk(verzoek, uit)
            : stap instanceof Nagemeld n ? declaraties.beantwoord(n.antwoord(), n.caseIds())
            : CompletableFuture.completedFuture((Antwoord) stap));
  }

  // --- blocking: read, check idempotency, store, route ---

  /** An {@link Antwoord} when the bericht goes no further, else the {@link Werk} for its cases. */
  private Object voorbereid(byte[] body, Formaat in) {
    Ingelezen ingelezen = Ingelezen.lees(body, in, regels);
    String sha256 = Hashes.sha256(body);
    if (ingelezen.technischAfgekeurd()) {
      long id = store.insert(nieuw(null, body, in, sha256, Status.AFGEKEURD));
      return new Afgekeurd(400, "iwmo-technisch-afgekeurd", "Retourcode 0001: technisch afgekeurd",
          "the bericht is not iWmo 3.2 " + in.name() + " that meets its schema", ingelezen.problemen(), id);
    }
    Bericht bericht = ingelezen.bericht();
    Sleutel sleutel = Sleutel.van(bericht);
    if (!sleutel.vanAanbieder()) {
      // Refused unread, it claims no Identificatie, so the same bericht is refused the same way again.
      long id = store.insert(nieuw(sleutel.zonderIdentificatie(), body, in, sha256, Status.AFGEKEURD));
      return new Afgekeurd(422, "iwmo-berichtsoort", "Berichtsoort not accepted", sleutel.soort()
          + " is not a bericht an aanbieder sends; Regie receives 302, 305, 307, 315, 317, 320 and 323", List.of(), id);
    }
    Optional<Stored> eerder = store.find(Richting.IN, sleutel.afzender(), sleutel.soort().name(), sleutel.identificatie());
    if (eerder.isPresent() && !eerder.get().sha256().equals(sha256)) {
      long id = store.insert(nieuw(sleutel.zonderIdentificatie(), body, in, sha256, Status.AFGEKEURD));
      if (bericht instanceof Heenbericht) {
        return new Werk(bericht, sleutel, id, Retourcodes.van(Klassepad.HEADER, Retourcode.R9056), List.of());
      }
      return new Afgekeurd(409, "iwmo-identificatie-niet-uniek", "Retourcode 9056: Identificatie moet uniek zijn",
          sleutel.soort() + " " + sleutel.identificatie() + " came before with other content", List.of(), id);
    }
    if (eerder.isPresent() && eerder.get().status() == Status.VERWERKT) {
      Antwoord antwoord = opnieuw(eerder.get(), bericht);
      // A crash after the 325 was stored may have kept the news from its cases: they hear it again.
      return bericht instanceof Wmo323 declaratie ? new Nagemeld(antwoord, declaraties.cases(declaratie)) : antwoord;
    }
    long berichtId = eerder.map(Stored::id).orElseGet(() -> insertOrFind(sleutel, body, in, sha256));
    if (bericht instanceof Wmo302 retour) {
      return retourOpHeen(retour, retour.header(), Berichtsoort.WMO301, Wmo301.class, sleutel, berichtId,
          (pad, codes) -> r -> new CaseCommand.ToewijzingRetourOntvangen(sleutel.ref(pad), berichtId, sleutel.afzender(), codes, r));
    }
    if (bericht instanceof Wmo320 retour) {
      String wmo319 = retour.header().berichtIdentificatie().identificatie();
      return retourOpHeen(retour, retour.header(), Berichtsoort.WMO319, Wmo319.class, sleutel, berichtId,
          (pad, codes) -> r -> new CaseCommand.AntwoordRetourOntvangen(sleutel.ref(pad), berichtId, sleutel.afzender(), wmo319, codes, r));
    }
    if (!(bericht instanceof Heenbericht heen)) {
      return new Afgekeurd(422, "iwmo-berichtsoort", "Berichtsoort not processed",
          sleutel.soort() + " is not processed by this Regie", List.of(), berichtId);
    }
    Retourcodes vooraf = ingelezen.beoordeling().retourcodes();
    boolean heelBerichtAfgekeurd = vooraf.van(Klassepad.HEADER).stream().anyMatch(Retourcode::isAfkeur);
    if (!heelBerichtAfgekeurd && VerzoekKlassen.isVerzoek(heen)) {
      return new Verzoekwerk(new Werk(heen, sleutel, berichtId, vooraf, List.of()));
    }
    if (!heelBerichtAfgekeurd && heen instanceof Wmo323 declaratie) vooraf = declaraties.nummers(declaratie, sleutel, berichtId, vooraf);
    List<Klasse> klassen = heelBerichtAfgekeurd ? List.of() : klassen(heen, sleutel, berichtId, vooraf);
    return new Werk(heen, sleutel, berichtId, vooraf, klassen);
  }

  private long insertOrFind(Sleutel sleutel, byte[] body, Formaat in, String sha256) {
    try {
      return store.insert(nieuw(sleutel, body, in, sha256, Status.ONTVANGEN));
    } catch (RuntimeException raced) {
      // The same bericht posted twice at once: the other request stored it first.
      return store.find(Richting.IN, sleutel.afzender(), sleutel.soort().name(), sleutel.identificatie())
          .filter(s -> s.sha256().equals(sha256)).map(Stored::id).orElseThrow(() -> raced);
    }
  }

  private Antwoord opnieuw(Stored eerder, Bericht bericht) {
    if (eerder.retourId() == null) return new Verwerkt(eerder.id(), eerder.berichtsoort(), afgekeurdDoorAanbieder(bericht));
    Stored retour = store.find(eerder.retourId()).orElseThrow();
    return new Retour(Formaat.vanOpslag(retour.formaat()), retour.inhoud(), eerder.id(), retour.id());
  }

  /** The klassen of a heenbericht that the within-bericht rules let through, each routed to its case. */
  private List<Klasse> klassen(Heenbericht heen, Sleutel sleutel, long berichtId, Retourcodes vooraf) {
    List<Klasse> klassen = new ArrayList<>();
    if (heen instanceof Wmo305 start) {
      String bsn = start.client().bsn();
      for (int i = 0; i < start.client().startProducten().size(); i++) {
        Wmo305.StartProduct p = start.client().startProducten().get(i);
        Klassepad pad = Wmo305.startProduct(i);
        if (afgekeurd(vooraf, pad)) continue;
        klassen.add(new Klasse(pad, caseOf(p.toewijzingNummer()), r -> new CaseCommand.StartMelden(sleutel.ref(pad), berichtId,
            sleutel.afzender(), bsn, p.toewijzingNummer(), productcode(p.product()), p.begindatum(),
            p.statusAanlevering() == StatusAanlevering.VERWIJDEREN_AANLEVERING, r), Retourcode.R9019));
      }
    } else if (heen instanceof Wmo307 stop) {
      String bsn = stop.client().bsn();
      for (int i = 0; i < stop.client().stopProducten().size(); i++) {
        Wmo307.StopProduct p = stop.client().stopProducten().get(i);
        Klassepad pad = Wmo307.stopProduct(i);
        if (afgekeurd(vooraf, pad)) continue;
        klassen.add(new Klasse(pad, caseOf(p.toewijzingNummer()), r -> new CaseCommand.StopMelden(sleutel.ref(pad), berichtId,
            sleutel.afzender(), bsn, p.toewijzingNummer(), productcode(p.product()), p.begindatum(), p.einddatum(),
            p.redenBeeindiging(), p.statusAanlevering() == StatusAanlevering.VERWIJDEREN_AANLEVERING, r), Retourcode.R9019));
      }
    } else if (heen instanceof Wmo323 declaratie) {
      klassen.addAll(declaraties.klassen(declaratie, sleutel, berichtId, vooraf));
    }
    return klassen;
  }

  /**
   * A 302 or 320 answers one of Regie's 301s or 319s unchanged, or it is refused; then it meets the
   * wait for it at the case that sent the heenbericht.
   */
  private Object retourOpHeen(Retourbericht retour, RetourHeader header, Berichtsoort heenSoort, Class<? extends Heenbericht> heenType,
      Sleutel sleutel, long berichtId, BiFunction<Klassepad, List<String>, Function<ActorRef<CaseReply>, CaseCommand>> command) {
    String heenId = header.berichtIdentificatie().identificatie();
    Optional<Stored> heen = store.find(Richting.UIT, header.afzender(), heenSoort.name(), heenId);
    if (heen.isEmpty() || !heen.get().ontvanger().equals(sleutel.afzender())) {
      return new Afgekeurd(422, "iwmo-retour-onbekend", "Retour cannot be linked",
          "Regie sent no " + heenSoort + " " + heenId + " to aanbieder " + sleutel.afzender(), List.of(), berichtId);
    }
    List<String> verschillen = Retourcontrole.controleer(IwmoXml.parse(heen.get().inhoud(), heenType), retour);
    if (!verschillen.isEmpty()) {
      return new Afgekeurd(422, "iwmo-retour-wijkt-af", "Retour does not answer its heenbericht",
          "the " + retour.soort() + " does not copy " + heenSoort + " " + heenId + " unchanged", verschillen, berichtId);
    }
    List<String> codes = retour.retourcodes().perKlasse().values().stream().flatMap(List::stream).map(Retourcode::code).distinct().toList();
    Klassepad pad = Klassepad.HEADER;
    Klasse klasse = new Klasse(pad, Optional.ofNullable(heen.get().caseId()),
        command.apply(pad, codes.isEmpty() ? List.of(Retourcode.R0200.code()) : codes), Retourcode.R9019);
    return new Werk(retour, sleutel, berichtId, Retourcodes.GEEN, List.of(klasse));
  }

  private Optional<String> caseOf(Long toewijzingNummer) {
    return toewijzingNummer == null ? Optional.empty() : routing.caseOfToewijzing(toewijzingNummer);
  }

  private static boolean afgekeurd(Retourcodes codes, Klassepad pad) {
    return codes.van(pad).stream().anyMatch(Retourcode::isAfkeur);
  }

  private static String productcode(nl.regie.protocol.iwmo.bericht.Product product) {
    return product == null ? null : product.code() != null ? product.code() : product.categorie().code();
  }

  // --- asynchronous: each klasse at its case, one after the other, then the answer ---

  private CompletionStage<Antwoord> verwerk(Werk werk, Formaat uit) {
    CompletionStage<Retourcodes> codes = CompletableFuture.completedFuture(werk.vooraf());
    Optional<String> eersteCase = werk.klassen().stream().map(Klasse::caseId).flatMap(Optional::stream).findFirst();
    for (Klasse klasse : werk.klassen()) {
      codes = codes.thenCompose(sofar -> beoordeel(klasse).thenApply(c -> sofar.met(klasse.pad(), c.toArray(Retourcode[]::new))));
    }
    CompletionStage<Antwoord> antwoord = codes.thenApplyAsync(all -> afronden(werk, all, eersteCase.orElse(null), uit), blocking);
    if (!(werk.bericht() instanceof Wmo323)) return antwoord;
    Set<String> caseIds = werk.klassen().stream().map(Klasse::caseId).flatMap(Optional::stream)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    return antwoord.thenCompose(a -> declaraties.beantwoord(a, caseIds));
  }

  private CompletionStage<Antwoord> verwerk(Verzoekwerk verzoek, Formaat uit) {
    Werk werk = verzoek.werk();
    return verzoeken.beoordeel((Heenbericht) werk.bericht(), werk.sleutel(), werk.berichtId(), werk.vooraf())
        .thenApplyAsync(uitkomst -> uitkomst instanceof VerzoekKlassen.Beoordeeld b
            ? afronden(werk, b.codes(), b.caseId(), uit)
            : new Afgekeurd(422, "iwmo-verzoek-niet-plaatsbaar", "Verzoek cannot be placed",
                ((VerzoekKlassen.NietPlaatsbaar) uitkomst).detail(), List.of(), werk.berichtId()), blocking);
  }

  private CompletionStage<List<Retourcode>> beoordeel(Klasse klasse) {
    if (klasse.caseId().isEmpty()) return CompletableFuture.completedFuture(List.of(klasse.zonderCase()));
    return cases.ask(klasse.caseId().get(), klasse.command()).thenApply(reply ->
        reply instanceof CaseReply.Beoordeeld b ? b.retourcodes() : List.of(klasse.zonderCase()));
  }

  /** Blocking: the retour built, stored with the bericht marked processed, then answered. */
  private Antwoord afronden(Werk werk, Retourcodes codes, String caseId, Formaat uit) {
    if (!(werk.bericht() instanceof Heenbericht heen)) {
      store.complete(werk.berichtId(), Optional.empty(), caseId);
      return new Verwerkt(werk.berichtId(), werk.sleutel().soort().name(), afgekeurdDoorAanbieder(werk.bericht()));
    }
    LocalDate vandaag = LocalDate.ofInstant(clock.instant(), zone);
    String identificatie = identificaties.next();
    Retourbericht retour = Retouren.retour(heen, codes, Retourgegevens.van(identificatie, vandaag));
    byte[] body = uit == Formaat.XML ? IwmoXml.write(retour) : IwmoJson.write(retour).getBytes(StandardCharsets.UTF_8);
    Sleutel sleutel = werk.sleutel();
    BerichtStore.New stored = new BerichtStore.New(Richting.UIT, retour.soort().name(), sleutel.gemeente(), sleutel.afzender(),
        identificatie, vandaag, uit.opslag(), body, Hashes.sha256(body), clock.instant(), Status.VERZONDEN, caseId);
    long retourId = store.complete(werk.berichtId(), Optional.of(stored), caseId);
    return new Retour(uit, body, werk.berichtId(), retourId);
  }

  private static List<String> afgekeurdDoorAanbieder(Bericht bericht) {
    if (!(bericht instanceof Retourbericht retour)) return List.of();
    return retour.retourcodes().afgekeurd().stream().map(Klassepad::toString).toList();
  }

  private BerichtStore.New nieuw(Sleutel sleutel, byte[] body, Formaat formaat, String sha256, Status status) {
    return new BerichtStore.New(Richting.IN, sleutel == null ? null : sleutel.soort().name(),
        sleutel == null ? null : sleutel.afzender(), sleutel == null ? null : sleutel.ontvanger(),
        sleutel == null ? null : sleutel.identificatie(), sleutel == null ? null : sleutel.dagtekening(), formaat.opslag(), body,
        sha256, clock.instant(), status, null);
  }
}
