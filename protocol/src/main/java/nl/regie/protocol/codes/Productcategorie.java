package nl.regie.protocol.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** iWmo code list WMO020. A product code starts with the code of its category (rule S329). */
public enum Productcategorie implements Code {
  HULP_BIJ_HET_HUISHOUDEN("01", "Hulp bij het huishouden"),
  BEGELEIDING("02", "Begeleiding"),
  PERSOONLIJKE_VERZORGING("03", "Persoonlijke verzorging"),
  KORTDUREND_VERBLIJF("04", "Kortdurend verblijf"),
  WOONDIENSTEN("05", "Woondiensten"),
  OVERIGE_ONDERSTEUNING_INDIVIDU("06", "Overige ondersteuning gericht op het individu of huishouden/gezin"),
  DAGBESTEDING("07", "Dagbesteding"),
  VERVOERDIENSTEN("08", "Vervoerdiensten"),
  OVERIGE_GROEPSGERICHTE_ONDERSTEUNING("09", "Overige groepsgerichte ondersteuning"),
  OVERIGE_MAATWERK_ARRANGEMENTEN("10", "Overige maatwerk arrangementen"),
  ROLSTOELEN("11", "Rolstoelen"),
  VERVOERVOORZIENINGEN("12", "Vervoervoorzieningen"),
  WOONVOORZIENINGEN("13", "Woonvoorzieningen"),
  OVERIGE_HULPMIDDELEN("14", "Overige hulpmiddelen"),
  BESCHERMD_WONEN("15", "Beschermd wonen"),
  OPVANG("16", "Opvang"),
  SPOEDOPVANG("17", "Spoedopvang"),
  OVERIGE_BESCHERMD_WONEN_EN_OPVANG("18", "Overige beschermd wonen en opvang");

  private final String code;
  private final String omschrijving;

  Productcategorie(String code, String omschrijving) {
    this.code = code;
    this.omschrijving = omschrijving;
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  @Override
  public String omschrijving() {
    return omschrijving;
  }

  @JsonCreator
  public static Productcategorie of(String code) {
    return Code.parse(Productcategorie.class, code);
  }

  /** The category a five-character product code belongs to: its first two characters. */
  public static java.util.Optional<Productcategorie> ofProductcode(String productcode) {
    if (productcode == null || productcode.length() < 2) return java.util.Optional.empty();
    return Code.find(Productcategorie.class, productcode.substring(0, 2));
  }
}
