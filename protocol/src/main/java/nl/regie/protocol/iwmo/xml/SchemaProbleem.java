package nl.regie.protocol.iwmo.xml;

/**
 * One reason a document does not conform to its iWmo schema, or cannot be read as XML at all.
 *
 * @param regel line in the document, or -1 when unknown
 * @param kolom column in the document, or -1 when unknown
 * @param melding the parser's or validator's message
 */
public record SchemaProbleem(int regel, int kolom, String melding) {

  @Override
  public String toString() {
    return regel < 0 ? melding : regel + ":" + kolom + " " + melding;
  }
}
