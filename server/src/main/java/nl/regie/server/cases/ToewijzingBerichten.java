package nl.regie.server.cases;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.regie.protocol.codes.Bsn;
import nl.regie.protocol.codes.Soortadres;
import nl.regie.protocol.iwmo.bericht.Adres;
import nl.regie.protocol.iwmo.bericht.Contact;
import nl.regie.protocol.iwmo.bericht.Geboortedatum;
import nl.regie.protocol.iwmo.bericht.Huis;
import nl.regie.protocol.iwmo.bericht.Omvang;
import nl.regie.protocol.iwmo.bericht.Product;
import nl.regie.protocol.iwmo.bericht.VolledigeNaam;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.bouw.Toewijzingsbericht;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import nl.regie.protocol.cases.Client;

/**
 * Writes the WMO301 for one aanbieder: every current toewijzing of the cliënt for that aanbieder
 * (OP087), from the case's state. Pure; the builder checks the iWmo rules and the schema, so a
 * toewijzing that iWmo forbids (e.g. per week without an einddatum, CD076) is refused before it
 * is persisted.
 */
final class ToewijzingBerichten {

  /** The 301 as it goes out, or why none can. */
  sealed interface Uitkomst {}

  record Geschreven(String xml) implements Uitkomst {}

  record NietMogelijk(String reden) implements Uitkomst {}

  private ToewijzingBerichten() {}

  /**
   * The WMO301 with {@code referenties}: the ReferentieAanbieder of the verzoek a toewijzing
   * honours, by toewijzingnummer (TR379); the others leave it empty.
   *
   * @throws nl.regie.protocol.iwmo.bouw.OngeldigBerichtException when the toewijzingen break an iWmo rule
   */
  static Uitkomst wmo301(CaseState state, String aanbieder, String identificatie, Map<Long, String> referenties, Instant now, ZoneId zone) {
    Optional<String> ontbreekt = ontbrekend(state.melding().client());
    if (ontbreekt.isPresent()) return new NietMogelijk(ontbreekt.get());
    Client client = state.melding().client();
    LocalDateTime vastgesteld = LocalDateTime.ofInstant(now, zone);
    Toewijzingsbericht bericht = Toewijzingsbericht.van(state.gemeente(), aanbieder)
        .identificatie(identificatie, vastgesteld.toLocalDate())
        .client(Bsn.of(state.melding().bsn()), Geboortedatum.van(client.geboortedatum()), client.geslacht(),
            VolledigeNaam.eigenNaam(client.naam().achternaam(), client.naam().voorvoegsel(), client.naam().voorletters()))
        .contact(Contact.adres(Soortadres.BRP_ADRES, adres(client)));
    List<Toewijzing> current = new ArrayList<>(state.actieveToewijzingen().stream().filter(t -> t.aanbieder().equals(aanbieder)).toList());
    for (Toewijzing t : current) {
      Omvang omvang = new Omvang(t.omvang().volume(), t.omvang().eenheid(), t.omvang().frequentie());
      bericht.toewijzing(new Wmo301.ToegewezenProduct(t.nummer(), referenties.get(t.nummer()), Product.van(t.product()),
          vastgesteld.toLocalDate(), vastgesteld.toLocalTime().truncatedTo(ChronoUnit.SECONDS), t.ingangsdatum(), t.einddatum(),
          null, omvang, null, null));
    }
    return new Geschreven(IwmoXml.writeString(bericht.bouw()));
  }

  private static Adres adres(Client client) {
    var a = client.adres();
    Huis huis = new Huis(a.huisnummer(), a.huisletter(), a.huisnummerToevoeging(), null);
    return Adres.nederlands(a.straatnaam(), huis, a.postcode(), a.plaatsnaam());
  }

  private static Optional<String> ontbrekend(Client client) {
    if (client == null) return Optional.of("de melding heeft geen cliëntgegevens");
    if (client.naam() == null || client.naam().achternaam() == null) return Optional.of("de naam van de cliënt ontbreekt");
    if (client.geboortedatum() == null) return Optional.of("de geboortedatum van de cliënt ontbreekt");
    if (client.geslacht() == null) return Optional.of("het geslacht van de cliënt ontbreekt");
    if (client.adres() == null || client.adres().huisnummer() == null || client.adres().postcode() == null) {
      return Optional.of("het adres (huisnummer en postcode) van de cliënt ontbreekt");
    }
    return Optional.empty();
  }
}
