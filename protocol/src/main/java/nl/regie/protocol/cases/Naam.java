package nl.regie.protocol.cases;

/** A cliënt's name as a WMO301 carries it (CDT_VolledigeNaam, simplified to what Regie records). */
public record Naam(String achternaam, String voorvoegsel, String voorletters, String voornamen) {}
