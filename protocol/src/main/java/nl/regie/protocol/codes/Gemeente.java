package nl.regie.protocol.codes;

/** A Dutch gemeente as CBS codes it (four digits, e.g. 0983 Venlo). */
public record Gemeente(String code, String naam, String provincie) {}
