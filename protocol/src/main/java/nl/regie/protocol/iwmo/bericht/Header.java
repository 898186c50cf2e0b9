package nl.regie.protocol.iwmo.bericht;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The header of a heenbericht. BerichtCode, BerichtVersie and BerichtSubversie are fixed by the
 * {@link Berichtsoort} and written from it, so they are not fields here.
 *
 * @param afzender gemeentecode (four digits) or AGB-code (eight digits), see {@link
 *     Berichtsoort#gemeenteIsAfzender()}
 * @param ontvanger the other party, likewise
 */
public record Header(
    String afzender, String ontvanger, BerichtIdentificatie berichtIdentificatie, XsdVersie xsdVersie) {

  public Header {
    Objects.requireNonNull(afzender, "afzender");
    Objects.requireNonNull(ontvanger, "ontvanger");
    Objects.requireNonNull(berichtIdentificatie, "berichtIdentificatie");
    Objects.requireNonNull(xsdVersie, "xsdVersie");
  }

  /** A header for a message Regie makes now, with its own schema versions. */
  public static Header van(String afzender, String ontvanger, String identificatie, LocalDate dagtekening) {
    return new Header(
        afzender, ontvanger, new BerichtIdentificatie(identificatie, dagtekening), XsdVersie.IWMO_3_2);
  }

  public LocalDate dagtekening() {
    return berichtIdentificatie.dagtekening();
  }

  /** The gemeentecode in this header, given the kind of message it heads. */
  public String gemeente(Berichtsoort soort) {
    return soort.gemeenteIsAfzender() ? afzender : ontvanger;
  }

  /** The AGB-code of the aanbieder in this header, given the kind of message it heads. */
  public String aanbieder(Berichtsoort soort) {
    return soort.gemeenteIsAfzender() ? ontvanger : afzender;
  }
}
