package nl.regie.server.testing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.regie.protocol.codes.DebetCredit;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.codes.StatusAanlevering;
import nl.regie.protocol.iwmo.bericht.Bedrag;
import nl.regie.protocol.iwmo.bericht.Header;
import nl.regie.protocol.iwmo.bericht.Periode;
import nl.regie.protocol.iwmo.bericht.ProductReferentie;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.VerkorteNaam;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.bericht.Wmo302;
import nl.regie.protocol.iwmo.bericht.Wmo305;
import nl.regie.protocol.iwmo.bericht.Wmo307;
import nl.regie.protocol.iwmo.bericht.Wmo323;
import nl.regie.protocol.iwmo.bouw.Retouren;
import nl.regie.protocol.iwmo.bouw.Retourgegevens;
import nl.regie.protocol.iwmo.xml.IwmoXml;

/**
 * An aanbieder's iWmo software, as far as tests need it: it reads the WMO301 it received and
 * writes the berichten that answer and follow it, as XML that meets the schema.
 */
public final class Aanbieder {

  private final String agb;
  private final AtomicInteger identificaties = new AtomicInteger();

  public Aanbieder(String agb) {
    this.agb = agb;
  }

  public String agb() {
    return agb;
  }

  public String nextIdentificatie() {
    return "A" + agb.substring(4) + "-" + identificaties.incrementAndGet();
  }

  public static Wmo301 lees301(byte[] xml) {
    return IwmoXml.parse(xml, Wmo301.class);
  }

  /** The WMO302 that accepts every klasse of {@code wmo301}. */
  public byte[] wmo302(Wmo301 wmo301, LocalDate dagtekening) {
    return IwmoXml.write(Retouren.wmo302(wmo301, Retourcodes.GEEN, Retourgegevens.van(nextIdentificatie(), dagtekening)));
  }

  public byte[] wmo305(Wmo301 wmo301, LocalDate dagtekening, LocalDate begindatum, StatusAanlevering status) {
    return wmo305(wmo301, nextIdentificatie(), dagtekening, begindatum, status);
  }

  public byte[] wmo305(Wmo301 wmo301, String identificatie, LocalDate dagtekening, LocalDate begindatum, StatusAanlevering status) {
    Wmo301.Client c = wmo301.client();
    Wmo301.ToegewezenProduct t = c.toegewezenProducten().get(0);
    Wmo305 bericht = new Wmo305(header(wmo301, identificatie, dagtekening), new Wmo305.Client(c.bsn(), c.geboortedatum(),
        c.geslacht(), naam(c), List.of(new Wmo305.StartProduct(t.toewijzingNummer(), t.product(), t.ingangsdatum(), begindatum, status))));
    return IwmoXml.write(bericht);
  }

  public byte[] wmo307(Wmo301 wmo301, LocalDate dagtekening, LocalDate begindatum, LocalDate einddatum, RedenBeeindiging reden,
      StatusAanlevering status) {
    Wmo301.Client c = wmo301.client();
    Wmo301.ToegewezenProduct t = c.toegewezenProducten().get(0);
    Wmo307 bericht = new Wmo307(header(wmo301, nextIdentificatie(), dagtekening), new Wmo307.Client(c.bsn(), c.geboortedatum(),
        c.geslacht(), naam(c), List.of(new Wmo307.StopProduct(t.toewijzingNummer(), t.product(), t.ingangsdatum(), begindatum,
        reden, einddatum, status))));
    return IwmoXml.write(bericht);
  }

  /** A WMO323 declaring {@code volume} of the 301's first toewijzing over {@code productPeriode}, within {@code maand}. */
  public byte[] wmo323(Wmo301 wmo301, LocalDate dagtekening, String declaratieNummer, Periode maand, Periode productPeriode,
      long volume, long tarief) {
    Wmo301.ToegewezenProduct t = wmo301.client().toegewezenProducten().get(0);
    Bedrag bedrag = new Bedrag(volume * tarief, DebetCredit.DEBET);
    Wmo323.Prestatie prestatie = new Wmo323.Prestatie(new ProductReferentie(nextIdentificatie(), null), t.toewijzingNummer(),
        t.product().categorie(), t.product().code(), productPeriode, volume, t.omvang().eenheid(), tarief, bedrag);
    Wmo323 bericht = new Wmo323(header(wmo301, nextIdentificatie(), dagtekening), new Wmo323.Declaratie(declaratieNummer, maand,
        dagtekening, bedrag, List.of(new Wmo323.Client(wmo301.client().bsn(), List.of(prestatie)))));
    return IwmoXml.write(bericht);
  }

  private Header header(Wmo301 wmo301, String identificatie, LocalDate dagtekening) {
    return Header.van(agb, wmo301.header().afzender(), identificatie, dagtekening);
  }

  private static VerkorteNaam naam(Wmo301.Client c) {
    return new VerkorteNaam(c.naam().geslachtsnaam(), null, c.naam().voorletters());
  }

  public static String text(byte[] xml) {
    return new String(xml, StandardCharsets.UTF_8);
  }
}
