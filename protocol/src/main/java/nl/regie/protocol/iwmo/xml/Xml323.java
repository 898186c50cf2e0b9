package nl.regie.protocol.iwmo.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Productcategorie;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.DeclaratieAntwoordHeader;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.Wmo323;
import nl.regie.protocol.iwmo.bericht.Wmo325;

/** XML mapping of WMO323 (Declaratie) and WMO325 (DeclaratieAntwoord, with its own header). */
final class Xml323 {

  private Xml323() {}

  static Wmo323.Declaratie declaratie(El d) {
    return new Wmo323.Declaratie(
        d.str("DeclaratieNummer"),
        XmlCdt.periode(d.kind("DeclaratiePeriode")),
        d.datum("DeclaratieDagtekening"),
        XmlCdt.bedrag(d.kind("TotaalIngediendBedrag"), "TotaalBedrag"),
        clienten(d, null));
  }

  static void declaratie(Xw w, Wmo323.Declaratie d) {
    w.open("Declaratie");
    w.veld("DeclaratieNummer", d.declaratieNummer());
    XmlCdt.periode(w, "DeclaratiePeriode", d.declaratiePeriode());
    w.veld("DeclaratieDagtekening", d.declaratieDagtekening());
    XmlCdt.bedrag(w, "TotaalIngediendBedrag", "TotaalBedrag", d.totaalIngediendBedrag());
    clienten(w, d.clienten(), Retourcodes.GEEN);
    w.sluit();
  }

  static DeclaratieAntwoordHeader antwoordHeader(El h, Map<Klassepad, List<Retourcode>> codes) {
    h.retourcodes(Klassepad.HEADER, codes);
    return new DeclaratieAntwoordHeader(
        h.str("Afzender"),
        h.str("Ontvanger"),
        XmlCdt.identificatie(h.kind("BerichtIdentificatie")),
        XmlCdt.xsdVersie(h.kind("XsdVersie")),
        XmlCdt.identificatie(h.kind("DeclaratieIdentificatie")),
        h.optStr("XsltVersie"),
        XmlCdt.xsdVersie(h.kind("XsdVersieDeclaratie")));
  }

  static void antwoordHeader(Xw w, DeclaratieAntwoordHeader h, List<Retourcode> codes) {
    w.open("Header");
    XmlCdt.vastDeel(w, Berichtsoort.WMO325, h.afzender(), h.ontvanger(), h.berichtIdentificatie(), h.xsdVersie());
    XmlCdt.identificatie(w, "DeclaratieIdentificatie", h.declaratieIdentificatie());
    w.veld("XsltVersie", h.xsltVersie());
    XmlCdt.xsdVersie(w, "XsdVersieDeclaratie", h.xsdVersieDeclaratie());
    w.retourcodes(codes);
    w.sluit();
  }

  static Wmo325.DeclaratieAntwoord antwoord(El a, Map<Klassepad, List<Retourcode>> codes) {
    a.retourcodes(Klassepad.DECLARATIE, codes);
    return new Wmo325.DeclaratieAntwoord(
        a.str("DeclaratieNummer"),
        XmlCdt.bedrag(a.kind("TotaalIngediendBedrag"), "TotaalBedrag"),
        XmlCdt.bedrag(a.kind("TotaalToegekendBedrag"), "TotaalBedrag"),
        clienten(a, codes));
  }

  static void antwoord(Xw w, Wmo325.DeclaratieAntwoord a, Retourcodes codes) {
    w.open("DeclaratieAntwoord");
    w.veld("DeclaratieNummer", a.declaratieNummer());
    XmlCdt.bedrag(w, "TotaalIngediendBedrag", "TotaalBedrag", a.totaalIngediendBedrag());
    XmlCdt.bedrag(w, "TotaalToegekendBedrag", "TotaalBedrag", a.totaalToegekendBedrag());
    clienten(w, a.clienten(), codes);
    w.retourcodes(codes.van(Klassepad.DECLARATIE));
    w.sluit();
  }

  private static List<Wmo323.Client> clienten(El ouder, Map<Klassepad, List<Retourcode>> codes) {
    El wrapper = ouder.optKind("Clienten");
    if (wrapper == null) return List.of();
    List<El> elementen = wrapper.kinderen("Client");
    List<Wmo323.Client> clienten = new ArrayList<>();
    for (int i = 0; i < elementen.size(); i++) {
      El c = elementen.get(i);
      c.retourcodes(Wmo323.client(i), codes);
      List<El> pe = c.kind("Prestaties").kinderen("Prestatie");
      List<Wmo323.Prestatie> prestaties = new ArrayList<>();
      for (int j = 0; j < pe.size(); j++) {
        El p = pe.get(j);
        p.retourcodes(Wmo323.prestatie(i, j), codes);
        prestaties.add(
            new Wmo323.Prestatie(
                XmlCdt.productReferentie(p.kind("ProductReferentie")),
                p.lang("ToewijzingNummer"),
                p.code(Productcategorie.class, "ProductCategorie"),
                p.str("ProductCode"),
                XmlCdt.periode(p.kind("ProductPeriode")),
                p.lang("GeleverdVolume"),
                p.code(Eenheid.class, "Eenheid"),
                p.optLang("ProductTarief"),
                XmlCdt.bedrag(p.kind("IngediendBedrag"), "Bedrag")));
      }
      clienten.add(new Wmo323.Client(c.str("Bsn"), prestaties));
    }
    return clienten;
  }

  private static void clienten(Xw w, List<Wmo323.Client> clienten, Retourcodes codes) {
    if (clienten.isEmpty()) return;
    w.open("Clienten");
    for (int i = 0; i < clienten.size(); i++) {
      Wmo323.Client c = clienten.get(i);
      w.open("Client");
      w.veld("Bsn", c.bsn());
      w.open("Prestaties");
      for (int j = 0; j < c.prestaties().size(); j++) {
        Wmo323.Prestatie p = c.prestaties().get(j);
        w.open("Prestatie");
        XmlCdt.productReferentie(w, p.productReferentie());
        w.veld("ToewijzingNummer", p.toewijzingNummer());
        w.veld("ProductCategorie", p.productCategorie());
        w.veld("ProductCode", p.productCode());
        XmlCdt.periode(w, "ProductPeriode", p.productPeriode());
        w.veld("GeleverdVolume", p.geleverdVolume());
        w.veld("Eenheid", p.eenheid());
        w.veld("ProductTarief", p.productTarief());
        XmlCdt.bedrag(w, "IngediendBedrag", "Bedrag", p.ingediendBedrag());
        w.retourcodes(codes.van(Wmo323.prestatie(i, j)));
        w.sluit();
      }
      w.sluit();
      w.retourcodes(codes.van(Wmo323.client(i)));
      w.sluit();
    }
    w.sluit();
  }
}
