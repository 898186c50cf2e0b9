package nl.regie.protocol.iwmo.regels;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Wmo317;

/** Stateless rules of WMO317 Verzoek om wijziging. */
final class Regels317 {

  private Regels317() {}

  static void toets(Toets t, Wmo317 b) {
    Wmo317.Verzoek v = b.client().verzoek();
    Gedeeld.bsn(t, Klassepad.CLIENT, b.client().bsn());
    t.eis(
        !v.ongewijzigdeProducten().isEmpty() || !v.teWijzigenProducten().isEmpty(),
        "TR352",
        Wmo317.VERZOEK,
        "geen OngewijzigdProduct en geen TeWijzigenProduct");
    t.eis(
        !v.teWijzigenProducten().isEmpty() || !v.nieuweProducten().isEmpty(),
        "TR353",
        Wmo317.VERZOEK,
        "geen TeWijzigenProduct en geen NieuwProduct");

    Gedeeld.uniek(t, v.ongewijzigdeProducten(), Wmo317::ongewijzigdProduct, Wmo317.OngewijzigdProduct::toewijzingNummer);

    for (int i = 0; i < v.teWijzigenProducten().size(); i++) {
      Wmo317.TeWijzigenProduct p = v.teWijzigenProducten().get(i);
      Klassepad pad = Wmo317.teWijzigenProduct(i);
      Gedeeld.periode(t, pad, p.periode(), "Einddatum");
      Gedeeld.omvangEnBudget(t, pad, null, p.omvang(), p.budget(), p.einddatum(), "Einddatum", false, false, null, "CS338");
      naDagtekening(t, pad, p.einddatum());
    }
    Gedeeld.uniek(t, v.teWijzigenProducten(), Wmo317::teWijzigenProduct, Wmo317.TeWijzigenProduct::toewijzingNummer);

    List<Gedeeld.Zorgperiode> perioden = new ArrayList<>();
    for (int i = 0; i < v.nieuweProducten().size(); i++) {
      Wmo317.NieuwProduct p = v.nieuweProducten().get(i);
      Klassepad pad = Wmo317.nieuwProduct(i);
      Gedeeld.periode(t, pad, p.periode(), "Einddatum");
      Gedeeld.omvangEnBudget(t, pad, p.product(), p.omvang(), p.budget(), p.einddatum(), "Einddatum", true, true, "CD096", "CS338");
      naDagtekening(t, pad, p.einddatum());
      Gedeeld.productcode(t, pad, p.product());
      perioden.add(new Gedeeld.Zorgperiode(pad, p.product(), p.periode()));
    }
    Gedeeld.uniek(t, v.nieuweProducten(), Wmo317::nieuwProduct, p -> List.of(String.valueOf(p.product()), p.gewensteIngangsdatum()));
    Gedeeld.geenOverlap(t, "TR410", perioden);
  }

  /**
   * TR380: "vullen met een datum die groter is dan de dagtekening van het bericht". The rule text
   * does not name its element; it is applied to Einddatum because a VOW may not change anything
   * retroactively (FAQ), while GewensteIngangsdatum may lie in the past for a change over the whole
   * period (TR357, FAQ) and the official sample has GewensteIngangsdatum equal to the Dagtekening.
   */
  private static void naDagtekening(Toets t, Klassepad pad, LocalDate einddatum) {
    if (einddatum == null) return;
    t.eis(einddatum.isAfter(t.dagtekening), "TR380", pad, "Einddatum " + einddatum + " ligt niet na de Dagtekening " + t.dagtekening);
  }
}
