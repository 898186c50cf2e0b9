package nl.regie.server.bericht;

import java.time.LocalDate;
import java.util.Set;
import nl.regie.protocol.iwmo.bericht.Bericht;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Header;
import nl.regie.protocol.iwmo.bericht.Heenbericht;
import nl.regie.protocol.iwmo.bericht.RetourHeader;
import nl.regie.protocol.iwmo.bericht.Wmo302;
import nl.regie.protocol.iwmo.bericht.Wmo320;

/**
 * Who sent a bericht and under which Identificatie: the key that makes it the same bericht when it
 * comes again (TR056). The afzender is whoever really sent it: a 302 copies the gemeente as
 * Afzender from the 301 it answers, but comes from the aanbieder.
 */
record BerichtKey(Berichtsoort soort, String afzender, String ontvanger, String identificatie, LocalDate dagtekening) {

  private static final Set<Berichtsoort> FROM_AANBIEDER = Set.of(
      Berichtsoort.WMO302, Berichtsoort.WMO305, Berichtsoort.WMO307, Berichtsoort.WMO315, Berichtsoort.WMO317,
      Berichtsoort.WMO320, Berichtsoort.WMO323);

  static BerichtKey of(Bericht bericht) {
    if (bericht instanceof Heenbericht heen) {
      Header h = heen.header();
      Berichtsoort soort = heen.soort();
      return new BerichtKey(soort, h.afzender(), h.ontvanger(), h.berichtIdentificatie().identificatie(), h.dagtekening());
    }
    RetourHeader h = bericht instanceof Wmo302 w ? w.header() : bericht instanceof Wmo320 w ? w.header() : null;
    if (h == null) return new BerichtKey(bericht.soort(), "?", "?", "?", null);
    // A 302 or 320 is sent by the aanbieder, the Ontvanger of the heenbericht it copies.
    return new BerichtKey(bericht.soort(), h.ontvanger(), h.afzender(), h.identificatieRetour(), h.dagtekeningRetour());
  }

  /** Whether an aanbieder sends berichten of this soort (the rest are the gemeente's, or retours Regie writes). */
  boolean fromAanbieder() {
    return FROM_AANBIEDER.contains(soort);
  }

  /** The gemeente involved: the Ontvanger of what the aanbieder sent. */
  String gemeente() {
    return ontvanger;
  }

  /** The name a berichtklasse goes by at its case, the same each time the bericht comes. */
  String ref(Object klassepad) {
    return berichtRef() + "/" + klassepad;
  }

  /** The name of the bericht as a whole: its klassen are named {@code berichtRef() + "/" + klassepad}. */
  String berichtRef() {
    return afzender + "/" + soort.name() + "/" + identificatie;
  }

  BerichtKey withoutIdentificatie() {
    return new BerichtKey(soort, afzender, ontvanger, null, dagtekening);
  }
}
