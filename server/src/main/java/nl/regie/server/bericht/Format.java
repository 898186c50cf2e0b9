package nl.regie.server.bericht;

/** How a bericht travels over HTTP: iWmo XML as the standard defines it, or its JSON form. */
public enum Format {
  XML("xml"),
  JSON("json");

  private final String stored;

  Format(String stored) {
    this.stored = stored;
  }

  /** The name under which stored berichten record their format. */
  public String stored() {
    return stored;
  }

  public static Format fromStored(String value) {
    return "json".equals(value) ? JSON : XML;
  }
}
