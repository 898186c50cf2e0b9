package nl.regie.protocol.iwmo.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.NaamGebruik;
import nl.regie.protocol.codes.Productcategorie;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.codes.SoortRelatie;
import nl.regie.protocol.codes.StatusAanlevering;
import nl.regie.protocol.codes.VerzoekAntwoord;
import nl.regie.protocol.iwmo.Voorbeelden;
import nl.regie.protocol.iwmo.bericht.Achternaam;
import nl.regie.protocol.iwmo.bericht.Bericht;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Product;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.bericht.Wmo305;
import nl.regie.protocol.iwmo.bericht.Wmo306;
import nl.regie.protocol.iwmo.bericht.Wmo307;
import nl.regie.protocol.iwmo.bericht.Wmo308;
import nl.regie.protocol.iwmo.bericht.Wmo315;
import nl.regie.protocol.iwmo.bericht.Wmo317;
import nl.regie.protocol.iwmo.bericht.Wmo319;
import nl.regie.protocol.iwmo.bericht.Wmo323;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IwmoXmlTest {

  static List<Berichtsoort> voorbeelden() {
    return Voorbeelden.MET_VOORBEELD;
  }

  @ParameterizedTest
  @MethodSource("voorbeelden")
  void everySampleParsesToItsSoort(Berichtsoort soort) {
    Bericht bericht = IwmoXml.parse(Voorbeelden.voorbeeld(soort));
    assertEquals(soort, bericht.soort());
  }

  @ParameterizedTest
  @MethodSource("voorbeelden")
  void readWriteReadGivesTheSameBerichtAndTheWrittenXmlValidates(Berichtsoort soort) {
    Bericht eerste = IwmoXml.parse(Voorbeelden.voorbeeld(soort));
    byte[] geschreven = IwmoXml.write(eerste);
    assertEquals(List.of(), IwmoSchemas.validate(soort, geschreven));
    assertEquals(eerste, IwmoXml.parse(geschreven));
  }

  @Test
  void wmo301IsReadCompletely() {
    Wmo301 b = IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO301), Wmo301.class);
    assertEquals("0384", b.header().afzender());
    assertEquals("42420001", b.header().ontvanger());
    assertEquals(LocalDate.of(2023, 8, 13), b.header().dagtekening());
    Wmo301.Client c = b.client();
    assertEquals("999900006", c.bsn());
    assertEquals(new Achternaam("Jansen", "van"), c.naam().partnernaam());
    assertEquals(NaamGebruik.EIGEN_NAAM_NAAM_PARTNER, c.naam().naamGebruik());
    assertEquals("Deens", c.communicatie().taal());
    assertEquals(2, c.relaties().size());
    assertEquals(SoortRelatie.CURATOR, c.relaties().get(1).soort());
    assertEquals("0201234567", c.relaties().get(0).contact().telefoon().telefoon02().telefoonnummer());
    assertEquals(100, c.contactgegevens().get(0).adres().huis().huisnummer());
    Wmo301.ToegewezenProduct p = c.toegewezenProducten().get(0);
    assertEquals(101, p.toewijzingNummer());
    assertEquals(new Product(Productcategorie.HULP_BIJ_HET_HUISHOUDEN, "01A01"), p.product());
    assertEquals(LocalTime.of(12, 34, 56), p.toewijzingstijd());
    assertEquals(Eenheid.MINUUT, p.omvang().eenheid());
    // xs:string keeps whitespace: the sample's trailing space survives
    assertEquals("Toegewezen product 1 Commentaar ", p.commentaar());
  }

  @Test
  void startStopVerzoekAntwoordAndDeclaratieAreRead() {
    Wmo305 start = IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO305), Wmo305.class);
    assertEquals(2, start.client().startProducten().size());
    assertEquals(300202L, start.client().startProducten().get(1).toewijzingNummer());
    assertEquals(StatusAanlevering.EERSTE_AANLEVERING, start.client().startProducten().get(0).statusAanlevering());

    Wmo307 stop = IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO307), Wmo307.class);
    assertEquals(RedenBeeindiging.VERHUIZING, stop.client().stopProducten().get(0).redenBeeindiging());

    Wmo315 vot = IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO315), Wmo315.class);
    assertEquals("42420002", vot.client().aangevraagdeProducten().get(1).referentieAanbieder());

    Wmo317 vow = IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO317), Wmo317.class);
    assertEquals(10071, vow.client().verzoek().ongewijzigdeProducten().get(0).toewijzingNummer());
    assertEquals(20, vow.client().verzoek().nieuweProducten().get(0).omvang().volume());

    Wmo319 antwoord = IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO319), Wmo319.class);
    assertEquals(VerzoekAntwoord.VERZOEK_AFGEWEZEN, antwoord.antwoord().verzoekAntwoord());

    Wmo323 declaratie = IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO323), Wmo323.class);
    assertEquals(58000, declaratie.declaratie().totaalIngediendBedrag().bedrag());
    assertEquals("999900018", declaratie.declaratie().clienten().get(1).bsn());
    assertEquals(1500L, declaratie.declaratie().clienten().get(1).prestaties().get(1).productTarief());
  }

  @Test
  void retourSamplesCarryTheirHeaderCodes() {
    Wmo306 r306 = IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO306), Wmo306.class);
    assertNull(r306.client());
    assertEquals(List.of(Retourcode.R8848), r306.retourcodes().van(Klassepad.HEADER));
    assertEquals("7ae60051-e0f", r306.header().identificatieRetour());
    assertEquals("1.0.0", r306.header().xsltVersie());
    assertTrue(!r306.heenIsGoedgekeurd());

    Wmo308 r308 = IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO308), Wmo308.class);
    assertTrue(r308.retourcodes().isLeeg());
    assertTrue(r308.heenIsGoedgekeurd());
  }

  @Test
  void writtenXmlUsesTheIwmoNamespacesAndPrefixes() {
    String xml = IwmoXml.writeString(IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO305)));
    assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xml);
    assertTrue(xml.contains("xmlns:wmo305=\"http://www.istandaarden.nl/iwmo/3_2/wmo305/schema\""), xml);
    assertTrue(xml.contains("xmlns:iwmo=\"http://www.istandaarden.nl/iwmo/3_2/basisschema/schema\""), xml);
    assertTrue(xml.contains("\t\t<wmo305:BerichtCode>418</wmo305:BerichtCode>"), xml);
    assertTrue(xml.contains("<iwmo:Achternaam>Wit</iwmo:Achternaam>"), xml);
  }

  @Test
  void writingSomethingTheSchemaForbidsFails() {
    Wmo319 antwoord = IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO319), Wmo319.class);
    Wmo319 teLang =
        new Wmo319(
            antwoord.header(),
            new Wmo319.Antwoord("x".repeat(37), antwoord.antwoord().verzoekAntwoord(), null));
    IwmoXmlException e = assertThrows(IwmoXmlException.class, () -> IwmoXml.write(teLang));
    assertTrue(e.problemen().get(0).melding().contains("maxLength"), e.getMessage());
  }

  @Test
  void anInvalidDocumentIsRefusedWithLineNumbers() {
    String xml = Voorbeelden.tekst(Berichtsoort.WMO305).replace("<wmo305:Bsn>999900006", "<wmo305:Bsn>12345");
    IwmoXmlException e =
        assertThrows(IwmoXmlException.class, () -> IwmoXml.parse(xml.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.problemen().get(0).regel() > 1, e.getMessage());
  }

  @Test
  void aBerichtOfAnotherSoortIsRefusedWhenATypeIsAsked() {
    assertThrows(
        IwmoXmlException.class, () -> IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO305), Wmo307.class));
  }

  @Test
  void aDocumentOutsideIwmoIsRefused() {
    byte[] xml = "<?xml version=\"1.0\"?><a xmlns=\"urn:x\"/>".getBytes(StandardCharsets.UTF_8);
    IwmoXmlException e = assertThrows(IwmoXmlException.class, () -> IwmoXml.parse(xml));
    assertTrue(e.getMessage().contains("not an iWmo 3.2 bericht"));
    assertInstanceOf(IwmoXmlException.class, assertThrows(IwmoXmlException.class, () -> IwmoXml.parse(new byte[0])));
  }

  @Test
  void aDateOrTimeTheSchemaAllowsButRegieDoesNotReadIsRefusedLikeAnInvalidOne() {
    String wmo305 = Voorbeelden.tekst(Berichtsoort.WMO305);
    String wmo301 = Voorbeelden.tekst(Berichtsoort.WMO301);
    for (String xml : List.of(
        wmo305.replace("<iwmo:Dagtekening>2025-04-05</iwmo:Dagtekening>", "<iwmo:Dagtekening>22025-04-05</iwmo:Dagtekening>"),
        wmo301.replace("<wmo301:Toewijzingstijd>12:34:56</wmo301:Toewijzingstijd>", "<wmo301:Toewijzingstijd>24:00:00</wmo301:Toewijzingstijd>"))) {
      byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
      IwmoXmlException e = assertThrows(IwmoXmlException.class, () -> IwmoXml.parse(bytes));
      assertEquals(1, e.problemen().size(), e.getMessage());
    }
  }
}
