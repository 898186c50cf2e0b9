package nl.regie.protocol.iwmo.bericht;

/**
 * CDT_Adres; every part may be null. LandCode is an ISO 3166 alpha-2 code from COD032 (the schema
 * enumerates them); with {@code NL} the Huis is mandatory (CD025) and the Postcode has the Dutch
 * format (CS089).
 */
public record Adres(Huis huis, String postcode, String straatnaam, String plaatsnaam, String landCode) {

  public static final String NEDERLAND = "NL";

  /** A Dutch address. */
  public static Adres nederlands(String straatnaam, Huis huis, String postcode, String plaatsnaam) {
    return new Adres(huis, postcode, straatnaam, plaatsnaam, NEDERLAND);
  }
}
