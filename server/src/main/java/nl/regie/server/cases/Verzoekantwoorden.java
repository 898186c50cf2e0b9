package nl.regie.server.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import nl.regie.protocol.codes.Retourcode;
import java.util.Map;
import nl.regie.protocol.codes.VerzoekAntwoord;
import nl.regie.protocol.iwmo.bericht.Wmo319;
import nl.regie.protocol.iwmo.bouw.Antwoordbericht;
import nl.regie.protocol.iwmo.bouw.OngeldigBerichtException;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import nl.regie.protocol.cases.VerzoekStatus;
import nl.regie.server.cases.CaseCommand.Toewijzen;
import nl.regie.server.cases.CaseCommand.VerzoekBeantwoorden;

/**
 * The gemeente's answers to verzoeken: a WMO319 (rejected, or "in onderzoek"), or a WMO301 that
 * honours it. Regie holds its own berichten to the rules a receiver would apply to them, and
 * refuses what would break one rather than send it: TR355 (the reference is a verzoek's), TR359 (no
 * WMO319 after a WMO301 honoured it), TR360 ("in onderzoek" only as the first answer), TR365 (no
 * answer after a rejection) and TR379 (a WMO301 names only a verzoek it honours, the first time).
 * Pure.
 */
final class Verzoekantwoorden {

  /** What answering comes to: refused, or the events that record it and send the WMO319. */
  sealed interface Antwoord {}

  record Geweigerd(CaseReply.Rejected reden) implements Antwoord {}

  record Verstuurd(List<CaseEvent> events) implements Antwoord {
    Verstuurd {
      events = List.copyOf(events);
    }
  }

  /**
   * What honouring verzoeken in a toewijzen comes to: what is wrong, or the events that close them.
   */
  record Honorering(List<String> fouten, List<CaseEvent.VerzoekGehonoreerd> gehonoreerd) {
    Honorering {
      fouten = List.copyOf(fouten);
      gehonoreerd = List.copyOf(gehonoreerd);
    }
  }

  private Verzoekantwoorden() {}

  /** The gemeente answers a verzoek with a WMO319, unless the aanbieder would have to reject it. */
  static Decision verzoekBeantwoorden(CaseState state, VerzoekBeantwoorden c, DecisionContext context) {
    Antwoord antwoord = beantwoorden(state, c, context.now(), context.zone());
    if (antwoord instanceof Geweigerd geweigerd) return Decision.answer(state, geweigerd.reden());
    return new Change(state, context).recordAll(((Verstuurd) antwoord).events()).decide();
  }

  /** Like a 302: the aanbieder's answer, whatever it found in the 319, meets the wait for it (D15). */
  static Decision antwoordRetour(CaseState state, CaseCommand.AntwoordRetourOntvangen c, DecisionContext context) {
    return Berichtklassen.judgeOnce(state, c.berichtRef(), c.berichtId(), "WMO320", context, () -> new Berichtklassen.Oordeel(
        c.retourcodes().stream().map(Retourcode::of).toList(),
        List.of(new CaseEvent.AntwoordBevestigd(c.aanbieder(), c.identificatie(), c.berichtId(), context.now()))));
  }

  static Antwoord beantwoorden(CaseState state, VerzoekBeantwoorden c, Instant now, ZoneId zone) {
    List<Verzoek> found = Verzoeken.met(state, c.referentieAanbieder(), c.aanbieder());
    if (found.isEmpty()) {
      return new Geweigerd(CaseReply.invalid(List.of("referentieAanbieder: no verzoek of " + (c.aanbieder() == null ? "an aanbieder"
          : "aanbieder " + c.aanbieder()) + " in this case has ReferentieAanbieder " + c.referentieAanbieder() + " (iWmo TR355, 9355)")));
    }
    if (found.size() > 1) {
      return new Geweigerd(CaseReply.invalid(List.of("aanbieder: required: aanbieders "
          + String.join(" and ", found.stream().map(Verzoek::aanbieder).toList()) + " both used ReferentieAanbieder " + c.referentieAanbieder())));
    }
    Verzoek v = found.get(0);
    String naam = "verzoek " + v.referentieAanbieder() + " of aanbieder " + v.aanbieder();
    if (v.status() == VerzoekStatus.GEHONOREERD) {
      return weiger(naam + " was honoured already by a WMO301; a WMO319 may not follow (iWmo TR359, 9359)");
    }
    if (v.status() == VerzoekStatus.AFGEWEZEN) {
      return weiger(naam + " was rejected already; after a WMO319 only one that said \"in onderzoek\" may be followed by another (iWmo TR365, 9365)");
    }
    if (v.status() == VerzoekStatus.IN_ONDERZOEK && c.antwoord() == VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK) {
      return weiger(naam + " is in onderzoek already; honour it with toewijzen or reject it (iWmo TR360, 9360)");
    }
    LocalDate dagtekening = LocalDate.ofInstant(now, zone);
    Wmo319 bericht;
    try {
      bericht = c.antwoord() == VerzoekAntwoord.VERZOEK_AFGEWEZEN
          ? Antwoordbericht.afwijzing(state.gemeente(), v.aanbieder(), c.identificatie(), dagtekening, v.referentieAanbieder(), c.reden())
          : Antwoordbericht.inOnderzoek(state.gemeente(), v.aanbieder(), c.identificatie(), dagtekening, v.referentieAanbieder());
    } catch (OngeldigBerichtException e) {
      return new Geweigerd(CaseReply.invalid(e.bevindingen().stream().map(b -> "iWmo " + b.regel() + ": " + b.melding()).toList()));
    }
    return new Verstuurd(List.of(
        new CaseEvent.VerzoekBeantwoord(v.aanbieder(), v.referentieAanbieder(), c.antwoord(), c.reden(), c.identificatie(), now),
        new CaseEvent.BerichtVerstuurd("WMO319", c.identificatie(), state.gemeente(), v.aanbieder(), IwmoXml.writeString(bericht), now)));
  }

  private static Geweigerd weiger(String detail) {
    return new Geweigerd(CaseReply.conflict(detail));
  }

  /**
   * The verzoeken the toewijzingen of {@code c} honour, named by their {@code referentieAanbieder}:
   * each must be a verzoek of that toewijzing's aanbieder in this case that is still in
   * behandeling (TR379 wants the reference only in answer to a verzoek, and only the first time,
   * IV097).
   */
  static Honorering honorering(CaseState state, Toewijzen c, Instant now) {
    List<String> fouten = new ArrayList<>();
    Map<Verzoek, List<Long>> honoured = new LinkedHashMap<>();
    for (int i = 0; i < c.regels().size(); i++) {
      Toewijzen.Regel regel = c.regels().get(i);
      if (regel.referentieAanbieder() == null) continue;
      String at = "toewijzingen[" + i + "].referentieAanbieder: ";
      List<Verzoek> found = Verzoeken.met(state, regel.referentieAanbieder(), regel.aanbieder());
      if (found.isEmpty()) {
        fouten.add(at + "aanbieder " + regel.aanbieder() + " has no verzoek " + regel.referentieAanbieder()
            + " in this case (iWmo TR379, 9379)");
      } else if (found.get(0).status() == VerzoekStatus.AFGEWEZEN) {
        fouten.add(at + "verzoek " + regel.referentieAanbieder() + " was rejected with a WMO319");
      } else if (found.get(0).status() == VerzoekStatus.GEHONOREERD) {
        fouten.add(at + "verzoek " + regel.referentieAanbieder()
            + " was honoured already; later toewijzingen leave ReferentieAanbieder empty (iWmo IV097)");
      } else {
        honoured.computeIfAbsent(found.get(0), v -> new ArrayList<>()).add(regel.nummer());
      }
    }
    List<CaseEvent.VerzoekGehonoreerd> gehonoreerd = new ArrayList<>();
    honoured.forEach((v, nummers) -> gehonoreerd.add(new CaseEvent.VerzoekGehonoreerd(v.aanbieder(), v.referentieAanbieder(), nummers, now)));
    return new Honorering(fouten, gehonoreerd);
  }

  /**
   * The ReferentieAanbieder each toewijzing carries in the WMO301 to {@code aanbieder} that honours
   * verzoeken: for a WMO315 product only the toewijzingen that honour it (IV094), for a WMO317
   * every toewijzing in the bericht, the unchanged ones too (IV097).
   */
  static Map<Long, String> referenties(CaseState after, List<CaseEvent.VerzoekGehonoreerd> gehonoreerd, String aanbieder) {
    Map<Long, String> referenties = new LinkedHashMap<>();
    for (CaseEvent.VerzoekGehonoreerd g : gehonoreerd) {
      if (!g.aanbieder().equals(aanbieder)) continue;
      boolean wijziging = Verzoeken.met(after, g.referentieAanbieder(), aanbieder).stream().anyMatch(Verzoek::isWijziging);
      if (wijziging) {
        after.actieveToewijzingen().stream().filter(t -> t.aanbieder().equals(aanbieder))
            .forEach(t -> referenties.put(t.nummer(), g.referentieAanbieder()));
      } else {
        g.toewijzingNummers().forEach(n -> referenties.put(n, g.referentieAanbieder()));
      }
    }
    return referenties;
  }
}
