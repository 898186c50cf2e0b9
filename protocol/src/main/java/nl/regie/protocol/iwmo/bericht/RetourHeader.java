package nl.regie.protocol.iwmo.bericht;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The header of a retourbericht other than WMO325: the heenbericht's header copied unchanged
 * (IV028), followed by the retour's own identification. Its retourcodes are in the message's
 * {@link Retourcodes} under {@link Klassepad#HEADER}.
 *
 * @param xsltVersie version of the official XSLTs used to check the heenbericht; mandatory when
 *     they rejected it (IV033), else may be null
 * @param xsdVersieRetour schema versions of this retourbericht
 */
public record RetourHeader(
    String afzender,
    String ontvanger,
    BerichtIdentificatie berichtIdentificatie,
    XsdVersie xsdVersie,
    String identificatieRetour,
    LocalDate dagtekeningRetour,
    String xsltVersie,
    XsdVersie xsdVersieRetour) {

  public RetourHeader {
    Objects.requireNonNull(afzender, "afzender");
    Objects.requireNonNull(ontvanger, "ontvanger");
    Objects.requireNonNull(berichtIdentificatie, "berichtIdentificatie");
    Objects.requireNonNull(xsdVersie, "xsdVersie");
    Objects.requireNonNull(identificatieRetour, "identificatieRetour");
    Objects.requireNonNull(dagtekeningRetour, "dagtekeningRetour");
    Objects.requireNonNull(xsdVersieRetour, "xsdVersieRetour");
  }

  /** The retour header for {@code heen}: its fields copied, the retour's own added. */
  public static RetourHeader op(
      Header heen, String identificatieRetour, LocalDate dagtekeningRetour, String xsltVersie) {
    return new RetourHeader(
        heen.afzender(),
        heen.ontvanger(),
        heen.berichtIdentificatie(),
        heen.xsdVersie(),
        identificatieRetour,
        dagtekeningRetour,
        xsltVersie,
        XsdVersie.IWMO_3_2);
  }

  /** The header of the heenbericht this retour answers. */
  public Header heen() {
    return new Header(afzender, ontvanger, berichtIdentificatie, xsdVersie);
  }
}
