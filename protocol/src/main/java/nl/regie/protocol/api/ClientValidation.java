package nl.regie.protocol.api;

import java.time.LocalDate;
import java.util.List;
import nl.regie.protocol.cases.Adres;
import nl.regie.protocol.cases.Client;
import nl.regie.protocol.cases.Naam;

/** What a {@link Client} must satisfy for a WMO301 to carry it later. */
final class ClientValidation {

  private ClientValidation() {}

  static List<String> problems(Client client, LocalDate meldingOp) {
    Violations v = new Violations().required(client.naam(), "client.naam");
    Naam naam = client.naam();
    if (naam != null) {
      v.required(naam.achternaam(), "client.naam.achternaam")
          .maxLength(naam.achternaam(), 200, "client.naam.achternaam")
          .maxLength(naam.voorvoegsel(), 10, "client.naam.voorvoegsel")
          .check(naam.voorletters(), s -> s.matches("[A-Za-z]{1,6}"), "client.naam.voorletters", "one to six letters, no dots")
          .maxLength(naam.voornamen(), 200, "client.naam.voornamen");
    }
    v.check(client.geboortedatum(), d -> meldingOp == null || !d.isAfter(meldingOp), "client.geboortedatum", "must not be after meldingOp");
    Adres adres = client.adres();
    if (adres != null) {
      v.check(adres.postcode(), p -> p.matches("[1-9][0-9]{3}[A-Z]{2}"), "client.adres.postcode", "four digits and two capitals, e.g. 5911AB")
          .check(adres.huisnummer(), n -> n > 0 && n <= 99999, "client.adres.huisnummer", "between 1 and 99999")
          .maxLength(adres.straatnaam(), 24, "client.adres.straatnaam")
          .check(adres.huisletter(), s -> s.matches("[A-Za-z]"), "client.adres.huisletter", "one letter")
          .maxLength(adres.huisnummerToevoeging(), 4, "client.adres.huisnummerToevoeging")
          .maxLength(adres.plaatsnaam(), 80, "client.adres.plaatsnaam");
    }
    return v.list();
  }
}
