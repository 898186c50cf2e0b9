package nl.regie.protocol.iwmo.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import org.w3c.dom.Document;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validation against the iWmo 3.2 schemas in {@code nl/regie/protocol/iwmo/xsd/} (official for
 * heenberichten, derived for retourberichten; see the README there).
 *
 * <p>Each schema is compiled once, on first use, and shared; validation is thread-safe. Schemas
 * import only {@code basisschema.xsd}, served from the classpath: nothing is fetched from outside.
 */
public final class IwmoSchemas {

  private static final String MAP = "/nl/regie/protocol/iwmo/xsd/";
  private static final Map<Berichtsoort, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private IwmoSchemas() {}

  /**
   * Validates {@code xml} as a bericht of {@code soort}.
   *
   * @return the problems found, empty when the document is valid. Never throws for bad input: a
   *     document that is not well-formed, has a DOCTYPE or is too large is one problem.
   */
  public static List<SchemaProbleem> validate(Berichtsoort soort, byte[] xml) {
    try {
      VeiligeXml.controleerGrootte(xml);
    } catch (IwmoXmlException e) {
      return e.problemen();
    }
    SAXSource bron =
        new SAXSource(VeiligeXml.saxReader(), new InputSource(new ByteArrayInputStream(xml)));
    return validate(soort, bron);
  }

  /** Validates an already parsed document (no line numbers in the problems). */
  static List<SchemaProbleem> validate(Berichtsoort soort, Document document) {
    return validate(soort, new DOMSource(document));
  }

  /** The compiled schema of {@code soort}. */
  public static Schema schema(Berichtsoort soort) {
    return SCHEMAS.computeIfAbsent(soort, IwmoSchemas::compileer);
  }

  private static List<SchemaProbleem> validate(Berichtsoort soort, Source bron) {
    Verzamelaar verzamelaar = new Verzamelaar();
    try {
      Validator validator = schema(soort).newValidator();
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.setErrorHandler(verzamelaar);
      validator.validate(bron);
    } catch (SAXParseException e) {
      // fatal: already collected by the error handler
      if (verzamelaar.problemen.isEmpty()) verzamelaar.problemen.add(VeiligeXml.probleem(e));
    } catch (SAXException e) {
      verzamelaar.problemen.add(new SchemaProbleem(-1, -1, e.getMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(verzamelaar.problemen);
  }

  private static Schema compileer(Berichtsoort soort) {
    try {
      SchemaFactory factory = SchemaFactory.newDefaultInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setResourceResolver(new ClasspathResolver());
      return factory.newSchema(new StreamSource(open(soort.xsd()), soort.xsd()));
    } catch (SAXException e) {
      throw new IllegalStateException("cannot compile " + soort.xsd(), e);
    }
  }

  private static InputStream open(String bestand) {
    InputStream in = IwmoSchemas.class.getResourceAsStream(MAP + bestand);
    if (in == null) throw new IllegalStateException("missing schema " + MAP + bestand);
    return in;
  }

  /** Serves the schemas' imports from the classpath, and only {@code basisschema.xsd}. */
  private static final class ClasspathResolver implements LSResourceResolver {
    @Override
    public LSInput resolveResource(
        String type, String namespaceURI, String publicId, String systemId, String baseURI) {
      if (!"basisschema.xsd".equals(systemId)) {
        throw new IllegalStateException("schema import refused: " + systemId);
      }
      return new Invoer(publicId, systemId, open(systemId));
    }
  }

  private record Invoer(String publicId, String systemId, InputStream byteStream) implements LSInput {
    @Override
    public java.io.Reader getCharacterStream() {
      return null;
    }

    @Override
    public void setCharacterStream(java.io.Reader characterStream) {}

    @Override
    public InputStream getByteStream() {
      return byteStream;
    }

    @Override
    public void setByteStream(InputStream byteStream) {}

    @Override
    public String getStringData() {
      return null;
    }

    @Override
    public void setStringData(String stringData) {}

    @Override
    public String getSystemId() {
      return systemId;
    }

    @Override
    public void setSystemId(String systemId) {}

    @Override
    public String getPublicId() {
      return publicId;
    }

    @Override
    public void setPublicId(String publicId) {}

    @Override
    public String getBaseURI() {
      return null;
    }

    @Override
    public void setBaseURI(String baseURI) {}

    @Override
    public String getEncoding() {
      return null;
    }

    @Override
    public void setEncoding(String encoding) {}

    @Override
    public boolean getCertifiedText() {
      return false;
    }

    @Override
    public void setCertifiedText(boolean certifiedText) {}
  }

  private static final class Verzamelaar implements ErrorHandler {
    final List<SchemaProbleem> problemen = new ArrayList<>();

    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) {
      problemen.add(VeiligeXml.probleem(e));
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      problemen.add(VeiligeXml.probleem(e));
      throw e;
    }
  }
}
