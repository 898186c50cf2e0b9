package nl.regie.protocol.iwmo.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.regie.protocol.iwmo.Voorbeelden;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Proves the derived iWmo retour schemas (see the README beside the schemas): they compile, the
 * real iWmo retour samples validate against them, and they are exactly the official heenbericht
 * schema plus the retour changes iJw 3.2 applies.
 */
class DerivedSchemaTest {

  private static final String XS = "http://www.w3.org/2001/XMLSchema";

  @ParameterizedTest
  @EnumSource(Berichtsoort.class)
  void everySchemaCompiles(Berichtsoort soort) {
    assertTrue(IwmoSchemas.schema(soort) != null);
  }

  @ParameterizedTest
  @EnumSource(names = {"WMO306", "WMO308"})
  void realIwmoRetourSamplesValidateAgainstTheDerivedSchemas(Berichtsoort soort) {
    assertEquals(List.of(), IwmoSchemas.validate(soort, Voorbeelden.voorbeeld(soort)));
  }

  @Test
  void everyOfficialSampleValidatesAgainstItsSchemaAndNotAgainstAnother() {
    for (Berichtsoort soort : Voorbeelden.MET_VOORBEELD) {
      byte[] xml = Voorbeelden.voorbeeld(soort);
      assertEquals(List.of(), IwmoSchemas.validate(soort, xml), soort.name());
      Berichtsoort ander = soort == Berichtsoort.WMO301 ? Berichtsoort.WMO302 : Berichtsoort.WMO301;
      assertFalse(IwmoSchemas.validate(ander, xml).isEmpty(), soort + " as " + ander);
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"WMO302", "WMO306", "WMO308", "WMO316", "WMO318", "WMO320"})
  void retourSchemaIsTheOfficialHeenSchemaWithTheRetourChanges(Berichtsoort retour) {
    Berichtsoort heen = retour.heen().orElseThrow();
    Map<String, List<String>> verwacht = structuur(heen, retour.prefix());
    String p = retour.prefix();
    for (Map.Entry<String, List<String>> type : verwacht.entrySet()) {
      List<String> elementen = type.getValue();
      switch (type.getKey()) {
        case "Root" -> elementen.set(1, elementen.get(1).replace("[1..1]", "[0..1]"));
        case "Header" -> {
          elementen.add("IdentificatieRetour iwmo:LDT_IdentificatieBericht [1..1]");
          elementen.add("DagtekeningRetour iwmo:LDT_Datum [1..1]");
          elementen.add("XsltVersie iwmo:LDT_Versie [0..1]");
          elementen.add("XsdVersieRetour iwmo:CDT_XsdVersie [1..1]");
          elementen.add("RetourCodes " + p + ":RetourCodes [0..1]");
        }
        default -> {
          boolean lijst = elementen.size() == 1 && elementen.get(0).endsWith("..unbounded]");
          if (!lijst) elementen.add("RetourCodes " + p + ":RetourCodes [1..1]");
        }
      }
    }
    verwacht.put("RetourCodes", new ArrayList<>(List.of("RetourCode iwmo:LDT_RetourCode [1..unbounded]")));
    assertEquals(verwacht, structuur(retour, p));
    assertEquals(retour.code(), berichtCode(retour));
  }

  @Test
  void wmo325MatchesTheMasterOverviewAndTheWmo323Types() {
    Map<String, List<String>> s325 = structuur(Berichtsoort.WMO325, "wmo325");
    Map<String, List<String>> s323 = structuur(Berichtsoort.WMO323, "wmo325");
    assertEquals(
        List.of(
            "BerichtCode null [1..1]",
            "BerichtVersie null [1..1]",
            "BerichtSubversie null [1..1]",
            "Afzender iwmo:LDT_Gemeente [1..1]",
            "Ontvanger iwmo:LDT_AgbCode [1..1]",
            "BerichtIdentificatie iwmo:CDT_BerichtIdentificatie [1..1]",
            "XsdVersie iwmo:CDT_XsdVersie [1..1]",
            "DeclaratieIdentificatie iwmo:CDT_BerichtIdentificatie [1..1]",
            "XsltVersie iwmo:LDT_Versie [0..1]",
            "XsdVersieDeclaratie iwmo:CDT_XsdVersie [1..1]",
            "RetourCodes wmo325:RetourCodes [1..1]"),
        s325.get("Header"));
    assertEquals(
        List.of(
            "DeclaratieNummer iwmo:LDT_IdentificatieDeclaratie [1..1]",
            "TotaalIngediendBedrag iwmo:CDT_TotaalBedragMetDC [1..1]",
            "TotaalToegekendBedrag iwmo:CDT_TotaalBedragMetDC [1..1]",
            "Clienten wmo325:Clienten [0..1]",
            "RetourCodes wmo325:RetourCodes [1..1]"),
        s325.get("DeclaratieAntwoord"));
    for (String type : List.of("Client", "Prestatie")) {
      List<String> metCodes = new ArrayList<>(s323.get(type));
      metCodes.add("RetourCodes wmo325:RetourCodes [1..1]");
      assertEquals(metCodes, s325.get(type), type);
    }
    assertEquals("485", berichtCode(Berichtsoort.WMO325));
  }

  /** Per complexType: its elements as "name type [min..max]", the message prefix normalised. */
  private static Map<String, List<String>> structuur(Berichtsoort soort, String prefix) {
    Document xsd = lees(soort);
    Map<String, List<String>> typen = new LinkedHashMap<>();
    for (Element type : kinderen(xsd.getDocumentElement(), "complexType")) {
      List<String> elementen = new ArrayList<>();
      for (Element sequence : kinderen(type, "sequence")) {
        for (Element e : kinderen(sequence, "element")) {
          String t = e.hasAttribute("type") ? e.getAttribute("type").replace(soort.prefix() + ":", prefix + ":") : "null";
          String max = e.hasAttribute("maxOccurs") ? e.getAttribute("maxOccurs") : "1";
          String min = e.hasAttribute("minOccurs") ? e.getAttribute("minOccurs") : "1";
          elementen.add(e.getAttribute("name") + " " + t + " [" + min + ".." + max + "]");
        }
      }
      typen.put(type.getAttribute("name"), elementen);
    }
    return typen;
  }

  private static String berichtCode(Berichtsoort soort) {
    Document xsd = lees(soort);
    var patronen = xsd.getElementsByTagNameNS(XS, "pattern");
    return ((Element) patronen.item(0)).getAttribute("value");
  }

  private static List<Element> kinderen(Element ouder, String naam) {
    List<Element> uit = new ArrayList<>();
    for (Node n = ouder.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && XS.equals(e.getNamespaceURI()) && naam.equals(e.getLocalName())) {
        uit.add(e);
      }
    }
    return uit;
  }

  private static Document lees(Berichtsoort soort) {
    try (InputStream in = DerivedSchemaTest.class.getResourceAsStream("/nl/regie/protocol/iwmo/xsd/" + soort.xsd())) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultNSInstance();
      return f.newDocumentBuilder().parse(in);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
