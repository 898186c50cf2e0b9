package nl.regie.protocol.iwmo.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.regie.protocol.codes.Geslacht;
import nl.regie.protocol.codes.JaNee;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.Wmo315;

/** XML mapping of the Client of WMO315 and WMO316. */
final class Xml315 {

  private Xml315() {}

  static Wmo315.Client client(El c, Map<Klassepad, List<Retourcode>> codes) {
    c.retourcodes(Klassepad.CLIENT, codes);
    List<El> elementen = c.kind("AangevraagdeProducten").kinderen("AangevraagdProduct");
    List<Wmo315.AangevraagdProduct> producten = new ArrayList<>();
    for (int i = 0; i < elementen.size(); i++) {
      El p = elementen.get(i);
      p.retourcodes(Wmo315.aangevraagdProduct(i), codes);
      producten.add(
          new Wmo315.AangevraagdProduct(
              p.str("ReferentieAanbieder"),
              p.optLang("BeschikkingNummer"),
              XmlCdt.product(p.optKind("Product")),
              p.optDatum("BeschikkingIngangsdatum"),
              p.datum("ToewijzingIngangsdatum"),
              p.optDatum("ToewijzingEinddatum"),
              XmlCdt.omvang(p.optKind("Omvang")),
              p.optLang("Budget"),
              XmlCdt.verwijzer(p.kind("Verwijzer")),
              p.optCode(JaNee.class, "Raamcontract"),
              p.optStr("Commentaar")));
    }
    return new Wmo315.Client(
        c.str("Bsn"),
        XmlCdt.geboortedatum(c.kind("Geboortedatum")),
        c.code(Geslacht.class, "Geslacht"),
        XmlCdt.verkorteNaam(c.kind("Naam")),
        c.optStr("Commentaar"),
        producten);
  }

  static void client(Xw w, Wmo315.Client c, Retourcodes codes) {
    w.open("Client");
    XmlStartStop.persoon(w, c.bsn(), c.geboortedatum(), c.geslacht(), c.naam());
    w.veld("Commentaar", c.commentaar());
    w.open("AangevraagdeProducten");
    for (int i = 0; i < c.aangevraagdeProducten().size(); i++) {
      Wmo315.AangevraagdProduct p = c.aangevraagdeProducten().get(i);
      w.open("AangevraagdProduct");
      w.veld("ReferentieAanbieder", p.referentieAanbieder());
      w.veld("BeschikkingNummer", p.beschikkingNummer());
      XmlCdt.product(w, p.product());
      w.veld("BeschikkingIngangsdatum", p.beschikkingIngangsdatum());
      w.veld("ToewijzingIngangsdatum", p.toewijzingIngangsdatum());
      w.veld("ToewijzingEinddatum", p.toewijzingEinddatum());
      XmlCdt.omvang(w, p.omvang());
      w.veld("Budget", p.budget());
      XmlCdt.verwijzer(w, p.verwijzer());
      w.veld("Raamcontract", p.raamcontract());
      w.veld("Commentaar", p.commentaar());
      w.retourcodes(codes.van(Wmo315.aangevraagdProduct(i)));
      w.sluit();
    }
    w.sluit();
    w.retourcodes(codes.van(Klassepad.CLIENT));
    w.sluit();
  }
}
