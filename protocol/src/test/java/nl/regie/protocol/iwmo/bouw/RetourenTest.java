package nl.regie.protocol.iwmo.bouw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import nl.regie.protocol.codes.DebetCredit;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.Voorbeelden;
import nl.regie.protocol.iwmo.bericht.Bedrag;
import nl.regie.protocol.iwmo.bericht.Bericht;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Heenbericht;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Retourbericht;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.bericht.Wmo302;
import nl.regie.protocol.iwmo.bericht.Wmo305;
import nl.regie.protocol.iwmo.bericht.Wmo306;
import nl.regie.protocol.iwmo.bericht.Wmo317;
import nl.regie.protocol.iwmo.bericht.Wmo318;
import nl.regie.protocol.iwmo.bericht.Wmo323;
import nl.regie.protocol.iwmo.bericht.Wmo325;
import nl.regie.protocol.iwmo.regels.Beoordeling;
import nl.regie.protocol.iwmo.regels.Ontvangst;
import nl.regie.protocol.iwmo.regels.StatelozeRegels;
import nl.regie.protocol.iwmo.xml.IwmoSchemas;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RetourenTest {

  static final Retourgegevens GEGEVENS = Retourgegevens.van("R-000000001", LocalDate.of(2025, 8, 1));

  static <T extends Heenbericht> T heen(Berichtsoort soort, Class<T> type) {
    return IwmoXml.parse(Voorbeelden.voorbeeld(soort), type);
  }

  /** Writes the retour, checks it against its schema, reads it back and compares. */
  static <T extends Retourbericht> T geschrevenEnGelezen(T retour) {
    byte[] xml = IwmoXml.write(retour);
    assertEquals(List.of(), IwmoSchemas.validate(retour.soort(), xml));
    Bericht terug = IwmoXml.parse(xml);
    assertEquals(retour, terug);
    return retour;
  }

  @ParameterizedTest
  @EnumSource(names = {"WMO301", "WMO305", "WMO307", "WMO315", "WMO317", "WMO319", "WMO323"})
  void everyHeenberichtGetsAValidRetourForEveryOutcome(Berichtsoort soort) {
    Heenbericht heen = (Heenbericht) IwmoXml.parse(Voorbeelden.voorbeeld(soort));
    Klassepad laatste = heen.klassen().get(heen.klassen().size() - 1);
    List<Retourcodes> uitkomsten =
        List.of(
            Retourcodes.GEEN,
            Retourcodes.van(Klassepad.HEADER, Retourcode.R0001),
            Retourcodes.van(Klassepad.HEADER, Retourcode.R8848),
            Retourcodes.van(laatste, Retourcode.R9056));
    for (Retourcodes codes : uitkomsten) {
      Retourbericht retour = geschrevenEnGelezen(Retouren.retour(heen, codes, GEGEVENS));
      assertEquals(heen.retourSoort(), retour.soort());
      assertEquals(codes.isLeeg(), retour.heenIsGoedgekeurd(), codes.toString());
    }
  }

  @Test
  void acceptedMeansOnlyAHeaderCopiedFromTheHeenbericht() {
    Wmo305 heen = heen(Berichtsoort.WMO305, Wmo305.class);
    Wmo306 retour = Retouren.wmo306(heen, Retourcodes.GEEN, GEGEVENS);
    assertNull(retour.client());
    assertTrue(retour.retourcodes().isLeeg());
    assertEquals(heen.header(), retour.header().heen());
    assertEquals("R-000000001", retour.header().identificatieRetour());
    assertEquals(LocalDate.of(2025, 8, 1), retour.header().dagtekeningRetour());
    String xml = IwmoXml.writeString(retour);
    assertTrue(xml.contains("<wmo306:BerichtCode>419</wmo306:BerichtCode>"), xml);
    assertTrue(xml.contains("<wmo306:Afzender>65656055</wmo306:Afzender>"), xml);
  }

  @Test
  void aRejectedKlasseBringsBackTheCliëntWithEveryKlasseCoded() {
    Wmo305 heen = heen(Berichtsoort.WMO305, Wmo305.class);
    Retourcodes codes = Retourcodes.van(Wmo305.startProduct(1), Retourcode.R0200, Retourcode.R9019);
    Wmo306 retour = geschrevenEnGelezen(Retouren.wmo306(heen, codes, GEGEVENS));
    assertEquals(heen.client(), retour.client());
    assertEquals(List.of(Retourcode.R0200), retour.retourcodes().van(Klassepad.HEADER));
    assertEquals(List.of(Retourcode.R0200), retour.retourcodes().van(Klassepad.CLIENT));
    assertEquals(List.of(Retourcode.R0200), retour.retourcodes().van(Wmo305.startProduct(0)));
    // 0200 next to a rejection is dropped: a klasse is either accepted or not
    assertEquals(List.of(Retourcode.R9019), retour.retourcodes().van(Wmo305.startProduct(1)));
  }

  @Test
  void notJudgedStaysNotJudged() {
    Wmo305 heen = heen(Berichtsoort.WMO305, Wmo305.class);
    Retourcodes codes = Retourcodes.van(Wmo305.startProduct(0), Retourcode.R9074).met(Wmo305.startProduct(1), Retourcode.R0233);
    Wmo306 retour = Retouren.wmo306(heen, codes, GEGEVENS);
    assertEquals(List.of(Retourcode.R0233), retour.retourcodes().van(Wmo305.startProduct(1)));
  }

  @Test
  void aTechnicalOrHeaderRejectionSendsOnlyTheHeader() {
    Wmo305 heen = heen(Berichtsoort.WMO305, Wmo305.class);
    Wmo306 technisch =
        Retouren.wmo306(heen, Retourcodes.van(Wmo305.startProduct(0), Retourcode.R0001), new Retourgegevens("R1", LocalDate.of(2025, 8, 1), "1.0.0"));
    assertNull(technisch.client());
    assertEquals(Retourcodes.van(Klassepad.HEADER, Retourcode.R0001), technisch.retourcodes());
    assertEquals("1.0.0", technisch.header().xsltVersie());

    Wmo306 header = Retouren.wmo306(heen, Retourcodes.van(Klassepad.HEADER, Retourcode.R8848).met(Klassepad.CLIENT, Retourcode.R9056), GEGEVENS);
    assertNull(header.client());
    assertEquals(Retourcodes.van(Klassepad.HEADER, Retourcode.R8848), header.retourcodes());
  }

  @Test
  void a302CodesRelatiesContactsAndProducts() {
    Wmo301 heen = heen(Berichtsoort.WMO301, Wmo301.class);
    Wmo302 retour = geschrevenEnGelezen(Retouren.wmo302(heen, Retourcodes.van(Wmo301.toegewezenProduct(0), Retourcode.R9332), GEGEVENS));
    assertEquals(heen.klassen().size() + 1, retour.retourcodes().perKlasse().size());
    assertEquals(List.of(Retourcode.R0200), retour.retourcodes().van(Wmo301.relatieContact(1)));
    assertEquals(List.of(Retourcode.R9332), retour.retourcodes().van(Wmo301.toegewezenProduct(0)));
    assertEquals(heen.header().afzender(), retour.header().afzender());
  }

  @Test
  void a318CodesTheVerzoekAndItsProducts() {
    Wmo317 heen = heen(Berichtsoort.WMO317, Wmo317.class);
    Wmo318 retour = geschrevenEnGelezen(Retouren.wmo318(heen, Retourcodes.van(Wmo317.teWijzigenProduct(0), Retourcode.R9351), GEGEVENS));
    assertEquals(List.of(Retourcode.R0200), retour.retourcodes().van(Wmo317.VERZOEK));
    assertEquals(List.of(Retourcode.R0200), retour.retourcodes().van(Wmo317.nieuwProduct(0)));
  }

  @Test
  void codesForAKlasseTheHeenberichtLacksAreRefused() {
    Wmo305 heen = heen(Berichtsoort.WMO305, Wmo305.class);
    assertThrows(IllegalArgumentException.class, () -> Retouren.wmo306(heen, Retourcodes.van(Wmo305.startProduct(5), Retourcode.R9019), GEGEVENS));
  }

  @Test
  void theStatelessVerdictFeedsTheRetour() {
    String xml = Voorbeelden.tekst(Berichtsoort.WMO305).replace("<iwmo:Code>01A12</iwmo:Code>", "<iwmo:Code>07A12</iwmo:Code>");
    Ontvangst o = StatelozeRegels.standaard(java.time.Clock.systemUTC()).ontvang(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Beoordeling b = o.beoordeling();
    Wmo306 retour = (Wmo306) geschrevenEnGelezen(Retouren.retour(o.bericht(), b.retourcodes(), GEGEVENS));
    assertEquals(List.of(Retourcode.S329), retour.retourcodes().van(Wmo305.startProduct(1)));
    assertNotNull(retour.client());
  }

  // --- WMO325 ---------------------------------------------------------------------------------

  private static Wmo323 declaratie() {
    return heen(Berichtsoort.WMO323, Wmo323.class);
  }

  @Test
  void aFullyGrantedDeclaratie() {
    Wmo323 heen = declaratie();
    Wmo325 r = geschrevenEnGelezen(Retouren.wmo325(heen, Retourcodes.GEEN, GEGEVENS));
    assertEquals(heen.header().ontvanger(), r.header().afzender());
    assertEquals(heen.header().afzender(), r.header().ontvanger());
    assertEquals(heen.header().berichtIdentificatie(), r.header().declaratieIdentificatie());
    assertEquals("R-000000001", r.header().berichtIdentificatie().identificatie());
    assertEquals(List.of(Retourcode.R0200), r.retourcodes().van(Klassepad.HEADER));
    assertEquals(List.of(Retourcode.R8001), r.retourcodes().van(Klassepad.DECLARATIE));
    assertEquals(new Bedrag(58000, DebetCredit.DEBET), r.declaratieAntwoord().totaalToegekendBedrag());
    assertEquals(List.of(), r.declaratieAntwoord().clienten());
    assertTrue(r.heenIsGoedgekeurd());
  }

  @Test
  void rejectedPrestatiesComeBackAloneAndAreNotGranted() {
    Wmo323 heen = declaratie();
    Retourcodes codes = Retourcodes.van(Wmo323.prestatie(1, 1), Retourcode.R9307);
    Wmo325 r = geschrevenEnGelezen(Retouren.wmo325(heen, codes, GEGEVENS));
    Wmo325.DeclaratieAntwoord a = r.declaratieAntwoord();
    assertEquals(1, a.clienten().size());
    assertEquals("999900018", a.clienten().get(0).bsn());
    assertEquals(List.of(heen.declaratie().clienten().get(1).prestaties().get(1)), a.clienten().get(0).prestaties());
    assertEquals(List.of(Retourcode.R0200), r.retourcodes().van(Klassepad.DECLARATIE));
    assertEquals(List.of(Retourcode.R0200), r.retourcodes().van(Wmo323.client(0)));
    assertEquals(List.of(Retourcode.R9307), r.retourcodes().van(Wmo323.prestatie(0, 0)));
    assertEquals(new Bedrag(58000 - 24000, DebetCredit.DEBET), a.totaalToegekendBedrag());
    assertTr342(a);
  }

  @Test
  void aRejectedCliëntBringsAllItsPrestatiesBackUnjudged() {
    Wmo323 heen = declaratie();
    Retourcodes codes = Retourcodes.van(Wmo323.client(0), Retourcode.R8187).met(Wmo323.prestatie(1, 0), Retourcode.R9321);
    Wmo325 r = geschrevenEnGelezen(Retouren.wmo325(heen, codes, GEGEVENS));
    Wmo325.DeclaratieAntwoord a = r.declaratieAntwoord();
    assertEquals(2, a.clienten().size());
    assertEquals(List.of(Retourcode.R8187), r.retourcodes().van(Wmo323.client(0)));
    assertEquals(List.of(Retourcode.R0233), r.retourcodes().van(Wmo323.prestatie(0, 1)));
    assertEquals(List.of(Retourcode.R0200), r.retourcodes().van(Wmo323.client(1)));
    assertEquals(List.of(Retourcode.R9321), r.retourcodes().van(Wmo323.prestatie(1, 0)));
    assertEquals(new Bedrag(58000 - 29000 - 5000, DebetCredit.DEBET), a.totaalToegekendBedrag());
    assertTr342(a);
  }

  @Test
  void aRejectedDeclaratieGrantsNothingAndJudgesNoPrestatie() {
    Wmo325 r = geschrevenEnGelezen(Retouren.wmo325(declaratie(), Retourcodes.van(Klassepad.DECLARATIE, Retourcode.R9333), GEGEVENS));
    assertEquals(Bedrag.NUL, r.declaratieAntwoord().totaalToegekendBedrag());
    assertEquals(List.of(), r.declaratieAntwoord().clienten());
    assertEquals(List.of(Retourcode.R9333), r.retourcodes().van(Klassepad.DECLARATIE));
  }

  @Test
  void aTechnicallyRejectedDeclaratieIsAnsweredWithTheHeaderOnly() {
    Wmo325 r = geschrevenEnGelezen(Retouren.wmo325(declaratie(), Retourcodes.van(Klassepad.HEADER, Retourcode.R0001), GEGEVENS));
    assertNull(r.declaratieAntwoord());
    assertEquals(Retourcodes.van(Klassepad.HEADER, Retourcode.R0001), r.retourcodes());
  }

  @Test
  void rejectingACreditRaisesTheGrantedAmount() {
    Wmo323 heen = declaratie();
    var credit = heen.declaratie().clienten().get(0).prestaties().get(0);
    var metCredit =
        new Wmo323.Prestatie(
            new nl.regie.protocol.iwmo.bericht.ProductReferentie("RN009", "RN000"), credit.toewijzingNummer(), credit.productCategorie(),
            credit.productCode(), credit.productPeriode(), credit.geleverdVolume(), credit.eenheid(), credit.productTarief(),
            new Bedrag(5000, DebetCredit.CREDIT));
    var clienten = new java.util.ArrayList<>(heen.declaratie().clienten());
    var eerste = clienten.get(0);
    var prestaties = new java.util.ArrayList<>(eerste.prestaties());
    prestaties.add(metCredit);
    clienten.set(0, new Wmo323.Client(eerste.bsn(), prestaties));
    var d = heen.declaratie();
    Wmo323 metCreditDeclaratie =
        new Wmo323(heen.header(), new Wmo323.Declaratie(d.declaratieNummer(), d.declaratiePeriode(), d.declaratieDagtekening(), new Bedrag(53000, DebetCredit.DEBET), clienten));
    Wmo325 r = Retouren.wmo325(metCreditDeclaratie, Retourcodes.van(Wmo323.prestatie(0, 2), Retourcode.R8017), GEGEVENS);
    assertEquals(new Bedrag(58000, DebetCredit.DEBET), r.declaratieAntwoord().totaalToegekendBedrag());
    assertTr342(r.declaratieAntwoord());
  }

  /** TR342: the rejected prestaties explain the difference between declared and granted. */
  private static void assertTr342(Wmo325.DeclaratieAntwoord a) {
    long afgewezen = a.clienten().stream().flatMap(c -> c.prestaties().stream()).mapToLong(p -> p.ingediendBedrag().saldo()).sum();
    assertEquals(a.totaalIngediendBedrag().saldo() - a.totaalToegekendBedrag().saldo(), afgewezen);
  }
}
