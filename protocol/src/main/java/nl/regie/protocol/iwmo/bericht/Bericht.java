package nl.regie.protocol.iwmo.bericht;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One iWmo 3.2 bericht as an immutable record. The fourteen kinds are the records {@code Wmo301}
 * to {@code Wmo325}; {@link #soort()} says which. In JSON the kind is the property {@code
 * berichtsoort} ({@code "WMO305"}); the other properties are the iWmo element names in camelCase.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "berichtsoort")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Wmo301.class, name = "WMO301"),
  @JsonSubTypes.Type(value = Wmo302.class, name = "WMO302"),
  @JsonSubTypes.Type(value = Wmo305.class, name = "WMO305"),
  @JsonSubTypes.Type(value = Wmo306.class, name = "WMO306"),
  @JsonSubTypes.Type(value = Wmo307.class, name = "WMO307"),
  @JsonSubTypes.Type(value = Wmo308.class, name = "WMO308"),
  @JsonSubTypes.Type(value = Wmo315.class, name = "WMO315"),
  @JsonSubTypes.Type(value = Wmo316.class, name = "WMO316"),
  @JsonSubTypes.Type(value = Wmo317.class, name = "WMO317"),
  @JsonSubTypes.Type(value = Wmo318.class, name = "WMO318"),
  @JsonSubTypes.Type(value = Wmo319.class, name = "WMO319"),
  @JsonSubTypes.Type(value = Wmo320.class, name = "WMO320"),
  @JsonSubTypes.Type(value = Wmo323.class, name = "WMO323"),
  @JsonSubTypes.Type(value = Wmo325.class, name = "WMO325")
})
public sealed interface Bericht permits Heenbericht, Retourbericht {

  Berichtsoort soort();

  /** The paths of this bericht's berichtklassen below the header, in document order. */
  List<Klassepad> klassen();
}
