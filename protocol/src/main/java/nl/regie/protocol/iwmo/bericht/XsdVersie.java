package nl.regie.protocol.iwmo.bericht;

import java.util.Objects;

/**
 * CDT_XsdVersie: the versions of the Basisschema and bericht schema a message was made with
 * (IV034). Every iWmo 3.2 schema Regie carries, the derived retour schemas included, is 1.0.0.
 */
public record XsdVersie(String basisschemaXsdVersie, String berichtXsdVersie) {

  /** The versions in the appinfo of Regie's iWmo 3.2 schemas. */
  public static final XsdVersie IWMO_3_2 = new XsdVersie("1.0.0", "1.0.0");

  public XsdVersie {
    Objects.requireNonNull(basisschemaXsdVersie, "basisschemaXsdVersie");
    Objects.requireNonNull(berichtXsdVersie, "berichtXsdVersie");
  }
}
