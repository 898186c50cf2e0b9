package nl.regie.protocol.iwmo.bericht;

import java.util.Objects;

/**
 * The header of a WMO325: unlike other retourberichten the gemeente sends it under its own
 * BerichtIdentificatie, and refers to the WMO323 it answers by DeclaratieIdentificatie (that
 * message's BerichtIdentificatie) and XsdVersieDeclaratie (IV087). Its retourcodes (mandatory) are
 * in the message's {@link Retourcodes} under {@link Klassepad#HEADER}.
 */
public record DeclaratieAntwoordHeader(
    String afzender,
    String ontvanger,
    BerichtIdentificatie berichtIdentificatie,
    XsdVersie xsdVersie,
    BerichtIdentificatie declaratieIdentificatie,
    String xsltVersie,
    XsdVersie xsdVersieDeclaratie) {

  public DeclaratieAntwoordHeader {
    Objects.requireNonNull(afzender, "afzender");
    Objects.requireNonNull(ontvanger, "ontvanger");
    Objects.requireNonNull(berichtIdentificatie, "berichtIdentificatie");
    Objects.requireNonNull(xsdVersie, "xsdVersie");
    Objects.requireNonNull(declaratieIdentificatie, "declaratieIdentificatie");
    Objects.requireNonNull(xsdVersieDeclaratie, "xsdVersieDeclaratie");
  }
}
