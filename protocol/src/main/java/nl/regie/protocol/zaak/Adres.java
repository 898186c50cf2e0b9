package nl.regie.protocol.zaak;

/** A Dutch address as a WMO301 Contact carries it. */
public record Adres(
    String straatnaam,
    Integer huisnummer,
    String huisletter,
    String huisnummerToevoeging,
    String postcode,
    String plaatsnaam) {}
