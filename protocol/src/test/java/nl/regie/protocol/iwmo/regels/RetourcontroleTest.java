package nl.regie.protocol.iwmo.regels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.Voorbeelden;
import nl.regie.protocol.iwmo.bericht.Bedrag;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Heenbericht;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.bericht.Wmo302;
import nl.regie.protocol.iwmo.bericht.Wmo319;
import nl.regie.protocol.iwmo.bericht.Wmo320;
import nl.regie.protocol.iwmo.bericht.Wmo323;
import nl.regie.protocol.iwmo.bericht.Wmo325;
import nl.regie.protocol.iwmo.bouw.Retouren;
import nl.regie.protocol.iwmo.bouw.Retourgegevens;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RetourcontroleTest {

  static final Retourgegevens GEGEVENS = Retourgegevens.van("R1", LocalDate.of(2025, 8, 1));

  @ParameterizedTest
  @EnumSource(names = {"WMO301", "WMO305", "WMO307", "WMO315", "WMO317", "WMO319", "WMO323"})
  void aBuiltRetourAnswersItsHeenbericht(Berichtsoort soort) {
    Heenbericht heen = (Heenbericht) IwmoXml.parse(Voorbeelden.voorbeeld(soort));
    Klassepad laatste = heen.klassen().get(heen.klassen().size() - 1);
    for (Retourcodes codes : List.of(Retourcodes.GEEN, Retourcodes.van(laatste, Retourcode.R9056))) {
      assertEquals(List.of(), Retourcontrole.controleer(heen, Retouren.retour(heen, codes, GEGEVENS)));
    }
  }

  @Test
  void a302WithAlteredContentOrAnotherHeaderIsNoAnswer() {
    Wmo301 heen = IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO301), Wmo301.class);
    Wmo302 goed = Retouren.wmo302(heen, Retourcodes.van(Wmo301.toegewezenProduct(0), Retourcode.R9332), GEGEVENS);
    var c = goed.client();
    var anders = new Wmo301.Client(c.bsn(), c.geboortedatum(), c.geslacht(), c.naam(), c.communicatie(), c.juridischeStatus(),
        c.wettelijkeVertegenwoordiging(), "ander commentaar", c.relaties(), c.contactgegevens(), c.toegewezenProducten());
    var h = goed.header();
    var andereHeader = new nl.regie.protocol.iwmo.bericht.RetourHeader(h.afzender(), "99999999", h.berichtIdentificatie(), h.xsdVersie(),
        h.identificatieRetour(), h.dagtekeningRetour(), h.xsltVersie(), h.xsdVersieRetour());
    List<String> problemen = Retourcontrole.controleer(heen, new Wmo302(andereHeader, anders, goed.retourcodes()));
    assertEquals(2, problemen.size(), problemen.toString());
  }

  @Test
  void aRetourOfTheWrongSoortIsNoAnswer() {
    Wmo319 heen = IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO319), Wmo319.class);
    Wmo301 ander = IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO301), Wmo301.class);
    Wmo302 retour = Retouren.wmo302(ander, Retourcodes.GEEN, GEGEVENS);
    assertTrue(Retourcontrole.controleer(heen, retour).get(0).contains("does not answer"));
    Wmo320 goed = Retouren.wmo320(heen, Retourcodes.GEEN, GEGEVENS);
    assertEquals(List.of(), Retourcontrole.controleer(heen, goed));
  }

  @Test
  void a325MustExplainWhatItDoesNotGrant() {
    Wmo323 heen = IwmoXml.parse(Voorbeelden.voorbeeld(Berichtsoort.WMO323), Wmo323.class);
    Wmo325 goed = Retouren.wmo325(heen, Retourcodes.van(Wmo323.prestatie(1, 1), Retourcode.R9307), GEGEVENS);
    var a = goed.declaratieAntwoord();
    Wmo325 teVeel = new Wmo325(goed.header(),
        new Wmo325.DeclaratieAntwoord(a.declaratieNummer(), a.totaalIngediendBedrag(), a.totaalIngediendBedrag(), a.clienten()), goed.retourcodes());
    assertTrue(Retourcontrole.controleer(heen, teVeel).stream().anyMatch(p -> p.startsWith("TR342")));

    var prestatie = a.clienten().get(0).prestaties().get(0);
    var verzonnen = new Wmo323.Prestatie(new nl.regie.protocol.iwmo.bericht.ProductReferentie("RN999", null), prestatie.toewijzingNummer(),
        prestatie.productCategorie(), prestatie.productCode(), prestatie.productPeriode(), prestatie.geleverdVolume(), prestatie.eenheid(),
        prestatie.productTarief(), prestatie.ingediendBedrag());
    Wmo325 onbekend = new Wmo325(goed.header(),
        new Wmo325.DeclaratieAntwoord(a.declaratieNummer(), a.totaalIngediendBedrag(), a.totaalToegekendBedrag(),
            List.of(new Wmo323.Client(a.clienten().get(0).bsn(), List.of(verzonnen)))), goed.retourcodes());
    assertTrue(Retourcontrole.controleer(heen, onbekend).stream().anyMatch(p -> p.startsWith("TR366")));

    Wmo325 verkeerdeClient = new Wmo325(goed.header(),
        new Wmo325.DeclaratieAntwoord(a.declaratieNummer(), a.totaalIngediendBedrag(), a.totaalToegekendBedrag(),
            List.of(new Wmo323.Client("999900006", a.clienten().get(0).prestaties()))), goed.retourcodes());
    assertTrue(Retourcontrole.controleer(heen, verkeerdeClient).stream().anyMatch(p -> p.startsWith("TR304")));
    assertEquals(new Bedrag(34000, nl.regie.protocol.codes.DebetCredit.DEBET), a.totaalToegekendBedrag());
  }
}
