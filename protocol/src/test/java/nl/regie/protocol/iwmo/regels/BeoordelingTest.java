package nl.regie.protocol.iwmo.regels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import nl.regie.protocol.codes.Productcategorie;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.Voorbeelden;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.Wmo305;
import nl.regie.protocol.iwmo.bericht.Wmo323;
import nl.regie.protocol.regeling.Regelingen;
import org.junit.jupiter.api.Test;

/** How findings become retourcodes, and the entry point for received documents. */
class BeoordelingTest {

  private static Ontvangst ontvang(String xml) {
    return StatelozeRegelsTest.REGELS.ontvang(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static String basis(Berichtsoort soort) {
    return StatelozeRegelsTest.basis(soort);
  }

  @Test
  void aTechnicalRejectionIsOnlyTheHeaderWith0001() {
    Beoordeling b = ontvang(basis(Berichtsoort.WMO305).replace("<wmo305:Bsn>999900006", "<wmo305:Bsn>999900007")
        .replace("<iwmo:Code>01A11</iwmo:Code>", "<iwmo:Code>02A11</iwmo:Code>")).beoordeling();
    assertTrue(b.isTechnischAfgekeurd());
    assertEquals(Set.of("CS002", "TR381"), b.regels());
    assertEquals(Retourcodes.van(Klassepad.HEADER, Retourcode.R0001), b.retourcodes());
  }

  @Test
  void outsideSourceRulesRejectTheirOwnKlasse() {
    Beoordeling b = ontvang(basis(Berichtsoort.WMO305).replace("<iwmo:Code>01A12</iwmo:Code>", "<iwmo:Code>02A12</iwmo:Code>")).beoordeling();
    assertFalse(b.isTechnischAfgekeurd());
    assertEquals(Retourcodes.van(Wmo305.startProduct(1), Retourcode.S329), b.retourcodes());
    Bevinding bevinding = b.bevindingen().get(0);
    assertEquals(Controleniveau.EXTERNE_BRON, bevinding.niveau());
    assertEquals("Client/StartProduct[1]", bevinding.pad().toString());
  }

  @Test
  void aDagtekeningInTheFutureRejectsTheHeader() {
    Beoordeling b = ontvang(basis(Berichtsoort.WMO319).replace("2023-04-02</iwmo:Dagtekening>", "2099-01-01</iwmo:Dagtekening>")).beoordeling();
    assertEquals(Retourcodes.van(Klassepad.HEADER, Retourcode.R8848), b.retourcodes());
  }

  @Test
  void oneWrongPrestatieIsRejectedAloneInADeclaratie() {
    String xml = basis(Berichtsoort.WMO323)
        .replace("<iwmo:Bedrag>24000</iwmo:Bedrag>", "<iwmo:Bedrag>24001</iwmo:Bedrag>")
        .replace("<iwmo:TotaalBedrag>58000", "<iwmo:TotaalBedrag>58002");
    Beoordeling b = ontvang(xml).beoordeling();
    assertEquals(
        Retourcodes.van(Wmo323.prestatie(0, 1), Retourcode.R9346).met(Wmo323.prestatie(1, 1), Retourcode.R9346),
        b.retourcodes());
  }

  @Test
  void anInvalidOrHostileDocumentHasNoBerichtAndASchemaFinding() {
    Ontvangst o = ontvang(basis(Berichtsoort.WMO305).replace("<wmo305:Geslacht>1", "<wmo305:Geslacht>7"));
    assertNull(o.bericht());
    assertEquals(Berichtsoort.WMO305, o.beoordeling().soort());
    assertEquals(Set.of("XSD"), o.beoordeling().regels());
    assertEquals(Controleniveau.BERICHTFORMAAT, o.beoordeling().bevindingen().get(0).niveau());
    assertEquals(Retourcodes.van(Klassepad.HEADER, Retourcode.R0001), o.beoordeling().retourcodes());

    Ontvangst vijandig = ontvang("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"e\">]><x>&e;</x>");
    assertNull(vijandig.bericht());
    assertNull(vijandig.beoordeling().soort());
    assertTrue(vijandig.beoordeling().isTechnischAfgekeurd());
  }

  @Test
  void aRetourberichtIsNotJudged() {
    Ontvangst o = StatelozeRegelsTest.REGELS.ontvang(Voorbeelden.voorbeeld(Berichtsoort.WMO306));
    assertNull(o.bericht());
    assertEquals(Berichtsoort.WMO306, o.beoordeling().soort());
    assertTrue(o.beoordeling().bevindingen().get(0).melding().contains("geen heenbericht"));
  }

  @Test
  void theProductCodeListCanBeARegeling() {
    Productcodelijst lijst = Productcodelijst.van(Regelingen.shipped().all());
    assertTrue(lijst.past(Productcategorie.BEGELEIDING, "02A02"));
    assertFalse(lijst.past(Productcategorie.DAGBESTEDING, "02A02"));
    assertFalse(lijst.past(Productcategorie.BEGELEIDING, "02A99"));
    assertTrue(Productcodelijst.CATEGORIE_PREFIX.past(Productcategorie.ROLSTOELEN, "11X00"));
    assertFalse(Productcodelijst.CATEGORIE_PREFIX.past(Productcategorie.ROLSTOELEN, "ABCDE"));
  }
}
