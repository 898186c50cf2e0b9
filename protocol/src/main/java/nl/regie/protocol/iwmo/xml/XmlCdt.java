package nl.regie.protocol.iwmo.xml;

import java.util.List;
import java.util.Map;
import nl.regie.protocol.codes.AanduidingWoonadres;
import nl.regie.protocol.codes.Communicatievorm;
import nl.regie.protocol.codes.DatumGebruik;
import nl.regie.protocol.codes.DebetCredit;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;
import nl.regie.protocol.codes.NaamGebruik;
import nl.regie.protocol.codes.Productcategorie;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.codes.Soortadres;
import nl.regie.protocol.codes.TypeVerwijzer;
import nl.regie.protocol.iwmo.bericht.Achternaam;
import nl.regie.protocol.iwmo.bericht.Adres;
import nl.regie.protocol.iwmo.bericht.Bedrag;
import nl.regie.protocol.iwmo.bericht.BerichtIdentificatie;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Communicatie;
import nl.regie.protocol.iwmo.bericht.Contact;
import nl.regie.protocol.iwmo.bericht.Geboortedatum;
import nl.regie.protocol.iwmo.bericht.Header;
import nl.regie.protocol.iwmo.bericht.Huis;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Omvang;
import nl.regie.protocol.iwmo.bericht.Periode;
import nl.regie.protocol.iwmo.bericht.Product;
import nl.regie.protocol.iwmo.bericht.ProductReferentie;
import nl.regie.protocol.iwmo.bericht.RetourHeader;
import nl.regie.protocol.iwmo.bericht.Telefoon;
import nl.regie.protocol.iwmo.bericht.Telefoonnummers;
import nl.regie.protocol.iwmo.bericht.VerkorteNaam;
import nl.regie.protocol.iwmo.bericht.Verwijzer;
import nl.regie.protocol.iwmo.bericht.VolledigeNaam;
import nl.regie.protocol.iwmo.bericht.XsdVersie;

/** XML mapping of the header and the Basisschema datatypes (CDT_...) that all berichten share. */
final class XmlCdt {

  private XmlCdt() {}

  // --- header -------------------------------------------------------------------------------

  static Header header(El h) {
    return new Header(
        h.str("Afzender"), h.str("Ontvanger"), identificatie(h.kind("BerichtIdentificatie")), xsdVersie(h.kind("XsdVersie")));
  }

  static RetourHeader retourHeader(El h, Map<Klassepad, List<Retourcode>> codes) {
    h.retourcodes(Klassepad.HEADER, codes);
    return new RetourHeader(
        h.str("Afzender"),
        h.str("Ontvanger"),
        identificatie(h.kind("BerichtIdentificatie")),
        xsdVersie(h.kind("XsdVersie")),
        h.str("IdentificatieRetour"),
        h.datum("DagtekeningRetour"),
        h.optStr("XsltVersie"),
        xsdVersie(h.kind("XsdVersieRetour")));
  }

  static void header(Xw w, Berichtsoort soort, Header h) {
    w.open("Header");
    vastDeel(w, soort, h.afzender(), h.ontvanger(), h.berichtIdentificatie(), h.xsdVersie());
    w.sluit();
  }

  static void retourHeader(Xw w, Berichtsoort soort, RetourHeader h, List<Retourcode> codes) {
    w.open("Header");
    vastDeel(w, soort, h.afzender(), h.ontvanger(), h.berichtIdentificatie(), h.xsdVersie());
    w.veld("IdentificatieRetour", h.identificatieRetour());
    w.veld("DagtekeningRetour", h.dagtekeningRetour());
    w.veld("XsltVersie", h.xsltVersie());
    xsdVersie(w, "XsdVersieRetour", h.xsdVersieRetour());
    w.retourcodes(codes);
    w.sluit();
  }

  /** The elements every header starts with; BerichtCode and versions come from the soort. */
  static void vastDeel(
      Xw w, Berichtsoort soort, String afzender, String ontvanger, BerichtIdentificatie id, XsdVersie xsd) {
    w.veld("BerichtCode", soort.code());
    w.veld("BerichtVersie", Berichtsoort.BERICHT_VERSIE);
    w.veld("BerichtSubversie", Berichtsoort.BERICHT_SUBVERSIE);
    w.veld("Afzender", afzender);
    w.veld("Ontvanger", ontvanger);
    identificatie(w, "BerichtIdentificatie", id);
    xsdVersie(w, "XsdVersie", xsd);
  }

  static BerichtIdentificatie identificatie(El e) {
    return new BerichtIdentificatie(e.str("Identificatie"), e.datum("Dagtekening"));
  }

  static void identificatie(Xw w, String naam, BerichtIdentificatie id) {
    w.open(naam);
    w.veldB("Identificatie", id.identificatie());
    w.veldB("Dagtekening", id.dagtekening());
    w.sluit();
  }

  static XsdVersie xsdVersie(El e) {
    return new XsdVersie(e.str("BasisschemaXsdVersie"), e.str("BerichtXsdVersie"));
  }

  static void xsdVersie(Xw w, String naam, XsdVersie v) {
    w.open(naam);
    w.veldB("BasisschemaXsdVersie", v.basisschemaXsdVersie());
    w.veldB("BerichtXsdVersie", v.berichtXsdVersie());
    w.sluit();
  }

  // --- persons ------------------------------------------------------------------------------

  static Geboortedatum geboortedatum(El e) {
    return e == null ? null : new Geboortedatum(e.datum("Datum"), e.optCode(DatumGebruik.class, "DatumGebruik"));
  }

  static void geboortedatum(Xw w, Geboortedatum g) {
    if (g == null) return;
    w.open("Geboortedatum");
    w.veldB("Datum", g.datum());
    w.veldB("DatumGebruik", g.datumGebruik());
    w.sluit();
  }

  static Achternaam achternaam(El e) {
    return e == null ? null : new Achternaam(e.str("Achternaam"), e.optStr("Voorvoegsel"));
  }

  static void achternaam(Xw w, String naam, Achternaam a) {
    if (a == null) return;
    w.openB(naam);
    w.veldB("Achternaam", a.achternaam());
    w.veldB("Voorvoegsel", a.voorvoegsel());
    w.sluit();
  }

  static VolledigeNaam volledigeNaam(El e) {
    return new VolledigeNaam(
        achternaam(e.kind("Geslachtsnaam")),
        achternaam(e.optKind("Partnernaam")),
        e.optStr("Voornamen"),
        e.optStr("Voorletters"),
        e.code(NaamGebruik.class, "NaamGebruik"));
  }

  static void volledigeNaam(Xw w, VolledigeNaam n) {
    w.open("Naam");
    achternaam(w, "Geslachtsnaam", n.geslachtsnaam());
    achternaam(w, "Partnernaam", n.partnernaam());
    w.veldB("Voornamen", n.voornamen());
    w.veldB("Voorletters", n.voorletters());
    w.veldB("NaamGebruik", n.naamGebruik());
    w.sluit();
  }

  static VerkorteNaam verkorteNaam(El e) {
    return new VerkorteNaam(achternaam(e.kind("Geslachtsnaam")), e.optStr("Voornamen"), e.optStr("Voorletters"));
  }

  static void verkorteNaam(Xw w, VerkorteNaam n) {
    w.open("Naam");
    achternaam(w, "Geslachtsnaam", n.geslachtsnaam());
    w.veldB("Voornamen", n.voornamen());
    w.veldB("Voorletters", n.voorletters());
    w.sluit();
  }

  static Communicatie communicatie(El e) {
    return e == null ? null : new Communicatie(e.code(Communicatievorm.class, "Vorm"), e.optStr("Taal"));
  }

  static void communicatie(Xw w, Communicatie c) {
    if (c == null) return;
    w.open("Communicatie");
    w.veldB("Vorm", c.vorm());
    w.veldB("Taal", c.taal());
    w.sluit();
  }

  // --- contact ------------------------------------------------------------------------------

  /** Contact is a message type (wmo301:Contact) built from Basisschema types. */
  static Contact contact(El e) {
    return new Contact(
        e.code(Soortadres.class, "Soort"),
        adres(e.optKind("Adres")),
        e.optStr("Organisatie"),
        telefoonnummers(e.optKind("Telefoon")),
        e.optStr("Emailadres"),
        periode(e.optKind("Periode")));
  }

  static void contact(Xw w, Contact c, List<Retourcode> codes) {
    w.open("Contact");
    w.veld("Soort", c.soort());
    adres(w, c.adres());
    w.veld("Organisatie", c.organisatie());
    telefoonnummers(w, c.telefoon());
    w.veld("Emailadres", c.emailadres());
    periode(w, "Periode", c.periode());
    w.retourcodes(codes);
    w.sluit();
  }

  private static Adres adres(El e) {
    if (e == null) return null;
    El h = e.optKind("Huis");
    Huis huis =
        h == null
            ? null
            : new Huis(
                (int) h.lang("Huisnummer"),
                h.optStr("Huisletter"),
                h.optStr("HuisnummerToevoeging"),
                h.optCode(AanduidingWoonadres.class, "AanduidingWoonadres"));
    return new Adres(huis, e.optStr("Postcode"), e.optStr("Straatnaam"), e.optStr("Plaatsnaam"), e.optStr("LandCode"));
  }

  private static void adres(Xw w, Adres a) {
    if (a == null) return;
    w.open("Adres");
    if (a.huis() != null) {
      w.openB("Huis");
      w.veldB("Huisnummer", a.huis().huisnummer());
      w.veldB("Huisletter", a.huis().huisletter());
      w.veldB("HuisnummerToevoeging", a.huis().huisnummerToevoeging());
      w.veldB("AanduidingWoonadres", a.huis().aanduidingWoonadres());
      w.sluit();
    }
    w.veldB("Postcode", a.postcode());
    w.veldB("Straatnaam", a.straatnaam());
    w.veldB("Plaatsnaam", a.plaatsnaam());
    w.veldB("LandCode", a.landCode());
    w.sluit();
  }

  private static Telefoonnummers telefoonnummers(El e) {
    return e == null ? null : new Telefoonnummers(telefoon(e.kind("Telefoon01")), telefoon(e.optKind("Telefoon02")));
  }

  private static Telefoon telefoon(El e) {
    return e == null ? null : new Telefoon(e.str("Telefoonnummer"), e.str("Landnummer"));
  }

  private static void telefoonnummers(Xw w, Telefoonnummers t) {
    if (t == null) return;
    w.open("Telefoon");
    telefoon(w, "Telefoon01", t.telefoon01());
    telefoon(w, "Telefoon02", t.telefoon02());
    w.sluit();
  }

  private static void telefoon(Xw w, String naam, Telefoon t) {
    if (t == null) return;
    w.openB(naam);
    w.veldB("Telefoonnummer", t.telefoonnummer());
    w.veldB("Landnummer", t.landnummer());
    w.sluit();
  }

  // --- products and amounts -----------------------------------------------------------------

  static Periode periode(El e) {
    return e == null ? null : new Periode(e.optDatum("Begindatum"), e.optDatum("Einddatum"));
  }

  static void periode(Xw w, String naam, Periode p) {
    if (p == null) return;
    w.open(naam);
    w.veldB("Begindatum", p.begindatum());
    w.veldB("Einddatum", p.einddatum());
    w.sluit();
  }

  static Product product(El e) {
    return e == null ? null : new Product(e.code(Productcategorie.class, "Categorie"), e.optStr("Code"));
  }

  static void product(Xw w, Product p) {
    if (p == null) return;
    w.open("Product");
    w.veldB("Categorie", p.categorie());
    w.veldB("Code", p.code());
    w.sluit();
  }

  static Omvang omvang(El e) {
    return e == null
        ? null
        : new Omvang(e.lang("Volume"), e.code(Eenheid.class, "Eenheid"), e.code(Frequentie.class, "Frequentie"));
  }

  static void omvang(Xw w, Omvang o) {
    if (o == null) return;
    w.open("Omvang");
    w.veldB("Volume", o.volume());
    w.veldB("Eenheid", o.eenheid());
    w.veldB("Frequentie", o.frequentie());
    w.sluit();
  }

  static Verwijzer verwijzer(El e) {
    return new Verwijzer(e.code(TypeVerwijzer.class, "Type"), e.optStr("Naam"), e.optStr("ZorgverlenerCode"));
  }

  static void verwijzer(Xw w, Verwijzer v) {
    w.open("Verwijzer");
    w.veldB("Type", v.type());
    w.veldB("Naam", v.naam());
    w.veldB("ZorgverlenerCode", v.zorgverlenerCode());
    w.sluit();
  }

  /** CDT_BedragMetDC ({@code Bedrag}) or CDT_TotaalBedragMetDC ({@code TotaalBedrag}). */
  static Bedrag bedrag(El e, String bedragElement) {
    return new Bedrag(e.lang(bedragElement), e.code(DebetCredit.class, "DebetCredit"));
  }

  static void bedrag(Xw w, String naam, String bedragElement, Bedrag b) {
    w.open(naam);
    w.veldB(bedragElement, b.bedrag());
    w.veldB("DebetCredit", b.debetCredit());
    w.sluit();
  }

  static ProductReferentie productReferentie(El e) {
    return new ProductReferentie(e.str("ReferentieNummer"), e.optStr("VorigReferentieNummer"));
  }

  static void productReferentie(Xw w, ProductReferentie r) {
    w.open("ProductReferentie");
    w.veldB("ReferentieNummer", r.referentieNummer());
    w.veldB("VorigReferentieNummer", r.vorigReferentieNummer());
    w.sluit();
  }
}
