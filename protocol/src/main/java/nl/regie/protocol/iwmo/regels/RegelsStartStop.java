package nl.regie.protocol.iwmo.regels;

import java.util.List;
import java.util.Set;
import nl.regie.protocol.codes.StatusAanlevering;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Wmo305;
import nl.regie.protocol.iwmo.bericht.Wmo307;

/** Stateless rules of WMO305 Start zorg and WMO307 Stop zorg. */
final class RegelsStartStop {

  /** CS058: only first delivery or withdrawal; 2 is not allowed in iWmo (OP033x2), 9 not here. */
  private static final Set<StatusAanlevering> TOEGESTAAN =
      Set.of(StatusAanlevering.EERSTE_AANLEVERING, StatusAanlevering.VERWIJDEREN_AANLEVERING);

  private RegelsStartStop() {}

  static void toets(Toets t, Wmo305 b) {
    Wmo305.Client c = b.client();
    Gedeeld.bsn(t, Klassepad.CLIENT, c.bsn());
    Gedeeld.geboortedatum(t, Klassepad.CLIENT, c.geboortedatum());
    for (int i = 0; i < c.startProducten().size(); i++) {
      Wmo305.StartProduct p = c.startProducten().get(i);
      Klassepad pad = Wmo305.startProduct(i);
      statusAanlevering(t, pad, p.statusAanlevering());
      Gedeeld.nietNaDagtekening(t, pad, p.begindatum(), "Begindatum");
      Gedeeld.productcode(t, pad, p.product());
    }
    Gedeeld.uniek(
        t, c.startProducten(), Wmo305::startProduct, p -> List.of(String.valueOf(p.toewijzingNummer()), String.valueOf(p.product()), p.begindatum()));
  }

  static void toets(Toets t, Wmo307 b) {
    Wmo307.Client c = b.client();
    Gedeeld.bsn(t, Klassepad.CLIENT, c.bsn());
    Gedeeld.geboortedatum(t, Klassepad.CLIENT, c.geboortedatum());
    for (int i = 0; i < c.stopProducten().size(); i++) {
      Wmo307.StopProduct p = c.stopProducten().get(i);
      Klassepad pad = Wmo307.stopProduct(i);
      statusAanlevering(t, pad, p.statusAanlevering());
      Gedeeld.nietNaDagtekening(t, pad, p.begindatum(), "Begindatum");
      t.eis(!p.einddatum().isBefore(p.begindatum()), "TR018", pad, "Einddatum " + p.einddatum() + " ligt voor Begindatum " + p.begindatum());
      Gedeeld.productcode(t, pad, p.product());
    }
    Gedeeld.uniek(
        t,
        c.stopProducten(),
        Wmo307::stopProduct,
        p -> List.of(String.valueOf(p.toewijzingNummer()), String.valueOf(p.product()), p.begindatum(), p.redenBeeindiging(), p.einddatum()));
  }

  private static void statusAanlevering(Toets t, Klassepad pad, StatusAanlevering status) {
    t.eis(TOEGESTAAN.contains(status), "CS058", pad, "StatusAanlevering " + status.code() + "; alleen 1 of 3 is toegestaan");
  }
}
