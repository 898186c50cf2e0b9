package nl.regie.protocol.iwmo.regels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.regie.protocol.iwmo.Voorbeelden;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every stateless rule, broken once and kept once. Each case changes the text of a message that
 * passes all rules (the official samples, with real product codes in the 315), so the change is
 * the only difference; the broken text must still be schema-valid, or the case would prove nothing.
 */
class StatelozeRegelsTest {

  /** After every sample's Dagtekening. */
  static final Clock KLOK = Clock.fixed(Instant.parse("2025-08-01T10:00:00Z"), ZoneOffset.UTC);

  static final StatelozeRegels REGELS = StatelozeRegels.standaard(KLOK);

  /**
   * @param regel the rule broken by {@code breek} and kept by {@code houd}
   */
  record Geval(String regel, Berichtsoort soort, UnaryOperator<String> breek, UnaryOperator<String> houd) {
    @Override
    public String toString() {
      return soort + " " + regel;
    }
  }

  static String basis(Berichtsoort soort) {
    // Line ends normalised so the edits below need not care (several samples use CRLF).
    String xml = Voorbeelden.tekst(soort).replace("\r\n", "\n");
    // The 315 sample uses codes (ABCDE) no product code list has; give it real ones.
    return xml.replace("<iwmo:Code>ABCDE</iwmo:Code>", "<iwmo:Code>01A01</iwmo:Code>")
        .replace("<iwmo:Code>BCDEF</iwmo:Code>", "<iwmo:Code>02A02</iwmo:Code>");
  }

  static Beoordeling beoordeel(Berichtsoort soort, String xml) {
    Ontvangst o = REGELS.ontvang(xml.getBytes(StandardCharsets.UTF_8));
    assertNotNull(o.bericht(), () -> soort + " not schema-valid: " + o.beoordeling().bevindingen());
    return o.beoordeling();
  }

  // --- text edits that fail when they do not apply --------------------------------------------

  /** Replaces the first {@code oud}. */
  static UnaryOperator<String> r(String oud, String nieuw) {
    return s -> {
      int i = s.indexOf(oud);
      if (i < 0) throw new AssertionError("not in the text: " + oud);
      return s.substring(0, i) + nieuw + s.substring(i + oud.length());
    };
  }

  /** Replaces the first match of a regular expression (dot matches newlines). */
  static UnaryOperator<String> rx(String regex, String nieuw) {
    return s -> {
      Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(s);
      if (!m.find()) throw new AssertionError("no match: " + regex);
      return m.replaceFirst(nieuw);
    };
  }

  @SafeVarargs
  static UnaryOperator<String> en(UnaryOperator<String>... stappen) {
    return s -> {
      for (UnaryOperator<String> stap : stappen) s = stap.apply(s);
      return s;
    };
  }

  static final UnaryOperator<String> NIETS = s -> s;

  // --- message parts built for the cases ------------------------------------------------------

  /** The ToegewezenProducten of the 301, replaced by {@code producten}. */
  static UnaryOperator<String> toegewezen(String... producten) {
    return rx("<wmo301:ToegewezenProducten>.*</wmo301:ToegewezenProducten>",
        "<wmo301:ToegewezenProducten>" + String.join("", producten) + "</wmo301:ToegewezenProducten>");
  }

  /** A ToegewezenProduct; parts are raw XML elements after Toewijzingstijd, in schema order. */
  static String tp(long nummer, String product, String ingang, String... rest) {
    return "<wmo301:ToegewezenProduct><wmo301:ToewijzingNummer>" + nummer + "</wmo301:ToewijzingNummer>"
        + product
        + "<wmo301:Toewijzingsdatum>2023-08-13</wmo301:Toewijzingsdatum><wmo301:Toewijzingstijd>12:00:00</wmo301:Toewijzingstijd>"
        + "<wmo301:Ingangsdatum>" + ingang + "</wmo301:Ingangsdatum>" + String.join("", rest)
        + "</wmo301:ToegewezenProduct>";
  }

  static String product(String prefix, String categorie, String code) {
    return "<" + prefix + ":Product><iwmo:Categorie>" + categorie + "</iwmo:Categorie>"
        + (code == null ? "" : "<iwmo:Code>" + code + "</iwmo:Code>") + "</" + prefix + ":Product>";
  }

  static String el(String prefix, String naam, String waarde) {
    return "<" + prefix + ":" + naam + ">" + waarde + "</" + prefix + ":" + naam + ">";
  }

  static String omvang(String prefix, int volume, String eenheid, String frequentie) {
    return "<" + prefix + ":Omvang><iwmo:Volume>" + volume + "</iwmo:Volume><iwmo:Eenheid>" + eenheid
        + "</iwmo:Eenheid><iwmo:Frequentie>" + frequentie + "</iwmo:Frequentie></" + prefix + ":Omvang>";
  }

  static final String P01A01 = product("wmo301", "01", "01A01");
  static final String EIND_2023 = el("wmo301", "Einddatum", "2023-12-31");
  static final String UUR_PER_WEEK = omvang("wmo301", 4, "04", "2");

  /** The Clienten of the 323 with one client and these prestaties, TotaalIngediendBedrag their sum. */
  static UnaryOperator<String> prestaties(long totaal, String... prestaties) {
    return en(
        rx("<wmo323:TotaalBedrag>58000</wmo323:TotaalBedrag>|<iwmo:TotaalBedrag>58000</iwmo:TotaalBedrag>",
            "<iwmo:TotaalBedrag>" + Math.abs(totaal) + "</iwmo:TotaalBedrag>"),
        rx("(<wmo323:TotaalIngediendBedrag>.*?<iwmo:DebetCredit>)D(</iwmo:DebetCredit>)",
            "$1" + (totaal < 0 ? "C" : "D") + "$2"),
        rx("<wmo323:Clienten>.*</wmo323:Clienten>",
            "<wmo323:Clienten><wmo323:Client><wmo323:Bsn>999900006</wmo323:Bsn><wmo323:Prestaties>"
                + String.join("", prestaties) + "</wmo323:Prestaties></wmo323:Client></wmo323:Clienten>"));
  }

  /** A Prestatie in April 2023 of 4 hours at 12.50 unless changed. */
  static String prestatie(String ref, String vorig, long toewijzing, String code, String begin, String eind,
      long volume, String eenheid, Long tarief, long bedrag, String dc) {
    return "<wmo323:Prestatie><wmo323:ProductReferentie><iwmo:ReferentieNummer>" + ref + "</iwmo:ReferentieNummer>"
        + (vorig == null ? "" : "<iwmo:VorigReferentieNummer>" + vorig + "</iwmo:VorigReferentieNummer>")
        + "</wmo323:ProductReferentie><wmo323:ToewijzingNummer>" + toewijzing + "</wmo323:ToewijzingNummer>"
        + "<wmo323:ProductCategorie>01</wmo323:ProductCategorie><wmo323:ProductCode>" + code + "</wmo323:ProductCode>"
        + "<wmo323:ProductPeriode><iwmo:Begindatum>" + begin + "</iwmo:Begindatum><iwmo:Einddatum>" + eind
        + "</iwmo:Einddatum></wmo323:ProductPeriode><wmo323:GeleverdVolume>" + volume + "</wmo323:GeleverdVolume>"
        + "<wmo323:Eenheid>" + eenheid + "</wmo323:Eenheid>"
        + (tarief == null ? "" : "<wmo323:ProductTarief>" + tarief + "</wmo323:ProductTarief>")
        + "<wmo323:IngediendBedrag><iwmo:Bedrag>" + bedrag + "</iwmo:Bedrag><iwmo:DebetCredit>" + dc
        + "</iwmo:DebetCredit></wmo323:IngediendBedrag></wmo323:Prestatie>";
  }

  static String debet(String ref, long toewijzing) {
    return prestatie(ref, null, toewijzing, "01A03", "2023-04-01", "2023-04-30", 4, "04", 1250L, 5000, "D");
  }

  static String credit(String ref, String vorig, long toewijzing) {
    return prestatie(ref, vorig, toewijzing, "01A03", "2023-04-01", "2023-04-30", 4, "04", 1250L, 5000, "C");
  }

  static String periode323(String begin, String eind) {
    return prestatie("RN1", null, 1, "01A03", begin, eind, 4, "04", 1250L, 5000, "D");
  }

  // --- the cases ------------------------------------------------------------------------------

  static List<Geval> gevallen() {
    List<Geval> g = new ArrayList<>();
    Berichtsoort w301 = Berichtsoort.WMO301;
    Berichtsoort w305 = Berichtsoort.WMO305;
    Berichtsoort w307 = Berichtsoort.WMO307;
    Berichtsoort w315 = Berichtsoort.WMO315;
    Berichtsoort w317 = Berichtsoort.WMO317;
    Berichtsoort w319 = Berichtsoort.WMO319;
    Berichtsoort w323 = Berichtsoort.WMO323;

    // header (externe bron)
    g.add(new Geval("TR135", w305, r("2025-04-05</iwmo:Dagtekening>", "2025-08-02</iwmo:Dagtekening>"),
        r("2025-04-05</iwmo:Dagtekening>", "2025-08-01</iwmo:Dagtekening>")));
    g.add(new Geval("TR378", w305, r("<wmo305:Ontvanger>0363", "<wmo305:Ontvanger>0999"),
        r("<wmo305:Ontvanger>0363", "<wmo305:Ontvanger>0983")));
    g.add(new Geval("TR378", w301, r("<wmo301:Afzender>0384", "<wmo301:Afzender>0001"), NIETS));

    // client
    g.add(new Geval("CS002", w305, r("<wmo305:Bsn>999900006", "<wmo305:Bsn>999900007"),
        r("<wmo305:Bsn>999900006", "<wmo305:Bsn>999900018")));
    g.add(new Geval("CS002", w323, r("<wmo323:Bsn>999900018", "<wmo323:Bsn>123456789"), NIETS));
    g.add(new Geval("CS139", w305,
        r("<iwmo:Datum>1967-08-13</iwmo:Datum>", "<iwmo:Datum>1967-08-13</iwmo:Datum><iwmo:DatumGebruik>1</iwmo:DatumGebruik>"),
        r("<iwmo:Datum>1967-08-13</iwmo:Datum>", "<iwmo:Datum>1967-08-01</iwmo:Datum><iwmo:DatumGebruik>1</iwmo:DatumGebruik>")));
    g.add(new Geval("CS139", w307,
        r("<iwmo:Datum>1967-08-13</iwmo:Datum>", "<iwmo:Datum>1967-08-01</iwmo:Datum><iwmo:DatumGebruik>2</iwmo:DatumGebruik>"),
        r("<iwmo:Datum>1967-08-13</iwmo:Datum>", "<iwmo:Datum>1967-01-01</iwmo:Datum><iwmo:DatumGebruik>2</iwmo:DatumGebruik>")));
    g.add(new Geval("TR002", w305, r("<iwmo:Datum>1967-08-13</iwmo:Datum>", "<iwmo:Datum>1900-01-01</iwmo:Datum>"),
        r("<iwmo:Datum>1967-08-13</iwmo:Datum>", "<iwmo:Datum>1900-01-01</iwmo:Datum><iwmo:DatumGebruik>3</iwmo:DatumGebruik>")));
    g.add(new Geval("TR134", w315, r("<iwmo:Datum>1972-07-16</iwmo:Datum>", "<iwmo:Datum>2023-07-16</iwmo:Datum>"),
        r("<iwmo:Datum>1972-07-16</iwmo:Datum>", "<iwmo:Datum>2023-07-15</iwmo:Datum>")));

    // 301
    g.add(new Geval("CS318", w301, r("<iwmo:NaamGebruik>4</iwmo:NaamGebruik>", "<iwmo:NaamGebruik>6</iwmo:NaamGebruik>"), NIETS));
    g.add(new Geval("CS050", w301, r("<iwmo:NaamGebruik>4</iwmo:NaamGebruik>", "<iwmo:NaamGebruik>5</iwmo:NaamGebruik>"),
        r("<iwmo:NaamGebruik>4</iwmo:NaamGebruik>", "<iwmo:NaamGebruik>1</iwmo:NaamGebruik>")));
    g.add(new Geval("CS050", w301,
        rx("<iwmo:Partnernaam>.*?</iwmo:Partnernaam>", ""),
        en(rx("<iwmo:Partnernaam>.*?</iwmo:Partnernaam>", ""), r("<iwmo:NaamGebruik>4<", "<iwmo:NaamGebruik>1<"))));
    g.add(new Geval("CD007", w301, r("<iwmo:Taal>Deens</iwmo:Taal>", ""),
        en(r("<iwmo:Taal>Deens</iwmo:Taal>", ""), r("<iwmo:Vorm>1</iwmo:Vorm>", "<iwmo:Vorm>2</iwmo:Vorm>"))));
    g.add(new Geval("CD007", w301, r("<iwmo:Vorm>1</iwmo:Vorm>", "<iwmo:Vorm>3</iwmo:Vorm>"), NIETS));
    g.add(new Geval("TR061", w301,
        rx("(<wmo301:Contactgegevens>\\s*<wmo301:Contact>\\s*<wmo301:Soort>)01", "$104"),
        rx("(<wmo301:Contactgegevens>\\s*<wmo301:Contact>\\s*<wmo301:Soort>)01", "$102")));
    g.add(new Geval("CD025", w301,
        en(rx("(<wmo301:Contactgegevens>.*?)<iwmo:Huis>.*?</iwmo:Huis>", "$1"), rx("(<wmo301:Contactgegevens>.*?<iwmo:LandCode>)AD", "$1NL")),
        rx("(<wmo301:Contactgegevens>.*?<iwmo:LandCode>)AD", "$1NL")));
    g.add(new Geval("CS089", w301,
        en(rx("(<wmo301:Contactgegevens>.*?<iwmo:LandCode>)AD", "$1NL"), rx("(<wmo301:Contactgegevens>.*?<iwmo:Postcode>)9999XX", "$11234 AB")),
        en(rx("(<wmo301:Contactgegevens>.*?<iwmo:LandCode>)AD", "$1NL"), rx("(<wmo301:Contactgegevens>.*?<iwmo:Postcode>)9999XX", "$11234AB"))));
    g.add(new Geval("CD005", w301, r("<iwmo:LandCode>AD</iwmo:LandCode>", ""),
        en(r("<wmo301:Soort>01</wmo301:Soort>", "<wmo301:Soort>02</wmo301:Soort>"), r("<iwmo:Postcode>9999XX</iwmo:Postcode>", ""), r("<iwmo:LandCode>AD</iwmo:LandCode>", ""))));
    g.add(new Geval("CD034", w301,
        en(r("<iwmo:Postcode>9999XX</iwmo:Postcode>", ""), r("<iwmo:LandCode>AD</iwmo:LandCode>", "")),
        en(r("<wmo301:Soort>01</wmo301:Soort>", "<wmo301:Soort>02</wmo301:Soort>"), r("<iwmo:Postcode>9999XX</iwmo:Postcode>", ""), r("<iwmo:LandCode>AD</iwmo:LandCode>", ""))));
    String periode = "<wmo301:Periode><iwmo:Begindatum>2023-05-01</iwmo:Begindatum><iwmo:Einddatum>2023-09-01</iwmo:Einddatum></wmo301:Periode>";
    g.add(new Geval("CD009", w301, r("<wmo301:Emailadres>a@b.com</wmo301:Emailadres>", "<wmo301:Emailadres>a@b.com</wmo301:Emailadres>" + periode),
        en(r("<wmo301:Soort>01</wmo301:Soort>", "<wmo301:Soort>04</wmo301:Soort>"), r("<wmo301:Emailadres>a@b.com</wmo301:Emailadres>", "<wmo301:Emailadres>a@b.com</wmo301:Emailadres>" + periode))));
    g.add(new Geval("CS003", w301,
        en(r("<wmo301:Soort>01</wmo301:Soort>", "<wmo301:Soort>04</wmo301:Soort>"), r("<wmo301:Emailadres>a@b.com</wmo301:Emailadres>", "<wmo301:Emailadres>a@b.com</wmo301:Emailadres>" + periode.replace("2023-09-01", "2023-04-30"))),
        en(r("<wmo301:Soort>01</wmo301:Soort>", "<wmo301:Soort>04</wmo301:Soort>"), r("<wmo301:Emailadres>a@b.com</wmo301:Emailadres>", "<wmo301:Emailadres>a@b.com</wmo301:Emailadres>" + periode.replace("2023-09-01", "2023-05-01")))));
    g.add(new Geval("TR006", w301, rx("(<wmo301:Contactgegevens>.*?)<iwmo:Huis>.*?</iwmo:Huis>", "$1"),
        rx("<iwmo:Huis>.*?</iwmo:Huis>", "")));
    g.add(new Geval("TR101", w301, r("<wmo301:Nummer>2</wmo301:Nummer>", "<wmo301:Nummer>1</wmo301:Nummer>"), NIETS));
    String tweedeContact = "<wmo301:Contact><wmo301:Soort>02</wmo301:Soort><wmo301:Telefoon><iwmo:Telefoon01><iwmo:Telefoonnummer>0612345678</iwmo:Telefoonnummer><iwmo:Landnummer>0031</iwmo:Landnummer></iwmo:Telefoon01></wmo301:Telefoon></wmo301:Contact>";
    g.add(new Geval("TR101", w301, r("</wmo301:Contactgegevens>", tweedeContact.replace(">02<", ">01<") + "</wmo301:Contactgegevens>"),
        r("</wmo301:Contactgegevens>", tweedeContact + "</wmo301:Contactgegevens>")));
    g.add(new Geval("TR101", w301,
        toegewezen(tp(1, P01A01, "2023-01-01", EIND_2023, UUR_PER_WEEK), tp(1, product("wmo301", "02", "02A02"), "2023-01-01", EIND_2023, UUR_PER_WEEK)),
        toegewezen(tp(1, P01A01, "2023-01-01", EIND_2023, UUR_PER_WEEK), tp(2, product("wmo301", "02", "02A02"), "2023-01-01", EIND_2023, UUR_PER_WEEK))));
    g.add(new Geval("TR134", w301, r("<wmo301:Toewijzingsdatum>2023-08-13", "<wmo301:Toewijzingsdatum>2023-08-14"), NIETS));
    g.add(new Geval("CS003", w301, toegewezen(tp(1, P01A01, "2023-06-01", el("wmo301", "Einddatum", "2023-05-31"), UUR_PER_WEEK)),
        toegewezen(tp(1, P01A01, "2023-06-01", el("wmo301", "Einddatum", "2023-06-01"), UUR_PER_WEEK))));
    g.add(new Geval("CD079", w301, toegewezen(tp(1, "", "2023-01-01", EIND_2023)),
        toegewezen(tp(1, "", "2023-01-01", EIND_2023, el("wmo301", "Budget", "100000")))));
    g.add(new Geval("CD075", w301, toegewezen(tp(1, P01A01.replace("<iwmo:Code>01A01</iwmo:Code>", ""), "2023-01-01", el("wmo301", "Budget", "100000"))),
        toegewezen(tp(1, P01A01.replace("<iwmo:Code>01A01</iwmo:Code>", ""), "2023-01-01", EIND_2023, el("wmo301", "Budget", "100000")))));
    g.add(new Geval("CD076", w301, toegewezen(tp(1, P01A01, "2023-01-01", UUR_PER_WEEK)),
        toegewezen(tp(1, P01A01, "2023-01-01", omvang("wmo301", 4, "04", "4")))));
    g.add(new Geval("CD041", w301, toegewezen(tp(1, P01A01, "2023-01-01", EIND_2023)), NIETS));
    g.add(new Geval("CD077", w301, toegewezen(tp(1, P01A01, "2023-01-01", EIND_2023, UUR_PER_WEEK, el("wmo301", "Budget", "100"))), NIETS));
    g.add(new Geval("CD078", w301, toegewezen(tp(1, P01A01, "2023-01-01", EIND_2023, UUR_PER_WEEK, el("wmo301", "Budget", "100"))), NIETS));
    g.add(new Geval("CD080", w301, toegewezen(tp(1, product("wmo301", "01", null), "2023-01-01", EIND_2023, UUR_PER_WEEK)),
        toegewezen(tp(1, product("wmo301", "01", null), "2020-01-01", el("wmo301", "Einddatum", "2020-12-31"), UUR_PER_WEEK))));
    g.add(new Geval("CS338", w301, toegewezen(tp(1, P01A01, "2023-01-01", EIND_2023, omvang("wmo301", 4, "14", "1"))),
        toegewezen(tp(1, P01A01, "2023-01-01", EIND_2023, omvang("wmo301", 4, "14", "4")))));
    g.add(new Geval("CS335", w301, toegewezen(tp(1, P01A01, "2023-01-01", EIND_2023, el("wmo301", "RedenWijziging", "13"), UUR_PER_WEEK)),
        toegewezen(tp(1, P01A01, "2023-01-01", el("wmo301", "Einddatum", "2023-01-01"), el("wmo301", "RedenWijziging", "13"), UUR_PER_WEEK))));
    g.add(new Geval("CS336", w301, toegewezen(tp(1, P01A01, "2023-01-01", EIND_2023, el("wmo301", "RedenWijziging", "01"), UUR_PER_WEEK)),
        toegewezen(tp(1, P01A01, "2023-01-01", EIND_2023, el("wmo301", "RedenWijziging", "14"), UUR_PER_WEEK))));
    g.add(new Geval("TR302", w301,
        toegewezen(tp(1, P01A01, "2023-01-01", EIND_2023, UUR_PER_WEEK), tp(2, P01A01, "2023-12-31", UUR_PER_WEEK.replace(">2<", ">4<"))),
        toegewezen(tp(1, P01A01, "2023-01-01", EIND_2023, UUR_PER_WEEK), tp(2, P01A01, "2024-01-01", UUR_PER_WEEK.replace(">2<", ">4<")))));
    g.add(new Geval("TR302", w301,
        toegewezen(tp(1, P01A01, "2023-01-01", EIND_2023, UUR_PER_WEEK), tp(2, product("wmo301", "01", null), "2023-06-01", EIND_2023)),
        toegewezen(tp(1, P01A01, "2023-01-01", EIND_2023, UUR_PER_WEEK), tp(2, product("wmo301", "02", null), "2023-06-01", EIND_2023))));
    g.add(new Geval("TR302", w301,
        toegewezen(tp(1, P01A01, "2023-01-01", EIND_2023, UUR_PER_WEEK), tp(2, "", "2023-06-01", EIND_2023, el("wmo301", "Budget", "500"))),
        toegewezen(tp(1, product("wmo301", "11", "11X01"), "2023-01-01", EIND_2023, UUR_PER_WEEK), tp(2, "", "2023-06-01", EIND_2023, el("wmo301", "Budget", "500")))));
    g.add(new Geval("TR302", w301,
        toegewezen(tp(1, P01A01, "2023-01-01", EIND_2023, UUR_PER_WEEK), tp(2, P01A01, "2023-03-01", EIND_2023, UUR_PER_WEEK)),
        toegewezen(tp(1, P01A01, "2023-01-01", el("wmo301", "Einddatum", "2023-01-01"), el("wmo301", "RedenWijziging", "13"), UUR_PER_WEEK), tp(2, P01A01, "2023-01-01", EIND_2023, UUR_PER_WEEK))));
    g.add(new Geval("TR381", w301, r("<iwmo:Code>01A01</iwmo:Code>", "<iwmo:Code>02A01</iwmo:Code>"), NIETS));

    // 305 and 307
    g.add(new Geval("CS058", w305, r("<wmo305:StatusAanlevering>1<", "<wmo305:StatusAanlevering>2<"),
        r("<wmo305:StatusAanlevering>1<", "<wmo305:StatusAanlevering>3<")));
    g.add(new Geval("CS058", w307, r("<wmo307:StatusAanlevering>1<", "<wmo307:StatusAanlevering>9<"), NIETS));
    g.add(new Geval("TR134", w305, r("<wmo305:Begindatum>2025-04-04", "<wmo305:Begindatum>2025-04-06"),
        r("<wmo305:Begindatum>2025-04-04", "<wmo305:Begindatum>2025-04-05")));
    g.add(new Geval("TR134", w307, r("<wmo307:Begindatum>2025-04-03", "<wmo307:Begindatum>2025-07-22"), NIETS));
    g.add(new Geval("TR101", w305,
        en(r("<wmo305:ToewijzingNummer>300202", "<wmo305:ToewijzingNummer>300201"), r("<iwmo:Code>01A12", "<iwmo:Code>01A11"), r("<wmo305:Begindatum>2025-04-04", "<wmo305:Begindatum>2025-04-03")),
        en(r("<wmo305:ToewijzingNummer>300202", "<wmo305:ToewijzingNummer>300201"), r("<iwmo:Code>01A12", "<iwmo:Code>01A11"))));
    g.add(new Geval("TR101", w307,
        en(r("<wmo307:ToewijzingNummer>300202", "<wmo307:ToewijzingNummer>300201"), r("<iwmo:Code>01A12", "<iwmo:Code>01A11"), r("<wmo307:Begindatum>2025-04-15", "<wmo307:Begindatum>2025-04-03")),
        en(r("<wmo307:ToewijzingNummer>300202", "<wmo307:ToewijzingNummer>300201"), r("<iwmo:Code>01A12", "<iwmo:Code>01A11"), r("<wmo307:Begindatum>2025-04-15", "<wmo307:Begindatum>2025-04-03"), r("<wmo307:RedenBeeindiging>31</wmo307:RedenBeeindiging>\n\t\t\t\t<wmo307:Einddatum>2025-07-18", "<wmo307:RedenBeeindiging>31</wmo307:RedenBeeindiging>\n\t\t\t\t<wmo307:Einddatum>2025-07-17"))));
    g.add(new Geval("TR018", w307, r("<wmo307:Einddatum>2025-07-18", "<wmo307:Einddatum>2025-04-02"),
        r("<wmo307:Einddatum>2025-07-18", "<wmo307:Einddatum>2025-04-03")));
    g.add(new Geval("TR381", w305, r("<iwmo:Code>01A11</iwmo:Code>", "<iwmo:Code>02A11</iwmo:Code>"), NIETS));
    g.add(new Geval("TR381", w307, r("<iwmo:Code>01A11</iwmo:Code>", "<iwmo:Code>1A11</iwmo:Code>"), NIETS));

    // 315
    g.add(new Geval("CD043", w315, r("<wmo315:BeschikkingIngangsdatum>2023-06-01</wmo315:BeschikkingIngangsdatum>", ""),
        en(r("<wmo315:BeschikkingIngangsdatum>2023-06-01</wmo315:BeschikkingIngangsdatum>", ""), r("<wmo315:BeschikkingNummer>1234</wmo315:BeschikkingNummer>", ""))));
    g.add(new Geval("CS003", w315, r("<wmo315:ToewijzingEinddatum>2023-06-30", "<wmo315:ToewijzingEinddatum>2023-05-31"),
        r("<wmo315:ToewijzingEinddatum>2023-06-30", "<wmo315:ToewijzingEinddatum>2023-06-01")));
    g.add(new Geval("CD095", w315, r("<iwmo:Code>01A01</iwmo:Code>", ""),
        en(r("<iwmo:Code>01A01</iwmo:Code>", ""), rx("<wmo315:Omvang>.*?</wmo315:Omvang>", ""))));
    g.add(new Geval("CS343", w315, r("<iwmo:Frequentie>4</iwmo:Frequentie>", "<iwmo:Frequentie>1</iwmo:Frequentie>"),
        r("<iwmo:Frequentie>4</iwmo:Frequentie>", "<iwmo:Frequentie>6</iwmo:Frequentie>")));
    g.add(new Geval("CD041", w315, rx("<wmo315:Omvang>.*?</wmo315:Omvang>", ""), NIETS));
    g.add(new Geval("CD079", w315, rx("<wmo315:Product>.*?</wmo315:Product>", "") ,
        en(rx("<wmo315:Product>.*?</wmo315:Product>", ""), rx("<wmo315:Omvang>.*?</wmo315:Omvang>", "<wmo315:Budget>1000</wmo315:Budget>"))));
    g.add(new Geval("CD066", w315, r("<iwmo:Naam>Verwijzer Naam</iwmo:Naam>", "<iwmo:Naam>Verwijzer Naam</iwmo:Naam><iwmo:ZorgverlenerCode>12345678</iwmo:ZorgverlenerCode>"),
        r("<iwmo:Naam>Verwijzer Naam</iwmo:Naam>", "<iwmo:ZorgverlenerCode>12345678</iwmo:ZorgverlenerCode>")));
    g.add(new Geval("CD067", w315, r("<iwmo:Naam>Verwijzer Naam</iwmo:Naam>", ""), NIETS));
    g.add(new Geval("CD068", w315, en(r("<iwmo:Type>04</iwmo:Type>", "<iwmo:Type>01</iwmo:Type>"), r("<iwmo:Naam>Verwijzer Naam</iwmo:Naam>", "<iwmo:ZorgverlenerCode>12345678</iwmo:ZorgverlenerCode>")),
        r("<iwmo:Type>04</iwmo:Type>", "<iwmo:Type>01</iwmo:Type>")));
    g.add(new Geval("TR383", w315, r("<wmo315:ReferentieAanbieder>42420002", "<wmo315:ReferentieAanbieder>42420001"), NIETS));
    g.add(new Geval("TR386", w315, en(r("<iwmo:Code>02A02</iwmo:Code>", "<iwmo:Code>01A01</iwmo:Code>"), r("<iwmo:Categorie>02</iwmo:Categorie>", "<iwmo:Categorie>01</iwmo:Categorie>")),
        en(r("<iwmo:Code>02A02</iwmo:Code>", "<iwmo:Code>01A02</iwmo:Code>"), r("<iwmo:Categorie>02</iwmo:Categorie>", "<iwmo:Categorie>01</iwmo:Categorie>"))));
    g.add(new Geval("TR381", w315, r("<iwmo:Code>02A02</iwmo:Code>", "<iwmo:Code>01A02</iwmo:Code>"), NIETS));

    // 317
    g.add(new Geval("TR352", w317, en(rx("<wmo317:OngewijzigdeProducten>.*?</wmo317:OngewijzigdeProducten>", ""), rx("<wmo317:TeWijzigenProducten>.*?</wmo317:TeWijzigenProducten>", "")),
        rx("<wmo317:OngewijzigdeProducten>.*?</wmo317:OngewijzigdeProducten>", "")));
    g.add(new Geval("TR353", w317, en(rx("<wmo317:NieuweProducten>.*?</wmo317:NieuweProducten>", ""), rx("<wmo317:TeWijzigenProducten>.*?</wmo317:TeWijzigenProducten>", "")),
        rx("<wmo317:NieuweProducten>.*?</wmo317:NieuweProducten>", "")));
    g.add(new Geval("TR380", w317, r("<wmo317:Einddatum>2023-12-31", "<wmo317:Einddatum>2023-04-02"),
        r("<wmo317:Einddatum>2023-12-31", "<wmo317:Einddatum>2023-04-03")));
    g.add(new Geval("CS003", w317, r("<wmo317:GewensteIngangsdatum>2023-04-02", "<wmo317:GewensteIngangsdatum>2024-01-01"), NIETS));
    g.add(new Geval("CS338", w317, r("<wmo317:Einddatum>2023-12-31</wmo317:Einddatum>", "<wmo317:Einddatum>2023-12-31</wmo317:Einddatum>" + omvang("wmo317", 2, "16", "1")),
        r("<wmo317:Einddatum>2023-12-31</wmo317:Einddatum>", "<wmo317:Einddatum>2023-12-31</wmo317:Einddatum>" + omvang("wmo317", 2, "16", "2"))));
    g.add(new Geval("CD075", w317, r("<wmo317:Einddatum>2023-12-31</wmo317:Einddatum>", "<wmo317:Budget>1000</wmo317:Budget>"),
        r("<wmo317:Einddatum>2023-12-31</wmo317:Einddatum>", "<wmo317:Einddatum>2023-12-31</wmo317:Einddatum><wmo317:Budget>1000</wmo317:Budget>")));
    g.add(new Geval("CD096", w317, r("<iwmo:Code>01A12</iwmo:Code>", ""),
        en(r("<iwmo:Code>01A12</iwmo:Code>", ""), rx("<wmo317:Omvang>.*?</wmo317:Omvang>", ""))));
    g.add(new Geval("CD079", w317, rx("<wmo317:Product>.*?</wmo317:Product>", ""), NIETS));
    String nieuwProduct = "<wmo317:NieuwProduct>" + product("wmo317", "01", "01A12") + "<wmo317:GewensteIngangsdatum>2023-06-01</wmo317:GewensteIngangsdatum>" + omvang("wmo317", 2, "04", "4") + "</wmo317:NieuwProduct>";
    g.add(new Geval("TR410", w317, r("</wmo317:NieuweProducten>", nieuwProduct + "</wmo317:NieuweProducten>"),
        r("</wmo317:NieuweProducten>", nieuwProduct.replace("01A12", "01A13") + "</wmo317:NieuweProducten>")));
    g.add(new Geval("TR101", w317, r("</wmo317:OngewijzigdeProducten>", "<wmo317:OngewijzigdProduct><wmo317:ToewijzingNummer>10071</wmo317:ToewijzingNummer></wmo317:OngewijzigdProduct></wmo317:OngewijzigdeProducten>"),
        r("</wmo317:OngewijzigdeProducten>", "<wmo317:OngewijzigdProduct><wmo317:ToewijzingNummer>10073</wmo317:ToewijzingNummer></wmo317:OngewijzigdProduct></wmo317:OngewijzigdeProducten>")));
    g.add(new Geval("TR381", w317, r("<iwmo:Code>01A12</iwmo:Code>", "<iwmo:Code>03A12</iwmo:Code>"), NIETS));

    // 319
    g.add(new Geval("CD085", w319, r("<wmo319:RedenAfwijzingVerzoek>7</wmo319:RedenAfwijzingVerzoek>", ""), NIETS));
    g.add(new Geval("CD086", w319, r("<wmo319:VerzoekAntwoord>1<", "<wmo319:VerzoekAntwoord>2<"),
        en(r("<wmo319:VerzoekAntwoord>1<", "<wmo319:VerzoekAntwoord>2<"), r("<wmo319:RedenAfwijzingVerzoek>7</wmo319:RedenAfwijzingVerzoek>", ""))));

    // 323
    g.add(new Geval("CS100", w323, en(r("<iwmo:Begindatum>2023-04-01</iwmo:Begindatum>\n\t\t\t<iwmo:Einddatum>2023-04-30", "<iwmo:Begindatum>2020-12-01</iwmo:Begindatum>\n\t\t\t<iwmo:Einddatum>2020-12-31")),
        NIETS));
    g.add(new Geval("CS340", w323, r("<iwmo:Einddatum>2023-04-30</iwmo:Einddatum>\n\t\t</wmo323:DeclaratiePeriode>", "<iwmo:Einddatum>2023-04-29</iwmo:Einddatum>\n\t\t</wmo323:DeclaratiePeriode>"), NIETS));
    g.add(new Geval("TR137", w323, r("<iwmo:Begindatum>2023-04-01</iwmo:Begindatum>\n\t\t\t<iwmo:Einddatum>2023-04-30", "<iwmo:Begindatum>2023-05-01</iwmo:Begindatum>\n\t\t\t<iwmo:Einddatum>2023-05-31"),
        NIETS));
    g.add(new Geval("TR358", w323, r("<iwmo:TotaalBedrag>58000", "<iwmo:TotaalBedrag>58001"), NIETS));
    g.add(new Geval("CS325", w323, prestaties(0, prestatie("RN1", null, 1, "01A03", "2023-04-01", "2023-04-30", 0, "04", 1250L, 0, "C")),
        prestaties(0, prestatie("RN1", null, 1, "01A03", "2023-04-01", "2023-04-30", 0, "04", 1250L, 0, "D"))));
    g.add(new Geval("TR101", w323, r("<wmo323:Bsn>999900018", "<wmo323:Bsn>999900006"), NIETS));
    g.add(new Geval("TR101", w323, prestaties(10000, debet("RN1", 1), debet("RN1", 2)), prestaties(10000, debet("RN1", 1), debet("RN2", 2))));
    g.add(new Geval("CS100", w323, prestaties(5000, periode323("2020-12-01", "2020-12-31")), NIETS));
    g.add(new Geval("CS337", w323, prestaties(5000, periode323("2023-04-01", "2023-05-01")), prestaties(5000, periode323("2023-04-02", "2023-04-29"))));
    g.add(new Geval("TR134", w323, prestaties(5000, periode323("2023-05-07", "2023-05-31")), prestaties(5000, periode323("2023-05-06", "2023-05-06"))));
    g.add(new Geval("TR137", w323, prestaties(5000, periode323("2023-05-01", "2023-05-31")), prestaties(5000, periode323("2023-05-01", "2023-05-06"))));
    g.add(new Geval("TR137", w323, prestaties(5000, periode323("2023-04-10", "2023-04-09")), NIETS));
    g.add(new Geval("TR335", w323, en(prestaties(5000, periode323("2021-04-01", "2021-04-30")), r("<wmo323:DeclaratieDagtekening>2023-05-06", "<wmo323:DeclaratieDagtekening>2026-05-06")),
        en(prestaties(5000, periode323("2021-05-01", "2021-05-31")), r("<wmo323:DeclaratieDagtekening>2023-05-06", "<wmo323:DeclaratieDagtekening>2026-05-06"))));
    g.add(new Geval("CS339", w323, prestaties(5000, prestatie("RN1", null, 1, "01A03", "2023-04-01", "2023-04-30", 4999, "83", null, 5000, "D")),
        prestaties(5000, prestatie("RN1", null, 1, "01A03", "2023-04-01", "2023-04-30", 5000, "83", null, 5000, "D"))));
    g.add(new Geval("CD087", w323, prestaties(5000, prestatie("RN1", null, 1, "01A03", "2023-04-01", "2023-04-30", 4, "04", null, 5000, "D")), NIETS));
    g.add(new Geval("CD087", w323, prestaties(5000, prestatie("RN1", null, 1, "01A03", "2023-04-01", "2023-04-30", 5000, "83", 1L, 5000, "D")), NIETS));
    g.add(new Geval("CD060", w323, prestaties(-5000, credit("RN2", null, 1)), prestaties(-5000, credit("RN2", "RN0", 1))));
    g.add(new Geval("CD060", w323, prestaties(5000, prestatie("RN1", "RN0", 1, "01A03", "2023-04-01", "2023-04-30", 4, "04", 1250L, 5000, "D")), NIETS));
    g.add(new Geval("TR315", w323, prestaties(-10000, credit("RN2", "RN0", 1), credit("RN3", "RN0", 1)), prestaties(-10000, credit("RN2", "RN0", 1), credit("RN3", "RN9", 1))));
    g.add(new Geval("TR316", w323, prestaties(0, debet("RN1", 1), credit("RN2", "RN1", 1)), prestaties(0, debet("RN1", 1), credit("RN2", "RN0", 1))));
    g.add(new Geval("TR416", w323, prestaties(10000, debet("RN1", 1), debet("RN2", 1)), prestaties(10000, debet("RN1", 1), debet("RN2", 2))));
    g.add(new Geval("TR314", w323, r("<iwmo:ReferentieNummer>RN003", "<iwmo:ReferentieNummer>RN001"), NIETS));
    g.add(new Geval("TR346", w323, en(r("<iwmo:Bedrag>5000</iwmo:Bedrag>", "<iwmo:Bedrag>5001</iwmo:Bedrag>"), r("<iwmo:TotaalBedrag>58000", "<iwmo:TotaalBedrag>58001")), NIETS));
    g.add(new Geval("TR381", w323, r("<wmo323:ProductCode>01A03", "<wmo323:ProductCode>02A03"), NIETS));
    return g;
  }

  @Test
  void theBasesPassEveryRule() {
    for (Berichtsoort soort : List.of(
        Berichtsoort.WMO301, Berichtsoort.WMO305, Berichtsoort.WMO307, Berichtsoort.WMO315,
        Berichtsoort.WMO317, Berichtsoort.WMO319, Berichtsoort.WMO323)) {
      Beoordeling b = beoordeel(soort, basis(soort));
      assertTrue(b.isGoedgekeurd(), soort + ": " + b.bevindingen());
      assertTrue(b.retourcodes().isLeeg());
    }
  }

  @ParameterizedTest(name = "{0} broken")
  @MethodSource("gevallen")
  void theRuleIsBroken(Geval geval) {
    Beoordeling b = beoordeel(geval.soort(), geval.breek().apply(basis(geval.soort())));
    assertTrue(b.regels().contains(geval.regel()), () -> geval + " not found in " + b.bevindingen());
  }

  @ParameterizedTest(name = "{0} kept")
  @MethodSource("gevallen")
  void theRuleIsKept(Geval geval) {
    Beoordeling b = beoordeel(geval.soort(), geval.houd().apply(basis(geval.soort())));
    assertFalse(b.regels().contains(geval.regel()), () -> geval + " found in " + b.bevindingen());
  }

  @Test
  void everyRuleTheClassNamesIsTested() {
    List<String> geteste = gevallen().stream().map(Geval::regel).distinct().sorted().toList();
    List<String> verwacht = List.of(
        "CD005", "CD007", "CD009", "CD025", "CD034", "CD041", "CD043", "CD060", "CD066", "CD067", "CD068",
        "CD075", "CD076", "CD077", "CD078", "CD079", "CD080", "CD085", "CD086", "CD087", "CD095", "CD096",
        "CS002", "CS003", "CS050", "CS058", "CS089", "CS100", "CS139", "CS318", "CS325", "CS335", "CS336",
        "CS337", "CS338", "CS339", "CS340", "CS343",
        "TR002", "TR006", "TR018", "TR061", "TR101", "TR134", "TR135", "TR137", "TR302", "TR314", "TR315",
        "TR316", "TR335", "TR346", "TR352", "TR353", "TR358", "TR378", "TR380", "TR381", "TR383", "TR386",
        "TR410", "TR416");
    assertEquals(verwacht, geteste);
  }
}
