package nl.regie.server.bericht;

/** How a bericht travels over HTTP: iWmo XML as the standard defines it, or its JSON form. */
public enum Formaat {
  XML("xml"),
  JSON("json");

  private final String opslag;

  Formaat(String opslag) {
    this.opslag = opslag;
  }

  /** The name under which stored berichten record their format. */
  public String opslag() {
    return opslag;
  }

  public static Formaat vanOpslag(String value) {
    return "json".equals(value) ? JSON : XML;
  }
}
