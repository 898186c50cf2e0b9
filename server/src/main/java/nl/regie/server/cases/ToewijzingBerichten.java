package nl.regie.server.cases;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
   * The WMO301 from the case's gemeente to {@code aanbieder} (OP087): every toewijzing of that
   * gemeente for the aanbieder that is valid on or after today, plus those in {@code gewijzigd}
   * (changed in this decision, which the aanbieder must hear of even when they ended), each with
   * the moment it was fixed (IV013) and its RedenWijziging. {@code referenties}: the
   * ReferentieAanbieder of the verzoek a toewijzing honours, by toewijzingnummer (TR379).
   *
   * @throws nl.regie.protocol.iwmo.bouw.OngeldigBerichtException when the toewijzingen break an iWmo rule
   */
  static Uitkomst wmo301(CaseState state, String aanbieder, String identificatie, Map<Long, String> referenties, Set<Long> gewijzigd,
      Instant now, ZoneId zone) {
    Optional<String> ontbreekt = ontbrekend(state.melding().client());
    if (ontbreekt.isPresent()) return new NietMogelijk(ontbreekt.get());
    Client client = state.melding().client();
    LocalDateTime nu = LocalDateTime.ofInstant(now, zone);
    Toewijzingsbericht bericht = Toewijzingsbericht.van(state.gemeente(), aanbieder)
        .identificatie(identificatie, nu.toLocalDate())
        .client(Bsn.of(state.melding().bsn()), Geboortedatum.van(client.geboortedatum()), client.geslacht(),
            VolledigeNaam.eigenNaam(client.naam().achternaam(), client.naam().voorvoegsel(), client.naam().voorletters()))
        .contact(Contact.adres(Soortadres.BRP_ADRES, adres(client)));
    List<Toewijzing> current = state.toewijzingen().stream()
        .filter(t -> t.aanbieder().equals(aanbieder) && state.gemeente().equals(t.gemeente()))
        .filter(t -> t.isActueel(nu.toLocalDate()) || gewijzigd.contains(t.nummer()))
        .toList();
    if (current.isEmpty()) return new NietMogelijk("de cliënt heeft bij deze aanbieder geen actuele of gewijzigde toewijzingen");
    for (Toewijzing t : current) {
      Omvang omvang = new Omvang(t.omvang().volume(), t.omvang().eenheid(), t.omvang().frequentie());
      LocalDateTime vastgesteld = t.vastgesteld() == null ? nu : LocalDateTime.ofInstant(t.vastgesteld(), zone);
      bericht.toewijzing(new Wmo301.ToegewezenProduct(t.nummer(), referenties.get(t.nummer()), Product.van(t.product()),
          vastgesteld.toLocalDate(), vastgesteld.toLocalTime().truncatedTo(ChronoUnit.SECONDS), t.ingangsdatum(), t.einddatum(),
          t.redenWijziging(), omvang, null, null));
    }
    return new Geschreven(IwmoXml.writeString(bericht.bouw()));
  }

  /**
   * Records in {@code change} the WMO301 to each aanbieder of {@code identificaties} (its
   * Identificatie), from the state so far, or why it could not be written.
   *
   * @throws nl.regie.protocol.iwmo.bouw.OngeldigBerichtException when the toewijzingen break an iWmo rule
   */
  static void verstuur(Change change, Map<String, String> identificaties, Function<String, Map<Long, String>> referenties,
      Set<Long> gewijzigd) {
    CaseState after = change.state();
    DecisionContext context = change.context();
    for (Map.Entry<String, String> wmo301 : identificaties.entrySet()) {
      String aanbieder = wmo301.getKey();
      Uitkomst uitkomst = wmo301(after, aanbieder, wmo301.getValue(), referenties.apply(aanbieder), gewijzigd, context.now(), context.zone());
      change.record(uitkomst instanceof Geschreven written
          ? new CaseEvent.BerichtVerstuurd("WMO301", wmo301.getValue(), after.gemeente(), aanbieder, written.xml(), context.now())
          : new CaseEvent.BerichtNietVerstuurd("WMO301", aanbieder, ((NietMogelijk) uitkomst).reden(), context.now()));
    }
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
