package nl.regie.protocol.iwmo.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.regie.protocol.codes.RedenVerzoek;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.Wmo317;

/** XML mapping of the Client of WMO317 and WMO318. */
final class Xml317 {

  private Xml317() {}

  static Wmo317.Client client(El c, Map<Klassepad, List<Retourcode>> codes) {
    c.retourcodes(Klassepad.CLIENT, codes);
    El v = c.kind("Verzoek");
    v.retourcodes(Wmo317.VERZOEK, codes);
    List<Wmo317.OngewijzigdProduct> ongewijzigd = new ArrayList<>();
    List<El> og = v.optKind("OngewijzigdeProducten") == null ? List.of() : v.kind("OngewijzigdeProducten").kinderen("OngewijzigdProduct");
    for (int i = 0; i < og.size(); i++) {
      og.get(i).retourcodes(Wmo317.ongewijzigdProduct(i), codes);
      ongewijzigd.add(new Wmo317.OngewijzigdProduct(og.get(i).lang("ToewijzingNummer")));
    }
    List<Wmo317.TeWijzigenProduct> teWijzigen = new ArrayList<>();
    List<El> tw = v.optKind("TeWijzigenProducten") == null ? List.of() : v.kind("TeWijzigenProducten").kinderen("TeWijzigenProduct");
    for (int i = 0; i < tw.size(); i++) {
      El p = tw.get(i);
      p.retourcodes(Wmo317.teWijzigenProduct(i), codes);
      teWijzigen.add(
          new Wmo317.TeWijzigenProduct(
              p.lang("ToewijzingNummer"),
              p.datum("GewensteIngangsdatum"),
              p.optDatum("Einddatum"),
              XmlCdt.omvang(p.optKind("Omvang")),
              p.optLang("Budget")));
    }
    List<Wmo317.NieuwProduct> nieuw = new ArrayList<>();
    List<El> nw = v.optKind("NieuweProducten") == null ? List.of() : v.kind("NieuweProducten").kinderen("NieuwProduct");
    for (int i = 0; i < nw.size(); i++) {
      El p = nw.get(i);
      p.retourcodes(Wmo317.nieuwProduct(i), codes);
      nieuw.add(
          new Wmo317.NieuwProduct(
              XmlCdt.product(p.optKind("Product")),
              p.datum("GewensteIngangsdatum"),
              p.optDatum("Einddatum"),
              XmlCdt.omvang(p.optKind("Omvang")),
              p.optLang("Budget")));
    }
    return new Wmo317.Client(
        c.str("Bsn"),
        new Wmo317.Verzoek(
            v.str("ReferentieAanbieder"), v.code(RedenVerzoek.class, "RedenVerzoek"), ongewijzigd, teWijzigen, nieuw));
  }

  static void client(Xw w, Wmo317.Client c, Retourcodes codes) {
    Wmo317.Verzoek v = c.verzoek();
    w.open("Client");
    w.veld("Bsn", c.bsn());
    w.open("Verzoek");
    w.veld("ReferentieAanbieder", v.referentieAanbieder());
    w.veld("RedenVerzoek", v.redenVerzoek());
    if (!v.ongewijzigdeProducten().isEmpty()) {
      w.open("OngewijzigdeProducten");
      for (int i = 0; i < v.ongewijzigdeProducten().size(); i++) {
        w.open("OngewijzigdProduct");
        w.veld("ToewijzingNummer", v.ongewijzigdeProducten().get(i).toewijzingNummer());
        w.retourcodes(codes.van(Wmo317.ongewijzigdProduct(i)));
        w.sluit();
      }
      w.sluit();
    }
    if (!v.teWijzigenProducten().isEmpty()) {
      w.open("TeWijzigenProducten");
      for (int i = 0; i < v.teWijzigenProducten().size(); i++) {
        Wmo317.TeWijzigenProduct p = v.teWijzigenProducten().get(i);
        w.open("TeWijzigenProduct");
        w.veld("ToewijzingNummer", p.toewijzingNummer());
        w.veld("GewensteIngangsdatum", p.gewensteIngangsdatum());
        w.veld("Einddatum", p.einddatum());
        XmlCdt.omvang(w, p.omvang());
        w.veld("Budget", p.budget());
        w.retourcodes(codes.van(Wmo317.teWijzigenProduct(i)));
        w.sluit();
      }
      w.sluit();
    }
    if (!v.nieuweProducten().isEmpty()) {
      w.open("NieuweProducten");
      for (int i = 0; i < v.nieuweProducten().size(); i++) {
        Wmo317.NieuwProduct p = v.nieuweProducten().get(i);
        w.open("NieuwProduct");
        XmlCdt.product(w, p.product());
        w.veld("GewensteIngangsdatum", p.gewensteIngangsdatum());
        w.veld("Einddatum", p.einddatum());
        XmlCdt.omvang(w, p.omvang());
        w.veld("Budget", p.budget());
        w.retourcodes(codes.van(Wmo317.nieuwProduct(i)));
        w.sluit();
      }
      w.sluit();
    }
    w.retourcodes(codes.van(Wmo317.VERZOEK));
    w.sluit();
    w.retourcodes(codes.van(Klassepad.CLIENT));
    w.sluit();
  }
}
