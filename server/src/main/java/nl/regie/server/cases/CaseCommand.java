package nl.regie.server.cases;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.regie.persistence.JsonSerializable;
import nl.regie.protocol.codes.RedenAfwijzingVerzoek;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.codes.RedenWijziging;
import nl.regie.protocol.codes.VerzoekAntwoord;
import nl.regie.protocol.iwmo.bericht.Wmo315;
import nl.regie.protocol.iwmo.bericht.Wmo317;
import nl.regie.protocol.cases.Client;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Omvang;
import nl.regie.protocol.cases.Stap;
import nl.regie.server.access.Principal;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What can be asked of a case. Every command is answered with a {@link CaseReply}; a refused one
 * changes nothing.
 */
public sealed interface CaseCommand extends JsonSerializable {

  ActorRef<CaseReply> replyTo();

  /** The action's name in the API ({@code POST /api/v1/cases/{id}/{action}}), for messages. */
  String action();

  /**
   * {@code command} on behalf of {@code principal}: the case answers only what the principal may see
   * and do ({@link CaseAccess}). Commands from the iWmo intake and the deadline scheduler come
   * without: Regie's own edges checked them already. The command inside names its class when it
   * crosses to another node: its field is only the sealed interface.
   */
  record Authorized(Principal principal, @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) CaseCommand command) implements CaseCommand {
    @Override
    public ActorRef<CaseReply> replyTo() {
      return command.replyTo();
    }

    @Override
    public String action() {
      return command.action();
    }
  }

  record Get(ActorRef<CaseReply> replyTo) implements CaseCommand {
    @Override
    public String action() {
      return "get";
    }
  }

  record MeldingMaken(
      String bsn,
      String gemeente,
      String regeling,
      Kanaal kanaal,
      LocalDate meldingOp,
      Client client,
      ActorRef<CaseReply> replyTo)
      implements CaseCommand {
    @Override
    public String action() {
      return "melding";
    }
  }

  record ScreeningStarten(ActorRef<CaseReply> replyTo) implements CaseCommand {
    @Override
    public String action() {
      return "screening-starten";
    }
  }

  record ScreeningAfronden(boolean eersteOpvangNodig, String gemeenteVanHerkomst, ActorRef<CaseReply> replyTo)
      implements CaseCommand {
    @Override
    public String action() {
      return "screening-afronden";
    }
  }

  record OnderzoekAfronden(LocalDate verslagVerstuurdOp, ActorRef<CaseReply> replyTo) implements CaseCommand {
    @Override
    public String action() {
      return "onderzoek-afronden";
    }
  }

  record AanvraagRegistreren(LocalDate ondertekendOp, ActorRef<CaseReply> replyTo) implements CaseCommand {
    @Override
    public String action() {
      return "aanvraag-ontvangen";
    }
  }

  /**
   * Assigns products and writes a WMO301 for each aanbieder in {@code identificaties} (its
   * Identificatie). The toewijzingnummers and identificaties were drawn beforehand from
   * cluster-wide sequences, so the case itself never does I/O.
   */
  record Toewijzen(LocalDate beschiktOp, List<Regel> regels, Map<String, String> identificaties, List<ToewijzingElders> elders,
      ActorRef<CaseReply> replyTo)
      implements CaseCommand {
    public Toewijzen {
      regels = List.copyOf(regels);
      identificaties = Map.copyOf(identificaties);
      elders = elders == null ? List.of() : List.copyOf(elders);
    }

    /** Without the cliënt's other cases: nothing runs elsewhere. */
    public Toewijzen(LocalDate beschiktOp, List<Regel> regels, Map<String, String> identificaties, ActorRef<CaseReply> replyTo) {
      this(beschiktOp, regels, identificaties, List.of(), replyTo);
    }

    /**
     * A toewijzing that runs in another open case of the same cliënt at the same gemeente, looked up
     * by {@link CaseService} before asking, so that the case checks stacking across cases without I/O.
     */
    public record ToewijzingElders(
        String caseId, String regeling, long toewijzingNummer, String product, LocalDate ingangsdatum, LocalDate einddatum) {}

    @Override
    public String action() {
      return "toewijzen";
    }

    /** One toewijzing; {@code referentieAanbieder} names the verzoek it honours, if any (TR379). */
    public record Regel(
        long nummer, String product, String aanbieder, LocalDate ingangsdatum, LocalDate einddatum, Omvang omvang,
        String referentieAanbieder) {

      public Regel(long nummer, String product, String aanbieder, LocalDate ingangsdatum, LocalDate einddatum, Omvang omvang) {
        this(nummer, product, aanbieder, ingangsdatum, einddatum, omvang, null);
      }
    }
  }

  record ZorgStarten(long toewijzingNummer, LocalDate begindatum, ActorRef<CaseReply> replyTo) implements CaseCommand {
    @Override
    public String action() {
      return "zorg-gestart";
    }
  }

  record ZorgStoppen(long toewijzingNummer, LocalDate einddatum, RedenBeeindiging reden, ActorRef<CaseReply> replyTo)
      implements CaseCommand {
    @Override
    public String action() {
      return "zorg-gestopt";
    }
  }

  record Intrekken(String reden, ActorRef<CaseReply> replyTo) implements CaseCommand {
    @Override
    public String action() {
      return "intrekken";
    }
  }

  record Afwijzen(String reden, ActorRef<CaseReply> replyTo) implements CaseCommand {
    @Override
    public String action() {
      return "afwijzen";
    }
  }

  /** The aanbieder confirmed its toewijzingen (a WMO302). */
  record ToewijzingBevestigen(String aanbieder, ActorRef<CaseReply> replyTo) implements CaseCommand {
    @Override
    public String action() {
      return "toewijzing-bevestigd";
    }
  }

  /**
   * Raise whatever deadline alerts time has made due. Sent by the case's own timer (no {@code
   * replyTo}) and by the deadline scheduler, which wakes passivated cases from the durable index
   * and waits for the answer to bound its pace.
   */
  record Wake(ActorRef<CaseReply> replyTo) implements CaseCommand {
    @Override
    public String action() {
      return "wake";
    }
  }

  /**
   * One StartProduct of a WMO305 ({@code verwijderen}: StatusAanlevering 3). {@code berichtRef}
   * names the klasse across retries (afzender/soort/identificatie/klassepad); {@code berichtId} is
   * the stored bericht.
   */
  record StartMelden(
      String berichtRef,
      long berichtId,
      String aanbieder,
      String bsn,
      long toewijzingNummer,
      String productcode,
      LocalDate begindatum,
      boolean verwijderen,
      ActorRef<CaseReply> replyTo)
      implements CaseCommand {
    @Override
    public String action() {
      return "WMO305";
    }
  }

  /** One StopProduct of a WMO307 ({@code verwijderen}: StatusAanlevering 3). */
  record StopMelden(
      String berichtRef,
      long berichtId,
      String aanbieder,
      String bsn,
      long toewijzingNummer,
      String productcode,
      LocalDate begindatum,
      LocalDate einddatum,
      RedenBeeindiging reden,
      boolean verwijderen,
      ActorRef<CaseReply> replyTo)
      implements CaseCommand {
    @Override
    public String action() {
      return "WMO307";
    }
  }

  /**
   * A WMO302: the aanbieder's answer to the case's WMO301, with the retourcodes it gave each klasse
   * (rejections among them are the aanbieder's findings, recorded as such).
   */
  record ToewijzingRetourOntvangen(
      String berichtRef, long berichtId, String aanbieder, List<String> retourcodes, ActorRef<CaseReply> replyTo)
      implements CaseCommand {
    public ToewijzingRetourOntvangen {
      retourcodes = List.copyOf(retourcodes);
    }

    @Override
    public String action() {
      return "WMO302";
    }
  }

  /**
   * A WMO315 (verzoek om toewijzing), judged at once: the klassen are named {@code berichtRef +
   * "/" + klassepad}. {@code aanvragen} are the AangevraagdProducten the rules within the bericht
   * let through, each with its klassepad; {@code nietUniek} the references another bericht of the
   * aanbieder holds already (TR347); {@code elders} whether the aanbieder has a verzoek in
   * behandeling for this cliënt in another case (TR374).
   */
  record ToewijzingVerzoeken(
      String berichtRef,
      long berichtId,
      String aanbieder,
      LocalDate dagtekening,
      List<Aanvraag> aanvragen,
      List<String> nietUniek,
      boolean elders,
      ActorRef<CaseReply> replyTo)
      implements CaseCommand {
    public ToewijzingVerzoeken {
      aanvragen = List.copyOf(aanvragen);
      nietUniek = List.copyOf(nietUniek);
    }

    @Override
    public String action() {
      return "WMO315";
    }

    public record Aanvraag(String klassepad, Wmo315.AangevraagdProduct product) {}
  }

  /**
   * A WMO317 (verzoek om wijziging) of the cliënt {@code client}, judged as a whole; {@code
   * referentieBezet}: another bericht of the aanbieder holds its ReferentieAanbieder (TR347);
   * {@code elders} as for {@link ToewijzingVerzoeken}.
   */
  record WijzigingVerzoeken(
      String berichtRef,
      long berichtId,
      String aanbieder,
      LocalDate dagtekening,
      Wmo317.Client client,
      boolean referentieBezet,
      boolean elders,
      ActorRef<CaseReply> replyTo)
      implements CaseCommand {
    @Override
    public String action() {
      return "WMO317";
    }
  }

  /**
   * The gemeente answers a verzoek with a WMO319 under {@code identificatie} (drawn beforehand):
   * rejected with a {@code reden}, or "in onderzoek". {@code aanbieder} may be null when the
   * reference names one verzoek of the case.
   */
  record VerzoekBeantwoorden(
      String referentieAanbieder,
      String aanbieder,
      VerzoekAntwoord antwoord,
      RedenAfwijzingVerzoek reden,
      String identificatie,
      ActorRef<CaseReply> replyTo)
      implements CaseCommand {
    @Override
    public String action() {
      return "verzoek-beantwoorden";
    }
  }

  /**
   * A WMO320: the aanbieder's answer to the case's WMO319 {@code identificatie}, with the
   * retourcodes it gave it.
   */
  record AntwoordRetourOntvangen(
      String berichtRef, long berichtId, String aanbieder, String identificatie, List<String> retourcodes,
      ActorRef<CaseReply> replyTo)
      implements CaseCommand {
    public AntwoordRetourOntvangen {
      retourcodes = List.copyOf(retourcodes);
    }

    @Override
    public String action() {
      return "WMO320";
    }
  }

  /**
   * One Prestatie of a WMO323 from {@code aanbieder} for cliënt {@code bsn}, sent to the case its
   * toewijzingnummer belongs to. {@code berichtRef} names the klasse across retries; {@code
   * berichtId} is the stored declaratie.
   */
  record PrestatieDeclareren(
      String berichtRef,
      long berichtId,
      String aanbieder,
      String declaratieNummer,
      String bsn,
      Prestatie prestatie,
      ActorRef<CaseReply> replyTo)
      implements CaseCommand {
    @Override
    public String action() {
      return "WMO323";
    }
  }

  /**
   * The WMO325 (stored as {@code retourId}) answering declaratie {@code berichtId} went out. Sent
   * again after a retry; a case that recorded it already, or never had that declaratie, changes
   * nothing.
   */
  record DeclaratieBeantwoorden(long berichtId, long retourId, ActorRef<CaseReply> replyTo) implements CaseCommand {
    @Override
    public String action() {
      return "WMO325";
    }
  }

  /**
   * The backoffice changes the einddatum of a toewijzing (OP033x1: ends it earlier, extends it, or
   * removes it with reden 13), with a WMO301 under {@code identificatie} (drawn beforehand).
   */
  record ToewijzingWijzigen(long toewijzingNummer, LocalDate einddatum, RedenWijziging reden, String identificatie,
      ActorRef<CaseReply> replyTo)
      implements CaseCommand {
    @Override
    public String action() {
      return "toewijzing-wijzigen";
    }
  }

  /**
   * A wisseling van aanbieder (004 §5.7): toewijzing {@code toewijzingNummer} ends the day before
   * {@code per} and the same product, omvang and einddatum go to {@code aanbieder} from {@code per}
   * under {@code nieuwNummer}, without gap or overlap; a WMO301 to each aanbieder ({@code
   * identificaties}, drawn beforehand).
   */
  record AanbiederWisselen(long toewijzingNummer, String aanbieder, LocalDate per, long nieuwNummer,
      Map<String, String> identificaties, ActorRef<CaseReply> replyTo)
      implements CaseCommand {
    public AanbiederWisselen {
      identificaties = Map.copyOf(identificaties);
    }

    @Override
    public String action() {
      return "aanbieder-wisselen";
    }
  }

  /**
   * The gemeente heard the cliënt died on {@code datum} (004 §5.8): every toewijzing ends on it,
   * with a WMO301 to each aanbieder that had one ({@code identificaties}, drawn beforehand for the
   * aanbieders the case had when asked).
   */
  record Overlijden(LocalDate datum, Map<String, String> identificaties, ActorRef<CaseReply> replyTo) implements CaseCommand {
    public Overlijden {
      identificaties = Map.copyOf(identificaties);
    }

    @Override
    public String action() {
      return "overlijden";
    }
  }

  /** The latende gemeente asks {@code naar} to take the cliënt over from {@code verhuisdatum} (004, verhuizing). */
  record VerhuizingMelden(String naar, LocalDate verhuisdatum, ActorRef<CaseReply> replyTo) implements CaseCommand {
    @Override
    public String action() {
      return "verhuizing-melden";
    }
  }

  /**
   * The ontvangende gemeente checked the dossier (vergewisplicht) and takes the case over: the latende
   * gemeente's toewijzingen end the day before the verhuisdatum, with a WMO301 to each of their
   * aanbieders ({@code identificaties}, drawn beforehand).
   */
  record VerhuizingOverdragen(Map<String, String> identificaties, ActorRef<CaseReply> replyTo) implements CaseCommand {
    public VerhuizingOverdragen {
      identificaties = Map.copyOf(identificaties);
    }

    @Override
    public String action() {
      return "verhuizing-overdragen";
    }
  }

  /** A step of the werkwijze happened ({@link Stap}); {@code aanbieder} or {@code toewijzingNummer} as the step is about one. */
  record StapZetten(Stap stap, LocalDate op, String aanbieder, Long toewijzingNummer, String toelichting, ActorRef<CaseReply> replyTo)
      implements CaseCommand {
    @Override
    public String action() {
      return stap.action();
    }
  }
}
