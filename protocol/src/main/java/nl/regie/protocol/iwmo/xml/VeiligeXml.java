package nl.regie.protocol.iwmo.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The only way this package parses XML. iWmo berichten never have a DOCTYPE, so any DOCTYPE is
 * refused outright: that rules out external entities (XXE), entity expansion (billion laughs) and
 * external DTDs in one go. External schemas and XInclude are off as well, and secure processing
 * caps what is left. Messages larger than {@link #MAX_BYTES} are refused before parsing.
 */
final class VeiligeXml {

  /** Upper bound for one bericht; a large WMO323 is a few megabytes. */
  static final int MAX_BYTES = 32 * 1024 * 1024;

  private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

  private VeiligeXml() {}

  /** Parses {@code xml} into a namespace-aware DOM. */
  static Document parse(byte[] xml) {
    controleerGrootte(xml);
    try {
      DocumentBuilder builder = documentBuilderFactory().newDocumentBuilder();
      builder.setErrorHandler(STRIKT);
      builder.setEntityResolver((publicId, systemId) -> {
        throw new SAXException("external entity refused: " + systemId);
      });
      return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
    } catch (SAXParseException e) {
      throw new IwmoXmlException("not readable as XML", List.of(probleem(e)));
    } catch (SAXException | IOException e) {
      throw new IwmoXmlException("not readable as XML", List.of(new SchemaProbleem(-1, -1, e.getMessage())));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser lacks a security feature", e);
    }
  }

  /** A namespace-aware SAX reader with the same protections, for schema validation. */
  static XMLReader saxReader() {
    try {
      SAXParserFactory f = SAXParserFactory.newDefaultNSInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature(DISALLOW_DOCTYPE, true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setXIncludeAware(false);
      XMLReader reader = f.newSAXParser().getXMLReader();
      reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      reader.setEntityResolver((publicId, systemId) -> {
        throw new SAXException("external entity refused: " + systemId);
      });
      return reader;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("the JDK XML parser lacks a security feature", e);
    }
  }

  static void controleerGrootte(byte[] xml) {
    if (xml.length > MAX_BYTES) {
      throw new IwmoXmlException(
          "bericht too large",
          List.of(new SchemaProbleem(-1, -1, xml.length + " bytes, at most " + MAX_BYTES)));
    }
  }

  static SchemaProbleem probleem(SAXParseException e) {
    return new SchemaProbleem(e.getLineNumber(), e.getColumnNumber(), e.getMessage());
  }

  private static DocumentBuilderFactory documentBuilderFactory() throws ParserConfigurationException {
    // A new factory per parse: factories are not thread-safe, and newDefaultNSInstance is cheap
    // (no service lookup).
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultNSInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature(DISALLOW_DOCTYPE, true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setIgnoringComments(true);
    return f;
  }

  private static final ErrorHandler STRIKT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };
}
