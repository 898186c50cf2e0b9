package nl.regie.protocol.cases;

/** A Dutch address as a WMO301 Contact carries it. */
public record Adres(
    String straatnaam,
    Integer huisnummer,
    String huisletter,
    String huisnummerToevoeging,
    String postcode,
    String plaatsnaam) {}
