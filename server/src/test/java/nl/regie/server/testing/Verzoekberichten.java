package nl.regie.server.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;
import nl.regie.protocol.codes.Geslacht;
import nl.regie.protocol.codes.RedenVerzoek;
import nl.regie.protocol.codes.TypeVerwijzer;
import nl.regie.protocol.iwmo.bericht.Achternaam;
import nl.regie.protocol.iwmo.bericht.Geboortedatum;
import nl.regie.protocol.iwmo.bericht.Header;
import nl.regie.protocol.iwmo.bericht.Omvang;
import nl.regie.protocol.iwmo.bericht.Product;
import nl.regie.protocol.iwmo.bericht.VerkorteNaam;
import nl.regie.protocol.iwmo.bericht.Verwijzer;
import nl.regie.protocol.iwmo.bericht.Wmo315;
import nl.regie.protocol.iwmo.bericht.Wmo317;
import nl.regie.server.cases.CaseCommand;
import nl.regie.server.cases.CaseReply;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Verzoeken as an aanbieder sends them, for tests: WMO315 and WMO317 berichten and the case
 * commands the intake makes of them.
 */
public final class Verzoekberichten {

  /** One unit for the whole period: valid with or without an einddatum. */
  public static final Omvang OMVANG = new Omvang(1, Eenheid.STUKS_OUTPUT, Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR);

  private Verzoekberichten() {}

  public static Wmo315.AangevraagdProduct aangevraagd(String referentie, String product, LocalDate ingang, LocalDate eind) {
    return new Wmo315.AangevraagdProduct(referentie, null, Product.van(product), null, ingang, eind, OMVANG, null,
        new Verwijzer(TypeVerwijzer.GEMEENTE, null, null), null, null);
  }

  public static Wmo315 wmo315(String aanbieder, String gemeente, String identificatie, LocalDate dagtekening, String bsn,
      Wmo315.AangevraagdProduct... producten) {
    return new Wmo315(Header.van(aanbieder, gemeente, identificatie, dagtekening), new Wmo315.Client(bsn,
        Geboortedatum.van(LocalDate.parse("1960-03-01")), Geslacht.MANNELIJK, new VerkorteNaam(new Achternaam("Jansen", null), "Piet", "P"),
        null, List.of(producten)));
  }

  public static Wmo317.TeWijzigenProduct teWijzigen(long nummer, LocalDate gewenst, LocalDate eind) {
    return new Wmo317.TeWijzigenProduct(nummer, gewenst, eind, OMVANG, null);
  }

  public static Wmo317.NieuwProduct nieuw(String product, LocalDate gewenst, LocalDate eind) {
    return new Wmo317.NieuwProduct(Product.van(product), gewenst, eind, OMVANG, null);
  }

  public static Wmo317.Verzoek verzoek(String referentie, List<Long> ongewijzigd, List<Wmo317.TeWijzigenProduct> teWijzigen,
      List<Wmo317.NieuwProduct> nieuw) {
    return new Wmo317.Verzoek(referentie, RedenVerzoek.WIJZIGING_ZORGPLAN,
        ongewijzigd.stream().map(Wmo317.OngewijzigdProduct::new).toList(), teWijzigen, nieuw);
  }

  public static Wmo317 wmo317(String aanbieder, String gemeente, String identificatie, LocalDate dagtekening, String bsn,
      Wmo317.Verzoek verzoek) {
    return new Wmo317(Header.van(aanbieder, gemeente, identificatie, dagtekening), new Wmo317.Client(bsn, verzoek));
  }

  /** The case command for a WMO315 that passed the rules within it, as the intake sends it. */
  public static CaseCommand.ToewijzingVerzoeken vot(String aanbieder, String identificatie, long berichtId, LocalDate dagtekening,
      List<String> nietUniek, boolean elders, ActorRef<CaseReply> replyTo, Wmo315.AangevraagdProduct... producten) {
    List<CaseCommand.ToewijzingVerzoeken.Aanvraag> aanvragen = new ArrayList<>();
    for (int i = 0; i < producten.length; i++) {
      aanvragen.add(new CaseCommand.ToewijzingVerzoeken.Aanvraag(Wmo315.aangevraagdProduct(i).toString(), producten[i]));
    }
    return new CaseCommand.ToewijzingVerzoeken(aanbieder + "/WMO315/" + identificatie, berichtId, aanbieder, dagtekening, aanvragen,
        nietUniek, elders, replyTo);
  }

  /** The case command for a WMO317 of cliënt {@code bsn}, as the intake sends it. */
  public static CaseCommand.WijzigingVerzoeken vow(String aanbieder, String identificatie, long berichtId, LocalDate dagtekening,
      String bsn, Wmo317.Verzoek verzoek, boolean referentieBezet, boolean elders, ActorRef<CaseReply> replyTo) {
    return new CaseCommand.WijzigingVerzoeken(aanbieder + "/WMO317/" + identificatie, berichtId, aanbieder, dagtekening,
        new Wmo317.Client(bsn, verzoek), referentieBezet, elders, replyTo);
  }
}
