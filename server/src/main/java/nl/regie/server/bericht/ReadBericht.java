package nl.regie.server.bericht;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.regie.protocol.iwmo.bericht.Bericht;
import nl.regie.protocol.iwmo.bericht.Heenbericht;
import nl.regie.protocol.iwmo.json.IwmoJson;
import nl.regie.protocol.iwmo.regels.Beoordeling;
import nl.regie.protocol.iwmo.regels.StatelozeRegels;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import nl.regie.protocol.iwmo.xml.IwmoXmlException;

/**
 * A posted body as read: the bericht, and for a heenbericht the verdict of the rules within one
 * bericht; or, when it cannot be read or does not meet the schema, why (a technical rejection,
 * 0001). JSON is held to the same schema by writing it as XML.
 */
record ReadBericht(Bericht bericht, Beoordeling beoordeling, List<String> problemen) {

  boolean unreadable() {
    return bericht == null;
  }

  static ReadBericht read(byte[] body, Format formaat, StatelozeRegels regels) {
    Bericht bericht;
    try {
      bericht = formaat == Format.XML ? IwmoXml.parse(body) : IwmoJson.parse(new String(body, StandardCharsets.UTF_8));
      if (formaat == Format.JSON) IwmoXml.write(bericht);
    } catch (IwmoXmlException e) {
      return new ReadBericht(null, null, e.problemen().stream().map(Object::toString).toList());
    } catch (RuntimeException e) {
      // The JSON reader names what it could not read; anything else unreadable is the same verdict.
      return new ReadBericht(null, null, List.of(e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage())));
    }
    Beoordeling beoordeling = bericht instanceof Heenbericht heen ? regels.beoordeel(heen) : null;
    return new ReadBericht(bericht, beoordeling, List.of());
  }

  private static String firstLine(String message) {
    return message.lines().findFirst().orElse(message);
  }
}
