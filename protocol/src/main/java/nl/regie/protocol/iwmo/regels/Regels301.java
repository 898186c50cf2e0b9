package nl.regie.protocol.iwmo.regels;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nl.regie.protocol.codes.Communicatievorm;
import nl.regie.protocol.codes.NaamGebruik;
import nl.regie.protocol.codes.RedenWijziging;
import nl.regie.protocol.codes.Soortadres;
import nl.regie.protocol.iwmo.bericht.Adres;
import nl.regie.protocol.iwmo.bericht.Contact;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Wmo301;

/** Stateless rules of WMO301 Toewijzing. */
final class Regels301 {

  private static final Pattern NL_POSTCODE = Pattern.compile("[1-9][0-9]{3}[A-Z]{2}");
  private static final Set<Soortadres> ADRESSEN_MET_POSTCODE = Set.of(Soortadres.BRP_ADRES, Soortadres.VERBLIJFADRES);

  private Regels301() {}

  static void toets(Toets t, Wmo301 b) {
    Wmo301.Client c = b.client();
    Klassepad pad = Klassepad.CLIENT;
    Gedeeld.bsn(t, pad, c.bsn());
    Gedeeld.geboortedatum(t, pad, c.geboortedatum());
    t.eis(c.naam().naamGebruik() != NaamGebruik.NIET_NATUURLIJK_PERSOON, "CS318", pad, "NaamGebruik 6 bij de cliënt");
    Gedeeld.naamGebruik(t, pad, c.naam());
    if (c.communicatie() != null) {
      boolean tolk = c.communicatie().vorm() == Communicatievorm.TOLK_TAAL;
      t.eis(tolk == (c.communicatie().taal() != null), "CD007", pad, "Taal hoort gevuld te zijn precies bij Vorm 1 (tolk taal)");
    }
    t.eis(
        c.contactgegevens().stream().anyMatch(k -> k.soort() != Soortadres.TIJDELIJK_VERBLIJFADRES),
        "TR061",
        pad,
        "geen BRP-, correspondentie- of verblijfadres bij de cliënt");

    for (int i = 0; i < c.relaties().size(); i++) {
      Wmo301.Relatie r = c.relaties().get(i);
      Gedeeld.geboortedatum(t, Wmo301.relatie(i), r.geboortedatum());
      Gedeeld.naamGebruik(t, Wmo301.relatie(i), r.naam());
      contact(t, Wmo301.relatieContact(i), r.contact());
    }
    Gedeeld.uniek(t, c.relaties(), Wmo301::relatie, Wmo301.Relatie::nummer);
    for (int i = 0; i < c.contactgegevens().size(); i++) contact(t, Wmo301.contact(i), c.contactgegevens().get(i));
    Gedeeld.uniek(t, c.contactgegevens(), Wmo301::contact, Contact::soort);

    List<Gedeeld.Zorgperiode> perioden = new ArrayList<>();
    for (int i = 0; i < c.toegewezenProducten().size(); i++) {
      Wmo301.ToegewezenProduct p = c.toegewezenProducten().get(i);
      Klassepad pp = Wmo301.toegewezenProduct(i);
      toegewezenProduct(t, pp, p);
      if (!p.isVervallen()) perioden.add(new Gedeeld.Zorgperiode(pp, p.product(), p.periode()));
    }
    Gedeeld.uniek(t, c.toegewezenProducten(), Wmo301::toegewezenProduct, Wmo301.ToegewezenProduct::toewijzingNummer);
    Gedeeld.geenOverlap(t, "TR302", perioden);
  }

  private static void toegewezenProduct(Toets t, Klassepad pad, Wmo301.ToegewezenProduct p) {
    Gedeeld.nietNaDagtekening(t, pad, p.toewijzingsdatum(), "Toewijzingsdatum");
    Gedeeld.periode(t, pad, p.periode(), "Einddatum");
    Gedeeld.omvangEnBudget(
        t, pad, p.product(), p.omvang(), p.budget(), p.einddatum(), "Einddatum", true, true, "CD080", "CS338");
    t.eis(
        p.redenWijziging() != RedenWijziging.VERWIJDERD || p.ingangsdatum().equals(p.einddatum()),
        "CS335",
        pad,
        "RedenWijziging 13 terwijl Einddatum niet gelijk is aan Ingangsdatum");
    t.eis(
        p.redenWijziging() != RedenWijziging.ADMINISTRATIEVE_CORRECTIE_VERVALLEN,
        "CS336",
        pad,
        "RedenWijziging 01 is vervallen");
    Gedeeld.productcode(t, pad, p.product());
  }

  private static void contact(Toets t, Klassepad pad, Contact k) {
    Adres a = k.adres();
    if (a != null) {
      boolean nederland = Adres.NEDERLAND.equals(a.landCode());
      t.eis(!nederland || a.huis() != null, "CD025", pad, "Huis ontbreekt bij een Nederlands adres");
      t.eis((a.postcode() != null) == (a.landCode() != null), "CD005", pad, "LandCode hoort gevuld te zijn precies als Postcode gevuld is");
      // CD034 is a condition on Postcode inside Adres; like the XSLT it is checked where an Adres is given.
      t.eis(
          !ADRESSEN_MET_POSTCODE.contains(k.soort()) || a.postcode() != null,
          "CD034",
          pad,
          "Postcode ontbreekt bij een BRP- of verblijfadres");
      t.eis(
          !nederland || a.postcode() == null || NL_POSTCODE.matcher(a.postcode()).matches(),
          "CS089",
          pad,
          "Postcode " + a.postcode() + " heeft niet het Nederlandse formaat 1234AB");
    }
    t.eis(k.periode() == null || k.soort() == Soortadres.TIJDELIJK_VERBLIJFADRES, "CD009", pad, "Periode bij een ander dan een tijdelijk verblijfadres");
    Gedeeld.periode(t, pad, k.periode(), "Einddatum");
    boolean huisEnPostcode = a != null && a.huis() != null && a.postcode() != null;
    t.eis(k.telefoon() != null || huisEnPostcode, "TR006", pad, "Contact zonder Telefoon en zonder Huis met Postcode");
  }
}
