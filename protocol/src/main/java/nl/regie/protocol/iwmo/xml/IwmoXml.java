package nl.regie.protocol.iwmo.xml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Bericht;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.bericht.Wmo302;
import nl.regie.protocol.iwmo.bericht.Wmo305;
import nl.regie.protocol.iwmo.bericht.Wmo306;
import nl.regie.protocol.iwmo.bericht.Wmo307;
import nl.regie.protocol.iwmo.bericht.Wmo308;
import nl.regie.protocol.iwmo.bericht.Wmo315;
import nl.regie.protocol.iwmo.bericht.Wmo316;
import nl.regie.protocol.iwmo.bericht.Wmo317;
import nl.regie.protocol.iwmo.bericht.Wmo318;
import nl.regie.protocol.iwmo.bericht.Wmo319;
import nl.regie.protocol.iwmo.bericht.Wmo320;
import nl.regie.protocol.iwmo.bericht.Wmo323;
import nl.regie.protocol.iwmo.bericht.Wmo325;
import org.w3c.dom.Document;

/**
 * Reads and writes iWmo 3.2 berichten as XML in the iWmo namespaces.
 *
 * <p>Why hand-written mapping (DOM to read, StAX to write) instead of JAXB or Jackson XML: the
 * public API is the records in {@code nl.regie.protocol.iwmo.bericht}, so JAXB would add generated
 * classes, a runtime and a build plugin only to be copied into records anyway; Jackson XML handles
 * the two namespaces per document, the list wrappers and records poorly. The JDK's parsers need no
 * dependency and can be locked down completely (see {@code VeiligeXml}). The mapping is small
 * because retourberichten share it with their heenbericht, adding only RetourCodes per klasse.
 *
 * <p>Reading is safe: a DOCTYPE is rejected (no DTDs, external entities or entity expansion), and
 * every document is validated against its schema before it is mapped. Writing validates the
 * result, so every bericht Regie writes conforms to its schema. All methods are thread-safe.
 */
public final class IwmoXml {

  private IwmoXml() {}

  /**
   * Reads any iWmo 3.2 bericht; its soort follows from the namespace of the root element.
   *
   * @throws IwmoXmlException when the document is not well-formed, has a DOCTYPE, is not an iWmo
   *     3.2 bericht, does not validate against its schema (problems with line numbers), or has a
   *     date or time that xs:date or xs:time allows but Regie does not read (a year of five digits,
   *     {@code 24:00:00})
   */
  public static Bericht parse(byte[] xml) {
    Document document = VeiligeXml.parse(xml);
    String namespace = document.getDocumentElement().getNamespaceURI();
    Berichtsoort soort =
        Berichtsoort.vanNamespace(namespace)
            .orElseThrow(
                () ->
                    new IwmoXmlException(
                        "not an iWmo 3.2 bericht",
                        List.of(new SchemaProbleem(-1, -1, "root namespace " + namespace))));
    List<SchemaProbleem> problemen = IwmoSchemas.validate(soort, xml);
    if (!problemen.isEmpty()) {
      throw new IwmoXmlException(soort + " does not conform to its schema", problemen);
    }
    try {
      return lees(soort, new El(document.getDocumentElement()));
    } catch (DateTimeException e) {
      throw new IwmoXmlException(soort + " has a date or time Regie cannot read", List.of(new SchemaProbleem(-1, -1, e.getMessage())));
    }
  }

  /**
   * The soort of the bericht in {@code xml}, from the namespace of its root element, without
   * validating it; empty when the document cannot be read safely or is not iWmo 3.2.
   */
  public static java.util.Optional<Berichtsoort> soort(byte[] xml) {
    try {
      return Berichtsoort.vanNamespace(VeiligeXml.parse(xml).getDocumentElement().getNamespaceURI());
    } catch (IwmoXmlException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * Reads a bericht that must be of type {@code type}.
   *
   * @throws IwmoXmlException as {@link #parse(byte[])}, or when the bericht is of another soort
   */
  public static <T extends Bericht> T parse(byte[] xml, Class<T> type) {
    Bericht bericht = parse(xml);
    if (!type.isInstance(bericht)) {
      throw new IwmoXmlException(
          "expected " + type.getSimpleName(),
          List.of(new SchemaProbleem(-1, -1, "got " + bericht.soort())));
    }
    return type.cast(bericht);
  }

  /**
   * Writes {@code bericht} as UTF-8 XML with the prefixes of the official samples, and checks the
   * result against the schema.
   *
   * @throws IwmoXmlException when the result does not validate (a value the records do not
   *     constrain, such as a name longer than 200 characters, breaks the schema)
   */
  public static byte[] write(Bericht bericht) {
    ByteArrayOutputStream uit = new ByteArrayOutputStream(4096);
    Xw w = new Xw(uit, bericht.soort());
    schrijf(w, bericht);
    w.einde();
    byte[] xml = uit.toByteArray();
    List<SchemaProbleem> problemen = IwmoSchemas.validate(bericht.soort(), xml);
    if (!problemen.isEmpty()) {
      throw new IwmoXmlException(bericht.soort() + " would not conform to its schema", problemen);
    }
    return xml;
  }

  /** {@link #write(Bericht)} as a string. */
  public static String writeString(Bericht bericht) {
    return new String(write(bericht), StandardCharsets.UTF_8);
  }

  private static Bericht lees(Berichtsoort soort, El root) {
    El h = root.kind("Header");
    Map<Klassepad, List<Retourcode>> codes = new TreeMap<>();
    return switch (soort) {
      case WMO301 -> new Wmo301(XmlCdt.header(h), Xml301.client(root.kind("Client"), null));
      case WMO305 -> new Wmo305(XmlCdt.header(h), XmlStartStop.start(root.kind("Client"), null));
      case WMO307 -> new Wmo307(XmlCdt.header(h), XmlStartStop.stop(root.kind("Client"), null));
      case WMO315 -> new Wmo315(XmlCdt.header(h), Xml315.client(root.kind("Client"), null));
      case WMO317 -> new Wmo317(XmlCdt.header(h), Xml317.client(root.kind("Client"), null));
      case WMO319 -> new Wmo319(XmlCdt.header(h), Xml319.antwoord(root.kind("Antwoord"), null));
      case WMO323 -> new Wmo323(XmlCdt.header(h), Xml323.declaratie(root.kind("Declaratie")));
      case WMO302 -> {
        var header = XmlCdt.retourHeader(h, codes);
        El c = root.optKind("Client");
        yield new Wmo302(header, c == null ? null : Xml301.client(c, codes), Retourcodes.van(codes));
      }
      case WMO306 -> {
        var header = XmlCdt.retourHeader(h, codes);
        El c = root.optKind("Client");
        yield new Wmo306(header, c == null ? null : XmlStartStop.start(c, codes), Retourcodes.van(codes));
      }
      case WMO308 -> {
        var header = XmlCdt.retourHeader(h, codes);
        El c = root.optKind("Client");
        yield new Wmo308(header, c == null ? null : XmlStartStop.stop(c, codes), Retourcodes.van(codes));
      }
      case WMO316 -> {
        var header = XmlCdt.retourHeader(h, codes);
        El c = root.optKind("Client");
        yield new Wmo316(header, c == null ? null : Xml315.client(c, codes), Retourcodes.van(codes));
      }
      case WMO318 -> {
        var header = XmlCdt.retourHeader(h, codes);
        El c = root.optKind("Client");
        yield new Wmo318(header, c == null ? null : Xml317.client(c, codes), Retourcodes.van(codes));
      }
      case WMO320 -> {
        var header = XmlCdt.retourHeader(h, codes);
        El a = root.optKind("Antwoord");
        yield new Wmo320(header, a == null ? null : Xml319.antwoord(a, codes), Retourcodes.van(codes));
      }
      case WMO325 -> {
        var header = Xml323.antwoordHeader(h, codes);
        El a = root.optKind("DeclaratieAntwoord");
        yield new Wmo325(header, a == null ? null : Xml323.antwoord(a, codes), Retourcodes.van(codes));
      }
    };
  }

  private static void schrijf(Xw w, Bericht bericht) {
    if (bericht instanceof Wmo301 b) {
      XmlCdt.header(w, b.soort(), b.header());
      Xml301.client(w, b.client(), Retourcodes.GEEN);
      return;
    }
    if (bericht instanceof Wmo305 b) {
      XmlCdt.header(w, b.soort(), b.header());
      XmlStartStop.start(w, b.client(), Retourcodes.GEEN);
      return;
    }
    if (bericht instanceof Wmo307 b) {
      XmlCdt.header(w, b.soort(), b.header());
      XmlStartStop.stop(w, b.client(), Retourcodes.GEEN);
      return;
    }
    if (bericht instanceof Wmo315 b) {
      XmlCdt.header(w, b.soort(), b.header());
      Xml315.client(w, b.client(), Retourcodes.GEEN);
      return;
    }
    if (bericht instanceof Wmo317 b) {
      XmlCdt.header(w, b.soort(), b.header());
      Xml317.client(w, b.client(), Retourcodes.GEEN);
      return;
    }
    if (bericht instanceof Wmo319 b) {
      XmlCdt.header(w, b.soort(), b.header());
      Xml319.antwoord(w, b.antwoord(), Retourcodes.GEEN);
      return;
    }
    if (bericht instanceof Wmo323 b) {
      XmlCdt.header(w, b.soort(), b.header());
      Xml323.declaratie(w, b.declaratie());
      return;
    }
    if (bericht instanceof Wmo302 b) {
      XmlCdt.retourHeader(w, b.soort(), b.header(), b.retourcodes().van(Klassepad.HEADER));
      if (b.client() != null) Xml301.client(w, b.client(), b.retourcodes());
      return;
    }
    if (bericht instanceof Wmo306 b) {
      XmlCdt.retourHeader(w, b.soort(), b.header(), b.retourcodes().van(Klassepad.HEADER));
      if (b.client() != null) XmlStartStop.start(w, b.client(), b.retourcodes());
      return;
    }
    if (bericht instanceof Wmo308 b) {
      XmlCdt.retourHeader(w, b.soort(), b.header(), b.retourcodes().van(Klassepad.HEADER));
      if (b.client() != null) XmlStartStop.stop(w, b.client(), b.retourcodes());
      return;
    }
    if (bericht instanceof Wmo316 b) {
      XmlCdt.retourHeader(w, b.soort(), b.header(), b.retourcodes().van(Klassepad.HEADER));
      if (b.client() != null) Xml315.client(w, b.client(), b.retourcodes());
      return;
    }
    if (bericht instanceof Wmo318 b) {
      XmlCdt.retourHeader(w, b.soort(), b.header(), b.retourcodes().van(Klassepad.HEADER));
      if (b.client() != null) Xml317.client(w, b.client(), b.retourcodes());
      return;
    }
    if (bericht instanceof Wmo320 b) {
      XmlCdt.retourHeader(w, b.soort(), b.header(), b.retourcodes().van(Klassepad.HEADER));
      if (b.antwoord() != null) Xml319.antwoord(w, b.antwoord(), b.retourcodes());
      return;
    }
    if (bericht instanceof Wmo325 b) {
      Xml323.antwoordHeader(w, b.header(), b.retourcodes().van(Klassepad.HEADER));
      if (b.declaratieAntwoord() != null) Xml323.antwoord(w, b.declaratieAntwoord(), b.retourcodes());
      return;
    }
    throw new IllegalArgumentException("unknown bericht " + bericht.getClass());
  }
}
