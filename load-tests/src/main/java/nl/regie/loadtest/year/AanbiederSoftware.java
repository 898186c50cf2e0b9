package nl.regie.loadtest.year;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.codes.StatusAanlevering;
import nl.regie.protocol.iwmo.bericht.Header;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.VerkorteNaam;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.bericht.Wmo305;
import nl.regie.protocol.iwmo.bericht.Wmo307;
import nl.regie.protocol.iwmo.bouw.Retouren;
import nl.regie.protocol.iwmo.bouw.Retourgegevens;
import nl.regie.protocol.iwmo.xml.IwmoXml;

/**
 * An aanbieder's iWmo software as the simulation plays it (after the server tests' {@code
 * Aanbieder}): it answers a WMO301 with a WMO302 that accepts it, and starts and stops every
 * toegewezen product of it with one WMO305 and one WMO307, as XML that meets the schema.
 */
final class AanbiederSoftware {

  private final String agb;
  private final AtomicInteger identificaties = new AtomicInteger();

  AanbiederSoftware(String agb) {
    this.agb = agb;
  }

  private String nextIdentificatie() {
    // Unique per afzender, which is all the standard asks; base 36 keeps it within its 12 characters.
    return "L" + Integer.toString(identificaties.incrementAndGet(), 36);
  }

  String wmo302(Wmo301 wmo301, LocalDate dagtekening) {
    return text(IwmoXml.write(Retouren.wmo302(wmo301, Retourcodes.GEEN, Retourgegevens.van(nextIdentificatie(), dagtekening))));
  }

  String wmo305(Wmo301 wmo301, LocalDate dagtekening) {
    Wmo301.Client c = wmo301.client();
    var starts = c.toegewezenProducten().stream().map(t -> new Wmo305.StartProduct(t.toewijzingNummer(), t.product(), t.ingangsdatum(),
        t.ingangsdatum(), StatusAanlevering.EERSTE_AANLEVERING)).toList();
    return text(IwmoXml.write(new Wmo305(header(wmo301, dagtekening), new Wmo305.Client(c.bsn(), c.geboortedatum(), c.geslacht(), naam(c), starts))));
  }

  String wmo307(Wmo301 wmo301, LocalDate dagtekening) {
    Wmo301.Client c = wmo301.client();
    var stops = c.toegewezenProducten().stream().map(t -> new Wmo307.StopProduct(t.toewijzingNummer(), t.product(), t.ingangsdatum(),
        t.ingangsdatum(), RedenBeeindiging.VOLGENS_PLAN, dagtekening, StatusAanlevering.EERSTE_AANLEVERING)).toList();
    return text(IwmoXml.write(new Wmo307(header(wmo301, dagtekening), new Wmo307.Client(c.bsn(), c.geboortedatum(), c.geslacht(), naam(c), stops))));
  }

  private Header header(Wmo301 wmo301, LocalDate dagtekening) {
    return Header.van(agb, wmo301.header().afzender(), nextIdentificatie(), dagtekening);
  }

  private static VerkorteNaam naam(Wmo301.Client c) {
    return new VerkorteNaam(c.naam().geslachtsnaam(), null, c.naam().voorletters());
  }

  private static String text(byte[] xml) {
    return new String(xml, StandardCharsets.UTF_8);
  }
}
