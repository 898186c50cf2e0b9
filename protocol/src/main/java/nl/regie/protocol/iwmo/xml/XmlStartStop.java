package nl.regie.protocol.iwmo.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.regie.protocol.codes.Geslacht;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.codes.StatusAanlevering;
import nl.regie.protocol.iwmo.bericht.Geboortedatum;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.VerkorteNaam;
import nl.regie.protocol.iwmo.bericht.Wmo305;
import nl.regie.protocol.iwmo.bericht.Wmo307;

/** XML mapping of the Client of WMO305/306 (start) and WMO307/308 (stop). */
final class XmlStartStop {

  private XmlStartStop() {}

  static Wmo305.Client start(El c, Map<Klassepad, List<Retourcode>> codes) {
    c.retourcodes(Klassepad.CLIENT, codes);
    List<El> elementen = c.kind("StartProducten").kinderen("StartProduct");
    List<Wmo305.StartProduct> producten = new ArrayList<>();
    for (int i = 0; i < elementen.size(); i++) {
      El p = elementen.get(i);
      p.retourcodes(Wmo305.startProduct(i), codes);
      producten.add(
          new Wmo305.StartProduct(
              p.optLang("ToewijzingNummer"),
              XmlCdt.product(p.optKind("Product")),
              p.optDatum("ToewijzingIngangsdatum"),
              p.datum("Begindatum"),
              p.code(StatusAanlevering.class, "StatusAanlevering")));
    }
    return new Wmo305.Client(
        c.str("Bsn"),
        XmlCdt.geboortedatum(c.kind("Geboortedatum")),
        c.code(Geslacht.class, "Geslacht"),
        XmlCdt.verkorteNaam(c.kind("Naam")),
        producten);
  }

  static void start(Xw w, Wmo305.Client c, Retourcodes codes) {
    w.open("Client");
    persoon(w, c.bsn(), c.geboortedatum(), c.geslacht(), c.naam());
    w.open("StartProducten");
    for (int i = 0; i < c.startProducten().size(); i++) {
      Wmo305.StartProduct p = c.startProducten().get(i);
      w.open("StartProduct");
      w.veld("ToewijzingNummer", p.toewijzingNummer());
      XmlCdt.product(w, p.product());
      w.veld("ToewijzingIngangsdatum", p.toewijzingIngangsdatum());
      w.veld("Begindatum", p.begindatum());
      w.veld("StatusAanlevering", p.statusAanlevering());
      w.retourcodes(codes.van(Wmo305.startProduct(i)));
      w.sluit();
    }
    w.sluit();
    w.retourcodes(codes.van(Klassepad.CLIENT));
    w.sluit();
  }

  static Wmo307.Client stop(El c, Map<Klassepad, List<Retourcode>> codes) {
    c.retourcodes(Klassepad.CLIENT, codes);
    List<El> elementen = c.kind("StopProducten").kinderen("StopProduct");
    List<Wmo307.StopProduct> producten = new ArrayList<>();
    for (int i = 0; i < elementen.size(); i++) {
      El p = elementen.get(i);
      p.retourcodes(Wmo307.stopProduct(i), codes);
      producten.add(
          new Wmo307.StopProduct(
              p.optLang("ToewijzingNummer"),
              XmlCdt.product(p.optKind("Product")),
              p.optDatum("ToewijzingIngangsdatum"),
              p.datum("Begindatum"),
              p.code(RedenBeeindiging.class, "RedenBeeindiging"),
              p.datum("Einddatum"),
              p.code(StatusAanlevering.class, "StatusAanlevering")));
    }
    return new Wmo307.Client(
        c.str("Bsn"),
        XmlCdt.geboortedatum(c.kind("Geboortedatum")),
        c.code(Geslacht.class, "Geslacht"),
        XmlCdt.verkorteNaam(c.kind("Naam")),
        producten);
  }

  static void stop(Xw w, Wmo307.Client c, Retourcodes codes) {
    w.open("Client");
    persoon(w, c.bsn(), c.geboortedatum(), c.geslacht(), c.naam());
    w.open("StopProducten");
    for (int i = 0; i < c.stopProducten().size(); i++) {
      Wmo307.StopProduct p = c.stopProducten().get(i);
      w.open("StopProduct");
      w.veld("ToewijzingNummer", p.toewijzingNummer());
      XmlCdt.product(w, p.product());
      w.veld("ToewijzingIngangsdatum", p.toewijzingIngangsdatum());
      w.veld("Begindatum", p.begindatum());
      w.veld("RedenBeeindiging", p.redenBeeindiging());
      w.veld("Einddatum", p.einddatum());
      w.veld("StatusAanlevering", p.statusAanlevering());
      w.retourcodes(codes.van(Wmo307.stopProduct(i)));
      w.sluit();
    }
    w.sluit();
    w.retourcodes(codes.van(Klassepad.CLIENT));
    w.sluit();
  }

  /** The person elements a Client of 305, 307 and 315 starts with. */
  static void persoon(
      Xw w,
      String bsn,
      Geboortedatum geboortedatum,
      Geslacht geslacht,
      VerkorteNaam naam) {
    w.veld("Bsn", bsn);
    XmlCdt.geboortedatum(w, geboortedatum);
    w.veld("Geslacht", geslacht);
    XmlCdt.verkorteNaam(w, naam);
  }
}
