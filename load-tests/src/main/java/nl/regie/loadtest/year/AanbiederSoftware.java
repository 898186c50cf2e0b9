package nl.regie.loadtest.year;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import nl.regie.protocol.codes.DebetCredit;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;
import nl.regie.protocol.codes.Geslacht;
import nl.regie.protocol.codes.Productcategorie;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.codes.RedenVerzoek;
import nl.regie.protocol.codes.StatusAanlevering;
import nl.regie.protocol.codes.TypeVerwijzer;
import nl.regie.protocol.iwmo.bericht.Achternaam;
import nl.regie.protocol.iwmo.bericht.Bedrag;
import nl.regie.protocol.iwmo.bericht.Geboortedatum;
import nl.regie.protocol.iwmo.bericht.Header;
import nl.regie.protocol.iwmo.bericht.Omvang;
import nl.regie.protocol.iwmo.bericht.Periode;
import nl.regie.protocol.iwmo.bericht.Product;
import nl.regie.protocol.iwmo.bericht.ProductReferentie;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.VerkorteNaam;
import nl.regie.protocol.iwmo.bericht.Verwijzer;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.bericht.Wmo305;
import nl.regie.protocol.iwmo.bericht.Wmo307;
import nl.regie.protocol.iwmo.bericht.Wmo315;
import nl.regie.protocol.iwmo.bericht.Wmo317;
import nl.regie.protocol.iwmo.bericht.Wmo319;
import nl.regie.protocol.iwmo.bericht.Wmo323;
import nl.regie.protocol.iwmo.bouw.Retouren;
import nl.regie.protocol.iwmo.bouw.Retourgegevens;
import nl.regie.protocol.iwmo.xml.IwmoXml;

/**
 * An aanbieder's iWmo software as the simulation plays it (after the server tests' {@code
 * Aanbieder} and {@code Verzoekberichten}): it answers a WMO301 with a WMO302 that accepts it and
 * a WMO319 with a WMO320, asks for toewijzingen (WMO315) and changes (WMO317), starts and stops
 * the toegewezen products (WMO305, WMO307) and declares care (WMO323), as XML that meets the
 * schema.
 */
final class AanbiederSoftware {

  /** What the simulation assigns and asks for: one unit for the toewijzing's whole period. */
  static final Omvang OMVANG = new Omvang(1, Eenheid.STUKS_OUTPUT, Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR);
  /** The tarief of that unit, in cents. */
  static final long TARIEF = 125_000;

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

  String wmo320(Wmo319 wmo319, LocalDate dagtekening) {
    return text(IwmoXml.write(Retouren.wmo320(wmo319, Retourcodes.GEEN, Retourgegevens.van(nextIdentificatie(), dagtekening))));
  }

  /** A start of the toegewezen products of {@code wmo301} that {@code which} picks, on their ingangsdatum. */
  String wmo305(Wmo301 wmo301, LocalDate dagtekening, Predicate<Wmo301.ToegewezenProduct> which) {
    Wmo301.Client c = wmo301.client();
    var starts = c.toegewezenProducten().stream().filter(which).map(t -> new Wmo305.StartProduct(t.toewijzingNummer(), t.product(),
        t.ingangsdatum(), t.ingangsdatum(), StatusAanlevering.EERSTE_AANLEVERING)).toList();
    return text(IwmoXml.write(new Wmo305(header(wmo301, dagtekening), new Wmo305.Client(c.bsn(), c.geboortedatum(), c.geslacht(), naam(c), starts))));
  }

  /** A stop of every toegewezen product of {@code wmo301} on {@code einddatum}. */
  String wmo307(Wmo301 wmo301, LocalDate dagtekening, LocalDate einddatum) {
    Wmo301.Client c = wmo301.client();
    var stops = c.toegewezenProducten().stream().map(t -> new Wmo307.StopProduct(t.toewijzingNummer(), t.product(), t.ingangsdatum(),
        t.ingangsdatum(), RedenBeeindiging.VOLGENS_PLAN, einddatum, StatusAanlevering.EERSTE_AANLEVERING)).toList();
    return text(IwmoXml.write(new Wmo307(header(wmo301, dagtekening), new Wmo307.Client(c.bsn(), c.geboortedatum(), c.geslacht(), naam(c), stops))));
  }

  /** A verzoek om toewijzing of each of {@code producten}, under references {@code referentie(0)}, {@code referentie(1)}, … */
  String wmo315(ScriptedCase c, LocalDate dagtekening) {
    List<Wmo315.AangevraagdProduct> aangevraagd = new ArrayList<>();
    for (int p = 0; p < c.producten.size(); p++) {
      aangevraagd.add(new Wmo315.AangevraagdProduct(c.referentie(p), null, Product.van(c.producten.get(p)), null, c.ingang, c.einde,
          OMVANG, null, new Verwijzer(TypeVerwijzer.GEMEENTE, null, null), null, null));
    }
    return text(IwmoXml.write(new Wmo315(Header.van(agb, c.gemeente, nextIdentificatie(), dagtekening), new Wmo315.Client(c.bsn,
        Geboortedatum.van(LocalDate.parse("1960-03-01")), Geslacht.MANNELIJK, new VerkorteNaam(new Achternaam("Jansen", null), null, "P"),
        null, aangevraagd))));
  }

  /** A verzoek om wijziging: every current toewijzing of {@code wmo301} unchanged, and {@code c.nieuwProduct} added. */
  String wmo317(ScriptedCase c, Wmo301 wmo301, LocalDate dagtekening) {
    var ongewijzigd = wmo301.client().toegewezenProducten().stream().map(t -> new Wmo317.OngewijzigdProduct(t.toewijzingNummer())).toList();
    var nieuw = new Wmo317.NieuwProduct(Product.van(c.nieuwProduct), c.nieuweIngang, c.einde, OMVANG, null);
    return text(IwmoXml.write(new Wmo317(header(wmo301, dagtekening), new Wmo317.Client(c.bsn, new Wmo317.Verzoek(c.wijzigingReferentie(),
        RedenVerzoek.WIJZIGING_ZORGPLAN, ongewijzigd, List.of(), List.of(nieuw))))));
  }

  /**
   * The declaratie of the first month of care under the toewijzingen of {@code wmo301}: one unit
   * of each, from its ingangsdatum to the end of that month or the end of care.
   */
  String wmo323(ScriptedCase c, Wmo301 wmo301, LocalDate dagtekening) {
    String id = nextIdentificatie();
    YearMonth maand = YearMonth.from(c.ingang);
    LocalDate tot = c.zorgEinde.isBefore(maand.atEndOfMonth()) ? c.zorgEinde : maand.atEndOfMonth();
    List<Wmo323.Prestatie> prestaties = new ArrayList<>();
    for (Wmo301.ToegewezenProduct t : wmo301.client().toegewezenProducten()) {
      String code = t.product().code();
      prestaties.add(new Wmo323.Prestatie(new ProductReferentie(id + "-" + prestaties.size(), null), t.toewijzingNummer(),
          Productcategorie.ofProductcode(code).orElseThrow(), code, new Periode(t.ingangsdatum(), tot), 1, Eenheid.STUKS_OUTPUT, TARIEF,
          new Bedrag(TARIEF, DebetCredit.DEBET)));
    }
    return text(IwmoXml.write(new Wmo323(header(wmo301, dagtekening), new Wmo323.Declaratie("DN" + id, Periode.maand(maand), dagtekening,
        Bedrag.vanSaldo(TARIEF * prestaties.size()), List.of(new Wmo323.Client(c.bsn, prestaties))))));
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
