package nl.regie.protocol.zaak;

/** A cliënt's name as a WMO301 carries it (CDT_VolledigeNaam, simplified to what Regie records). */
public record Naam(String achternaam, String voorvoegsel, String voorletters, String voornamen) {}
