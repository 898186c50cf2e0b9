package nl.regie.protocol.iwmo.xml;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.regie.protocol.codes.Code;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;

/**
 * Writing side of the mapping: a StAX writer that writes one bericht with the prefixes of the
 * official samples ({@code wmo305}, {@code iwmo}), tab-indented like them. Null values are not
 * written, which is how the optional elements of iWmo are left out.
 */
final class Xw {

  private static final DateTimeFormatter TIJD = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final XMLStreamWriter w;
  private final Berichtsoort soort;
  /** Per open element: whether it has child elements (its end tag then goes on a new line). */
  private final Deque<Boolean> open = new ArrayDeque<>();

  Xw(OutputStream uit, Berichtsoort soort) {
    this.soort = soort;
    try {
      // A factory per bericht: the JDK does not promise that a shared one is thread-safe.
      w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(uit, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.setPrefix("iwmo", Berichtsoort.BASISSCHEMA_NAMESPACE);
      w.setPrefix(soort.prefix(), soort.namespace());
      regel(0);
      w.writeStartElement(soort.prefix(), "Bericht", soort.namespace());
      w.writeNamespace("iwmo", Berichtsoort.BASISSCHEMA_NAMESPACE);
      w.writeNamespace(soort.prefix(), soort.namespace());
      open.push(false);
    } catch (XMLStreamException e) {
      throw fout(e);
    }
  }

  /** Opens a child element in the message namespace. */
  void open(String naam) {
    start(soort.prefix(), soort.namespace(), naam);
  }

  /** Opens a child element in the Basisschema namespace. */
  void openB(String naam) {
    start("iwmo", Berichtsoort.BASISSCHEMA_NAMESPACE, naam);
  }

  void sluit() {
    try {
      boolean metKinderen = open.pop();
      if (metKinderen) regel(open.size());
      w.writeEndElement();
    } catch (XMLStreamException e) {
      throw fout(e);
    }
  }

  /** A simple element in the message namespace; nothing when {@code waarde} is null. */
  void veld(String naam, Object waarde) {
    blad(soort.prefix(), soort.namespace(), naam, waarde);
  }

  /** A simple element in the Basisschema namespace; nothing when {@code waarde} is null. */
  void veldB(String naam, Object waarde) {
    blad("iwmo", Berichtsoort.BASISSCHEMA_NAMESPACE, naam, waarde);
  }

  /** The RetourCodes of the klasse being written; nothing when there are none (heenberichten). */
  void retourcodes(List<Retourcode> codes) {
    if (codes.isEmpty()) return;
    open("RetourCodes");
    for (Retourcode c : codes) veld("RetourCode", c);
    sluit();
  }

  /** Closes the root and the document. */
  void einde() {
    try {
      sluit();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.flush();
      w.close();
    } catch (XMLStreamException e) {
      throw fout(e);
    }
  }

  private void start(String prefix, String ns, String naam) {
    try {
      markeerKind();
      regel(open.size());
      w.writeStartElement(prefix, naam, ns);
      open.push(false);
    } catch (XMLStreamException e) {
      throw fout(e);
    }
  }

  private void blad(String prefix, String ns, String naam, Object waarde) {
    if (waarde == null) return;
    try {
      markeerKind();
      regel(open.size());
      w.writeStartElement(prefix, naam, ns);
      schrijf(tekst(waarde));
      w.writeEndElement();
    } catch (XMLStreamException e) {
      throw fout(e);
    }
  }

  /**
   * {@code text} as element content. An XML reader turns a carriage return in text into a line
   * feed (XML 1.0, section 2.11), so a commentaar with one would not read back the same: written
   * as the reference {@code &#13;} it stays a carriage return.
   */
  private void schrijf(String text) throws XMLStreamException {
    int from = 0;
    for (int cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', from)) {
      w.writeCharacters(text.substring(from, cr));
      w.writeEntityRef("#13");
      from = cr + 1;
    }
    w.writeCharacters(text.substring(from));
  }

  private void markeerKind() {
    if (!open.isEmpty() && !open.peek()) {
      open.pop();
      open.push(true);
    }
  }

  private void regel(int diepte) throws XMLStreamException {
    w.writeCharacters(diepte == 0 && open.isEmpty() ? "\n" : "\n" + "\t".repeat(diepte));
  }

  static String tekst(Object waarde) {
    if (waarde instanceof Code c) return c.code();
    if (waarde instanceof LocalDate d) return d.toString();
    if (waarde instanceof LocalTime t) return t.getNano() == 0 ? TIJD.format(t) : t.toString();
    return waarde.toString();
  }

  private static IllegalStateException fout(XMLStreamException e) {
    return new IllegalStateException("cannot write iWmo XML", e);
  }
}
