package nl.regie.protocol.iwmo.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.regie.protocol.codes.Geslacht;
import nl.regie.protocol.codes.JuridischeStatus;
import nl.regie.protocol.codes.RedenWijziging;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.codes.SoortRelatie;
import nl.regie.protocol.codes.WettelijkeVertegenwoordiging;
import nl.regie.protocol.iwmo.bericht.Contact;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.Wmo301;

/** XML mapping of the Client of WMO301 and WMO302 (the same content, the 302 with retourcodes). */
final class Xml301 {

  private Xml301() {}

  /** Reads the Client; {@code codes} collects RetourCodes when reading a 302, else is null. */
  static Wmo301.Client client(El c, Map<Klassepad, List<Retourcode>> codes) {
    c.retourcodes(Klassepad.CLIENT, codes);
    List<El> relatieElementen = c.optKind("Relaties") == null ? List.of() : c.kind("Relaties").kinderen("Relatie");
    List<Wmo301.Relatie> relaties = new ArrayList<>();
    for (int i = 0; i < relatieElementen.size(); i++) {
      El r = relatieElementen.get(i);
      r.retourcodes(Wmo301.relatie(i), codes);
      El contact = r.kind("Contact");
      contact.retourcodes(Wmo301.relatieContact(i), codes);
      relaties.add(
          new Wmo301.Relatie(
              r.str("Nummer"),
              r.optLang("Volgorde") == null ? null : r.optLang("Volgorde").intValue(),
              r.code(SoortRelatie.class, "Soort"),
              XmlCdt.geboortedatum(r.optKind("Geboortedatum")),
              r.optCode(Geslacht.class, "Geslacht"),
              XmlCdt.volledigeNaam(r.kind("Naam")),
              XmlCdt.contact(contact)));
    }
    List<El> contactElementen = c.kind("Contactgegevens").kinderen("Contact");
    List<Contact> contacten = new ArrayList<>();
    for (int i = 0; i < contactElementen.size(); i++) {
      contactElementen.get(i).retourcodes(Wmo301.contact(i), codes);
      contacten.add(XmlCdt.contact(contactElementen.get(i)));
    }
    List<El> productElementen = c.kind("ToegewezenProducten").kinderen("ToegewezenProduct");
    List<Wmo301.ToegewezenProduct> producten = new ArrayList<>();
    for (int i = 0; i < productElementen.size(); i++) {
      El p = productElementen.get(i);
      p.retourcodes(Wmo301.toegewezenProduct(i), codes);
      producten.add(
          new Wmo301.ToegewezenProduct(
              p.lang("ToewijzingNummer"),
              p.optStr("ReferentieAanbieder"),
              XmlCdt.product(p.optKind("Product")),
              p.datum("Toewijzingsdatum"),
              p.tijd("Toewijzingstijd"),
              p.datum("Ingangsdatum"),
              p.optDatum("Einddatum"),
              p.optCode(RedenWijziging.class, "RedenWijziging"),
              XmlCdt.omvang(p.optKind("Omvang")),
              p.optLang("Budget"),
              p.optStr("Commentaar")));
    }
    return new Wmo301.Client(
        c.str("Bsn"),
        XmlCdt.geboortedatum(c.kind("Geboortedatum")),
        c.code(Geslacht.class, "Geslacht"),
        XmlCdt.volledigeNaam(c.kind("Naam")),
        XmlCdt.communicatie(c.optKind("Communicatie")),
        c.optCode(JuridischeStatus.class, "JuridischeStatus"),
        c.optCode(WettelijkeVertegenwoordiging.class, "WettelijkeVertegenwoordiging"),
        c.optStr("Commentaar"),
        relaties,
        contacten,
        producten);
  }

  static void client(Xw w, Wmo301.Client c, Retourcodes codes) {
    w.open("Client");
    w.veld("Bsn", c.bsn());
    XmlCdt.geboortedatum(w, c.geboortedatum());
    w.veld("Geslacht", c.geslacht());
    XmlCdt.volledigeNaam(w, c.naam());
    XmlCdt.communicatie(w, c.communicatie());
    w.veld("JuridischeStatus", c.juridischeStatus());
    w.veld("WettelijkeVertegenwoordiging", c.wettelijkeVertegenwoordiging());
    w.veld("Commentaar", c.commentaar());
    if (!c.relaties().isEmpty()) {
      w.open("Relaties");
      for (int i = 0; i < c.relaties().size(); i++) {
        Wmo301.Relatie r = c.relaties().get(i);
        w.open("Relatie");
        w.veld("Nummer", r.nummer());
        w.veld("Volgorde", r.volgorde());
        w.veld("Soort", r.soort());
        XmlCdt.geboortedatum(w, r.geboortedatum());
        w.veld("Geslacht", r.geslacht());
        XmlCdt.volledigeNaam(w, r.naam());
        XmlCdt.contact(w, r.contact(), codes.van(Wmo301.relatieContact(i)));
        w.retourcodes(codes.van(Wmo301.relatie(i)));
        w.sluit();
      }
      w.sluit();
    }
    w.open("Contactgegevens");
    for (int i = 0; i < c.contactgegevens().size(); i++) {
      XmlCdt.contact(w, c.contactgegevens().get(i), codes.van(Wmo301.contact(i)));
    }
    w.sluit();
    w.open("ToegewezenProducten");
    for (int i = 0; i < c.toegewezenProducten().size(); i++) {
      Wmo301.ToegewezenProduct p = c.toegewezenProducten().get(i);
      w.open("ToegewezenProduct");
      w.veld("ToewijzingNummer", p.toewijzingNummer());
      w.veld("ReferentieAanbieder", p.referentieAanbieder());
      XmlCdt.product(w, p.product());
      w.veld("Toewijzingsdatum", p.toewijzingsdatum());
      w.veld("Toewijzingstijd", p.toewijzingstijd());
      w.veld("Ingangsdatum", p.ingangsdatum());
      w.veld("Einddatum", p.einddatum());
      w.veld("RedenWijziging", p.redenWijziging());
      XmlCdt.omvang(w, p.omvang());
      w.veld("Budget", p.budget());
      w.veld("Commentaar", p.commentaar());
      w.retourcodes(codes.van(Wmo301.toegewezenProduct(i)));
      w.sluit();
    }
    w.sluit();
    w.retourcodes(codes.van(Klassepad.CLIENT));
    w.sluit();
  }
}
