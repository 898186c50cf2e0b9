package nl.regie.protocol.iwmo.bericht;

/**
 * A berichtklasse: a part of a bericht that a retourbericht judges on its own with retourcodes
 * (IV028). The element name is the one in the XML; {@link #DECLARATIE} is called Declaratie in a
 * WMO323 and DeclaratieAntwoord in the WMO325 that answers it.
 */
public enum Berichtklasse {
  HEADER("Header", false),
  CLIENT("Client", false),
  RELATIE("Relatie", true),
  CONTACT("Contact", true),
  TOEGEWEZEN_PRODUCT("ToegewezenProduct", true),
  START_PRODUCT("StartProduct", true),
  STOP_PRODUCT("StopProduct", true),
  AANGEVRAAGD_PRODUCT("AangevraagdProduct", true),
  VERZOEK("Verzoek", false),
  ONGEWIJZIGD_PRODUCT("OngewijzigdProduct", true),
  TE_WIJZIGEN_PRODUCT("TeWijzigenProduct", true),
  NIEUW_PRODUCT("NieuwProduct", true),
  ANTWOORD("Antwoord", false),
  DECLARATIE("Declaratie", false),
  PRESTATIE("Prestatie", true);

  private final String element;
  private final boolean herhaalbaar;

  Berichtklasse(String element, boolean herhaalbaar) {
    this.element = element;
    this.herhaalbaar = herhaalbaar;
  }

  /** The XML element name of this berichtklasse. */
  public String element() {
    return element;
  }

  /**
   * Whether the klasse usually occurs more than once under its parent; {@link Klassepad} then
   * always writes its index. (CLIENT repeats only in a declaratie; Klassepad knows.)
   */
  public boolean herhaalbaar() {
    return herhaalbaar;
  }

  static Berichtklasse vanElement(String element) {
    for (Berichtklasse k : values()) {
      if (k.element.equals(element)) return k;
    }
    throw new IllegalArgumentException("'" + element + "' is not a berichtklasse");
  }
}
