package nl.regie.protocol.iwmo.xml;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.regie.protocol.iwmo.Voorbeelden;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile documents are refused before anything in them is acted on: no file is read, no entity
 * expanded, no DTD fetched. Both entry points are covered: parsing and schema validation.
 */
class HostileXmlTest {

  private static final String GEHEIM = "GEHEIM-7f3a9c";

  @TempDir Path map;

  /** A valid 305 whose Achternaam is replaced by {@code &e;}, with {@code doctype} in front. */
  private static byte[] metDoctype(String doctype) {
    String xml =
        Voorbeelden.tekst(Berichtsoort.WMO305)
            .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype)
            .replace("<iwmo:Achternaam>Wit</iwmo:Achternaam>", "<iwmo:Achternaam>&e;</iwmo:Achternaam>");
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  private void weigert(byte[] xml) {
    IwmoXmlException e = assertThrows(IwmoXmlException.class, () -> IwmoXml.parse(xml));
    assertFalse(e.getMessage().contains(GEHEIM), e.getMessage());
    assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    List<SchemaProbleem> problemen = IwmoSchemas.validate(Berichtsoort.WMO305, xml);
    assertFalse(problemen.isEmpty());
    assertFalse(problemen.toString().contains(GEHEIM), problemen.toString());
  }

  @Test
  void externalEntityIsNotRead() throws IOException {
    Path geheim = Files.writeString(map.resolve("geheim.txt"), GEHEIM);
    weigert(metDoctype("<!DOCTYPE wmo305:Bericht [<!ENTITY e SYSTEM \"" + geheim.toUri() + "\">]>"));
  }

  @Test
  void externalParameterEntityAndDtdAreNotFetched() throws IOException {
    Path dtd = Files.writeString(map.resolve("x.dtd"), "<!ENTITY e \"" + GEHEIM + "\">");
    weigert(metDoctype("<!DOCTYPE wmo305:Bericht [<!ENTITY % p SYSTEM \"" + dtd.toUri() + "\"> %p;]>"));
    weigert(metDoctype("<!DOCTYPE wmo305:Bericht SYSTEM \"" + dtd.toUri() + "\">"));
  }

  @Test
  void billionLaughsIsRefusedQuickly() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE wmo305:Bericht [<!ENTITY l0 \"lol\">");
    for (int i = 1; i <= 12; i++) {
      dtd.append("<!ENTITY l").append(i).append(" \"");
      dtd.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    dtd.append("<!ENTITY e \"&l12;\">]>");
    byte[] xml = metDoctype(dtd.toString());
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> weigert(xml));
  }

  @Test
  void anyDoctypeIsRefused() {
    weigert(metDoctype("<!DOCTYPE wmo305:Bericht [<!ENTITY e \"Wit\">]>"));
  }

  @Test
  void anOversizedDocumentIsRefusedUnread() {
    byte[] groot = new byte[VeiligeXml.MAX_BYTES + 1];
    assertThrows(IwmoXmlException.class, () -> IwmoXml.parse(groot));
    assertFalse(IwmoSchemas.validate(Berichtsoort.WMO305, groot).isEmpty());
  }
}
