package nl.regie.protocol.iwmo.regels;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import nl.regie.protocol.codes.Gemeenten;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Bericht;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Heenbericht;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.bericht.Wmo305;
import nl.regie.protocol.iwmo.bericht.Wmo307;
import nl.regie.protocol.iwmo.bericht.Wmo315;
import nl.regie.protocol.iwmo.bericht.Wmo317;
import nl.regie.protocol.iwmo.bericht.Wmo319;
import nl.regie.protocol.iwmo.bericht.Wmo323;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import nl.regie.protocol.iwmo.xml.IwmoXmlException;
import nl.regie.protocol.iwmo.xml.SchemaProbleem;

/**
 * The iWmo 3.2 rules that can be checked within one heenbericht, without knowing earlier berichten:
 *
 * <ul>
 *   <li>controleniveau 1, the schema ({@link #ontvang}), and 2, the rules the official XSLTs check:
 *       CS002 (BSN elfproef), dates in order (CS003, TR018, TR137), not after the Dagtekening
 *       (TR134) and not more than 120 years before it (TR002), code-list restrictions (CS058, CS318,
 *       CS335, CS336), the conditions between elements (CD...), duplicates (TR101) and overlapping
 *       products (TR302, TR386, TR410), declaratie sums and periods (TR358, CS340, ...). Any of them
 *       rejects the whole message with 0001;
 *   <li>controleniveau 4 with what Regie has: Dagtekening not after today (TR135, 8848), the CBS
 *       gemeentecode (TR378, S300), the product code list (TR381, S329) and IngediendBedrag =
 *       volume × tarief (TR346, 9346). These reject their berichtklasse with their own code;
 *   <li>of controleniveau 3 only what shows within the message (TR314, 8021).
 * </ul>
 *
 * Everything else at level 3 (9019, 9056, 9074, 9326, 9332, ...) needs earlier berichten and is the
 * server's. Immutable and thread-safe.
 */
public final class StatelozeRegels {

  private final Clock klok;
  private final Productcodelijst productcodes;
  private final Predicate<String> gemeentecodeBestaat;

  /**
   * @param klok the receiver's system clock, for TR135 (8848)
   * @param productcodes the product code list in use, for TR381 (S329)
   * @param gemeentecodeBestaat whether a gemeentecode is in the CBS list, for TR378 (S300)
   */
  public StatelozeRegels(Clock klok, Productcodelijst productcodes, Predicate<String> gemeentecodeBestaat) {
    this.klok = Objects.requireNonNull(klok);
    this.productcodes = Objects.requireNonNull(productcodes);
    this.gemeentecodeBestaat = Objects.requireNonNull(gemeentecodeBestaat);
  }

  /** The rules with product codes that start with their categorie and today's CBS list. */
  public static StatelozeRegels standaard(Clock klok) {
    return new StatelozeRegels(klok, Productcodelijst.CATEGORIE_PREFIX, Gemeenten::exists);
  }

  /** Checks a parsed (hence schema-valid) heenbericht. */
  public Beoordeling beoordeel(Heenbericht bericht) {
    Toets t = new Toets(bericht, LocalDate.now(klok), productcodes, gemeentecodeBestaat);
    Gedeeld.header(t);
    if (bericht instanceof Wmo301 b) Regels301.toets(t, b);
    else if (bericht instanceof Wmo305 b) RegelsStartStop.toets(t, b);
    else if (bericht instanceof Wmo307 b) RegelsStartStop.toets(t, b);
    else if (bericht instanceof Wmo315 b) Regels315.toets(t, b);
    else if (bericht instanceof Wmo317 b) Regels317.toets(t, b);
    else if (bericht instanceof Wmo319 b) Regels319.toets(t, b);
    else if (bericht instanceof Wmo323 b) Regels323.toets(t, b);
    return new Beoordeling(bericht.soort(), t.bevindingen());
  }

  /**
   * Reads a received document and checks it: the one call for an incoming heenbericht. A document
   * that cannot be read or does not validate gives no bericht and a verdict at controleniveau 1
   * (regel {@code XSD}, 0001 on the Header, one finding per problem). A retourbericht is refused
   * the same way: the rules are for heenberichten.
   */
  public Ontvangst ontvang(byte[] xml) {
    Berichtsoort soort = IwmoXml.soort(xml).orElse(null);
    Bericht bericht;
    try {
      bericht = IwmoXml.parse(xml);
    } catch (IwmoXmlException e) {
      return new Ontvangst(null, new Beoordeling(soort, formaat(e.problemen())));
    }
    if (bericht instanceof Heenbericht heen) return new Ontvangst(heen, beoordeel(heen));
    return new Ontvangst(
        null, new Beoordeling(soort, formaat(List.of(new SchemaProbleem(-1, -1, soort + " is geen heenbericht")))));
  }

  private static List<Bevinding> formaat(List<SchemaProbleem> problemen) {
    return problemen.stream()
        .map(p -> new Bevinding("XSD", Controleniveau.BERICHTFORMAAT, Klassepad.HEADER, Retourcode.R0001, p.toString()))
        .toList();
  }
}
