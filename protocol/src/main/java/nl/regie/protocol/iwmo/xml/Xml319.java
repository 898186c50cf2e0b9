package nl.regie.protocol.iwmo.xml;

import java.util.List;
import java.util.Map;
import nl.regie.protocol.codes.RedenAfwijzingVerzoek;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.codes.VerzoekAntwoord;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.Wmo319;

/** XML mapping of the Antwoord of WMO319 and WMO320. */
final class Xml319 {

  private Xml319() {}

  static Wmo319.Antwoord antwoord(El a, Map<Klassepad, List<Retourcode>> codes) {
    a.retourcodes(Klassepad.ANTWOORD, codes);
    return new Wmo319.Antwoord(
        a.str("ReferentieAanbieder"),
        a.code(VerzoekAntwoord.class, "VerzoekAntwoord"),
        a.optCode(RedenAfwijzingVerzoek.class, "RedenAfwijzingVerzoek"));
  }

  static void antwoord(Xw w, Wmo319.Antwoord a, Retourcodes codes) {
    w.open("Antwoord");
    w.veld("ReferentieAanbieder", a.referentieAanbieder());
    w.veld("VerzoekAntwoord", a.verzoekAntwoord());
    w.veld("RedenAfwijzingVerzoek", a.redenAfwijzingVerzoek());
    w.retourcodes(codes.van(Klassepad.ANTWOORD));
    w.sluit();
  }
}
