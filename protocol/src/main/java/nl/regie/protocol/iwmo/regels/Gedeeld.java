package nl.regie.protocol.iwmo.regels;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import nl.regie.protocol.codes.Bsn;
import nl.regie.protocol.codes.DatumGebruik;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;
import nl.regie.protocol.codes.Productcategorie;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Geboortedatum;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Omvang;
import nl.regie.protocol.iwmo.bericht.Periode;
import nl.regie.protocol.iwmo.bericht.Product;
import nl.regie.protocol.iwmo.bericht.VolledigeNaam;

/** Rules that several berichten share. Rule codes as in CD_CS_RS and the TR rules of iWmo 3.2. */
final class Gedeeld {

  /** CD080, CD095, CD096 and CS338, CS343 only apply to toewijzingen running past this date. */
  static final LocalDate GRENS_2020 = LocalDate.of(2020, 12, 31);

  private static final Set<Eenheid> EENHEDEN_MET_PERIODEFREQUENTIE =
      Set.of(Eenheid.ETMAAL, Eenheid.DAGDEEL, Eenheid.EUROS, Eenheid.STUKS_INSPANNING);
  private static final Set<Frequentie> PERIODEFREQUENTIES =
      Set.of(Frequentie.PER_WEEK, Frequentie.PER_MAAND, Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR);

  private Gedeeld() {}

  /** TR135 (8848) and TR378 (S300): both put their code on the Header. */
  static void header(Toets t) {
    t.extern(
        !t.dagtekening.isAfter(t.vandaag),
        "TR135",
        Klassepad.HEADER,
        Retourcode.R8848,
        "Dagtekening " + t.dagtekening + " ligt na de systeemdatum " + t.vandaag);
    String gemeente = t.bericht.header().gemeente(t.bericht.soort());
    t.extern(
        t.gemeentecodeBestaat.test(gemeente),
        "TR378",
        Klassepad.HEADER,
        Retourcode.S300,
        "gemeentecode " + gemeente + " staat niet in de CBS-lijst");
  }

  /** CS002: the BSN passes the elfproef. */
  static void bsn(Toets t, Klassepad pad, String bsn) {
    t.eis(Bsn.isValid(bsn), "CS002", pad, "Bsn " + bsn + " voldoet niet aan de elfproef");
  }

  /** CS139, TR002 and TR134 on a Geboortedatum (may be null where optional). */
  static void geboortedatum(Toets t, Klassepad pad, Geboortedatum g) {
    if (g == null) return;
    LocalDate d = g.datum();
    // CS139: the unknown parts are filled with 01, a wholly unknown date is 1900-01-01 (TR002).
    boolean inOvereenstemming =
        g.datumGebruik() == null
            || switch (g.datumGebruik()) {
              case DAG_ONBEKEND -> d.getDayOfMonth() == 1;
              case DAG_EN_MAAND_ONBEKEND -> d.getDayOfMonth() == 1 && d.getMonthValue() == 1;
              case DATUM_ONBEKEND -> d.equals(LocalDate.of(1900, 1, 1));
            };
    t.eis(inOvereenstemming, "CS139", pad, "Geboortedatum " + d + " past niet bij DatumGebruik " + code(g.datumGebruik()));
    if (g.datumGebruik() != DatumGebruik.DATUM_ONBEKEND) {
      t.eis(
          !d.isBefore(t.dagtekening.minusYears(120)),
          "TR002",
          pad,
          "Geboortedatum " + d + " ligt meer dan 120 jaar voor de Dagtekening");
    }
    nietNaDagtekening(t, pad, d, "Geboortedatum");
  }

  /** TR134: a date no later than the Dagtekening of the bericht. */
  static void nietNaDagtekening(Toets t, Klassepad pad, LocalDate datum, String element) {
    if (datum == null) return;
    t.eis(!datum.isAfter(t.dagtekening), "TR134", pad, element + " " + datum + " ligt na de Dagtekening " + t.dagtekening);
  }

  /** CS003: an end on or after its begin. */
  static void periode(Toets t, Klassepad pad, Periode periode, String element) {
    if (periode == null) return;
    t.eis(!periode.isOmgekeerd(), "CS003", pad, element + " " + periode.einddatum() + " ligt voor " + periode.begindatum());
  }

  /** NaamGebruik fits the Partnernaam (CS050). */
  static void naamGebruik(Toets t, Klassepad pad, VolledigeNaam naam) {
    Set<String> toegestaan = naam.partnernaam() != null ? Set.of("1", "2", "3", "4") : Set.of("1", "6");
    t.eis(
        toegestaan.contains(naam.naamGebruik().code()),
        "CS050",
        pad,
        "NaamGebruik " + naam.naamGebruik().code() + (naam.partnernaam() != null ? " met" : " zonder") + " Partnernaam");
  }

  /** TR381 (S329): a product code fits its categorie in the product code list in use. */
  static void productcode(Toets t, Klassepad pad, Productcategorie categorie, String code) {
    if (categorie == null || code == null) return;
    t.extern(
        t.productcodes.past(categorie, code),
        "TR381",
        pad,
        Retourcode.S329,
        "ProductCode " + code + " past niet bij ProductCategorie " + categorie.code());
  }

  static void productcode(Toets t, Klassepad pad, Product product) {
    if (product != null) productcode(t, pad, product.categorie(), product.code());
  }

  /**
   * The conditions on Product, Omvang, Budget and Einddatum that 301, 315 and 317 share. {@code
   * zonderCodeRegel} and {@code frequentieRegel} are the names each bericht gives the same rule
   * (CD080/CD095/CD096 and CS338/CS343).
   *
   * @param productVerplicht whether the klasse has CD079 (TeWijzigenProduct has no Product)
   * @param omvangBijCodeRegel whether CD041 applies
   */
  static void omvangEnBudget(
      Toets t,
      Klassepad pad,
      Product product,
      Omvang omvang,
      Long budget,
      LocalDate einddatum,
      String einddatumElement,
      boolean productVerplicht,
      boolean omvangBijCodeRegel,
      String zonderCodeRegel,
      String frequentieRegel) {
    boolean lopendNa2020 = einddatum == null || einddatum.isAfter(GRENS_2020);
    if (productVerplicht) {
      t.eis(budget != null || product != null, "CD079", pad, "Product ontbreekt terwijl Budget leeg is");
    }
    t.eis(budget == null || einddatum != null, "CD075", pad, einddatumElement + " ontbreekt terwijl Budget gevuld is");
    t.eis(
        omvang == null || omvang.frequentie() != Frequentie.PER_WEEK || einddatum != null,
        "CD076",
        pad,
        einddatumElement + " ontbreekt terwijl Frequentie per week is");
    if (omvangBijCodeRegel) {
      t.eis(product == null || product.code() == null || omvang != null, "CD041", pad, "Omvang ontbreekt terwijl Product een Code heeft");
    }
    t.eis(budget == null || omvang == null, "CD077", pad, "Omvang gevuld terwijl Budget gevuld is");
    t.eis(omvang == null || budget == null, "CD078", pad, "Budget gevuld terwijl Omvang gevuld is");
    if (zonderCodeRegel != null) {
      boolean zonderCode = product == null || product.code() == null;
      t.eis(
          !(zonderCode && lopendNa2020 && omvang != null),
          zonderCodeRegel,
          pad,
          "Omvang gevuld bij een Product zonder Code dat na 31-12-2020 loopt");
    }
    if (omvang != null && EENHEDEN_MET_PERIODEFREQUENTIE.contains(omvang.eenheid()) && lopendNa2020) {
      t.eis(
          PERIODEFREQUENTIES.contains(omvang.frequentie()),
          frequentieRegel,
          pad,
          "Eenheid " + omvang.eenheid().code() + " met Frequentie " + omvang.frequentie().code());
    }
  }

  /** One product with its care period, for the overlap rules. */
  record Zorgperiode(Klassepad pad, Product product, Periode periode) {}

  /**
   * TR302, TR386, TR410: a product occurs more than once only with care periods that do not
   * overlap; which products are the same is {@link Stapeling#zelfdeProduct} (toelichting TR302).
   */
  static void geenOverlap(Toets t, String regel, List<Zorgperiode> perioden) {
    for (int i = 0; i < perioden.size(); i++) {
      for (int j = 0; j < i; j++) {
        Zorgperiode a = perioden.get(j);
        Zorgperiode b = perioden.get(i);
        if (zelfdeProduct(a.product(), b.product()) && a.periode().overlapt(b.periode())) {
          t.eis(false, regel, b.pad(), "zorgperiode overlapt met die van " + a.pad() + " voor hetzelfde product");
        }
      }
    }
  }

  private static boolean zelfdeProduct(Product a, Product b) {
    return Stapeling.zelfdeProduct(a, b);
  }

  /** TR101: within its parent, no two klassen share a logical key. */
  static <T> void uniek(Toets t, List<T> items, Function<Integer, Klassepad> pad, Function<T, Object> sleutel) {
    Set<Object> gezien = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      Object s = sleutel.apply(items.get(i));
      t.eis(gezien.add(s), "TR101", pad.apply(i), "dubbele regel met sleutel " + s);
    }
  }

  static String code(nl.regie.protocol.codes.Code code) {
    return code == null ? "leeg" : code.code();
  }

  static boolean gelijk(Object a, Object b) {
    return Objects.equals(a, b);
  }
}
