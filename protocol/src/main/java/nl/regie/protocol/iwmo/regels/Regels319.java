package nl.regie.protocol.iwmo.regels;

import nl.regie.protocol.codes.VerzoekAntwoord;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Wmo319;

/** Stateless rules of WMO319 Antwoordbericht. */
final class Regels319 {

  private Regels319() {}

  static void toets(Toets t, Wmo319 b) {
    Wmo319.Antwoord a = b.antwoord();
    t.eis(
        a.verzoekAntwoord() != VerzoekAntwoord.VERZOEK_AFGEWEZEN || a.redenAfwijzingVerzoek() != null,
        "CD085",
        Klassepad.ANTWOORD,
        "RedenAfwijzingVerzoek ontbreekt bij een afgewezen verzoek");
    t.eis(
        a.verzoekAntwoord() != VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK || a.redenAfwijzingVerzoek() == null,
        "CD086",
        Klassepad.ANTWOORD,
        "RedenAfwijzingVerzoek gevuld bij een aanvraag in onderzoek");
  }
}
