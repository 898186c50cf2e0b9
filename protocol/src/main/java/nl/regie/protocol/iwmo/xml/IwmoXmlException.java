package nl.regie.protocol.iwmo.xml;

import java.util.List;

/**
 * A document that Regie will not read or write as iWmo: not well-formed, hostile (a DOCTYPE), not
 * an iWmo 3.2 bericht, or not valid against its schema. The problems say why. For a received
 * heenbericht this is controleniveau 1 (IV032): the sender gets an error, not a retourbericht.
 */
public class IwmoXmlException extends RuntimeException {

  private final transient List<SchemaProbleem> problemen;

  public IwmoXmlException(String message, List<SchemaProbleem> problemen) {
    super(message + (problemen.isEmpty() ? "" : ": " + problemen.get(0)));
    this.problemen = List.copyOf(problemen);
  }

  public List<SchemaProbleem> problemen() {
    return problemen;
  }
}
