package nl.regie.protocol.iwmo.xml;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.regie.protocol.codes.Code;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reading side of the mapping: a DOM element of a schema-valid bericht with typed accessors by
 * local name. Documents are validated before they are read, so a missing mandatory child is a bug
 * in the mapping, not in the input, and fails loudly.
 */
final class El {

  private final Element element;

  El(Element element) {
    this.element = element;
  }

  String naam() {
    return element.getLocalName();
  }

  String namespace() {
    return element.getNamespaceURI();
  }

  El kind(String naam) {
    El kind = optKind(naam);
    if (kind == null) throw new IllegalStateException(naam() + " has no " + naam);
    return kind;
  }

  El optKind(String naam) {
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && naam.equals(e.getLocalName())) return new El(e);
    }
    return null;
  }

  List<El> kinderen(String naam) {
    List<El> uit = new ArrayList<>();
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && naam.equals(e.getLocalName())) uit.add(new El(e));
    }
    return uit;
  }

  /** The items of an optional list wrapper, e.g. {@code lijst("StartProducten", "StartProduct")}. */
  <T> List<T> lijst(String wrapper, String item, Function<El, T> lezer) {
    El w = optKind(wrapper);
    if (w == null) return List.of();
    List<T> uit = new ArrayList<>();
    for (El e : w.kinderen(item)) uit.add(lezer.apply(e));
    return uit;
  }

  /** Text as written: xs:string keeps its whitespace. */
  String tekst() {
    return element.getTextContent();
  }

  String str(String naam) {
    return kind(naam).tekst();
  }

  String optStr(String naam) {
    El k = optKind(naam);
    return k == null ? null : k.tekst();
  }

  LocalDate datum(String naam) {
    return LocalDate.parse(kind(naam).tekst().trim());
  }

  LocalDate optDatum(String naam) {
    El k = optKind(naam);
    return k == null ? null : LocalDate.parse(k.tekst().trim());
  }

  LocalTime tijd(String naam) {
    return LocalTime.parse(kind(naam).tekst().trim());
  }

  long lang(String naam) {
    return geheel(kind(naam).tekst());
  }

  Long optLang(String naam) {
    El k = optKind(naam);
    return k == null ? null : geheel(k.tekst());
  }

  <E extends Enum<E> & Code> E code(Class<E> type, String naam) {
    return Code.parse(type, kind(naam).tekst().trim());
  }

  <E extends Enum<E> & Code> E optCode(Class<E> type, String naam) {
    El k = optKind(naam);
    return k == null ? null : Code.parse(type, k.tekst().trim());
  }

  /**
   * Collects this klasse's RetourCodes under {@code pad} when reading a retourbericht ({@code
   * codes} is null for a heenbericht).
   */
  void retourcodes(Klassepad pad, Map<Klassepad, List<Retourcode>> codes) {
    if (codes == null) return;
    List<Retourcode> lijst = lijst("RetourCodes", "RetourCode", e -> Retourcode.of(e.tekst().trim()));
    if (!lijst.isEmpty()) codes.put(pad, lijst);
  }

  private static long geheel(String tekst) {
    // xs:integer allows a sign and leading zeros; the schemas bound the values to fit a long.
    return new BigInteger(tekst.trim()).longValueExact();
  }
}
