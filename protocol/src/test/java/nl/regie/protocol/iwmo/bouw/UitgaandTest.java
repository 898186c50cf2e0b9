package nl.regie.protocol.iwmo.bouw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import nl.regie.protocol.codes.Bsn;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;
import nl.regie.protocol.codes.Geslacht;
import nl.regie.protocol.codes.Productcategorie;
import nl.regie.protocol.codes.RedenAfwijzingVerzoek;
import nl.regie.protocol.codes.RedenWijziging;
import nl.regie.protocol.codes.Soortadres;
import nl.regie.protocol.iwmo.bericht.Adres;
import nl.regie.protocol.iwmo.bericht.Contact;
import nl.regie.protocol.iwmo.bericht.Geboortedatum;
import nl.regie.protocol.iwmo.bericht.Huis;
import nl.regie.protocol.iwmo.bericht.Omvang;
import nl.regie.protocol.iwmo.bericht.Product;
import nl.regie.protocol.iwmo.bericht.VolledigeNaam;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.protocol.iwmo.bericht.Wmo319;
import nl.regie.protocol.iwmo.regels.Bevinding;
import nl.regie.protocol.iwmo.regels.Productcodelijst;
import nl.regie.protocol.iwmo.regels.StatelozeRegels;
import nl.regie.protocol.iwmo.xml.IwmoSchemas;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import nl.regie.protocol.iwmo.xml.IwmoXmlException;
import nl.regie.protocol.regeling.Regelingen;
import org.junit.jupiter.api.Test;

class UitgaandTest {

  static final LocalDate DAG = LocalDate.of(2025, 3, 3);
  static final LocalDateTime VASTGESTELD = LocalDateTime.of(2025, 3, 3, 9, 15, 30, 123_000_000);

  static Toewijzingsbericht basis() {
    return Toewijzingsbericht.van("0983", "12345678")
        .identificatie("T0000042", DAG)
        .client(Bsn.of("999900006"), Geboortedatum.van(LocalDate.of(1950, 5, 17)), Geslacht.VROUWELIJK,
            VolledigeNaam.eigenNaam("Jansen", "de", "A"))
        .contact(Contact.adres(Soortadres.BRP_ADRES, Adres.nederlands("Markt", Huis.nummer(1), "5911AA", "Venlo")));
  }

  @Test
  void aToewijzingsberichtIsValidAndReadsBack() {
    Wmo301 b =
        basis()
            .toewijzing(4711, Product.van("02A02"), VASTGESTELD, DAG, DAG.plusMonths(6), new Omvang(6, Eenheid.UUR, Frequentie.PER_WEEK))
            .budget(4712, new Product(Productcategorie.DAGBESTEDING, null), VASTGESTELD, DAG, DAG.plusMonths(6), 150_000)
            .bouw();
    assertEquals("0983", b.header().afzender());
    assertEquals("12345678", b.header().ontvanger());
    assertEquals(2, b.client().toegewezenProducten().size());
    assertEquals(java.time.LocalTime.of(9, 15, 30), b.client().toegewezenProducten().get(0).toewijzingstijd());
    byte[] xml = IwmoXml.write(b);
    assertEquals(List.of(), IwmoSchemas.validate(b.soort(), xml));
    assertEquals(b, IwmoXml.parse(xml));
  }

  @Test
  void anIntrekkingRepeatsTheToewijzingWithItsNewEnd() {
    Wmo301 eerste =
        basis().toewijzing(4711, Product.van("02A02"), VASTGESTELD, DAG, DAG.plusMonths(6), new Omvang(6, Eenheid.UUR, Frequentie.PER_WEEK)).bouw();
    Wmo301 intrekking =
        basis()
            .identificatie("T0000043", DAG.plusDays(10))
            .gewijzigd(eerste.client().toegewezenProducten().get(0), VASTGESTELD.plusDays(10), DAG.plusDays(20), RedenWijziging.VERKORTING)
            .bouw();
    Wmo301.ToegewezenProduct p = intrekking.client().toegewezenProducten().get(0);
    assertEquals(4711, p.toewijzingNummer());
    assertEquals(DAG.plusDays(20), p.einddatum());
    assertEquals(RedenWijziging.VERKORTING, p.redenWijziging());
    assertEquals(DAG.plusDays(10), p.toewijzingsdatum());
  }

  @Test
  void aToewijzingThatBreaksARuleIsNotMade() {
    OngeldigBerichtException e =
        assertThrows(
            OngeldigBerichtException.class,
            () -> basis().toewijzing(1, Product.van("02A02"), VASTGESTELD, DAG, null, new Omvang(6, Eenheid.UUR, Frequentie.PER_WEEK)).bouw());
    assertEquals(List.of("CD076"), e.bevindingen().stream().map(Bevinding::regel).toList());
  }

  @Test
  void aProductOutsideTheRegelingIsRefusedWhenItsListIsUsed() {
    StatelozeRegels noordLimburg =
        new StatelozeRegels(java.time.Clock.systemUTC(), Productcodelijst.van(Regelingen.shipped().all()), c -> true);
    Toewijzingsbericht b = basis().toewijzing(1, Product.van("02A99"), VASTGESTELD, DAG, DAG.plusMonths(1), new Omvang(6, Eenheid.UUR, Frequentie.PER_WEEK));
    OngeldigBerichtException e = assertThrows(OngeldigBerichtException.class, () -> b.bouw(noordLimburg));
    assertEquals("TR381", e.bevindingen().get(0).regel());
  }

  @Test
  void aValueTheSchemaForbidsIsNotMade() {
    Toewijzingsbericht b =
        basis()
            .client(Bsn.of("999900006"), Geboortedatum.van(LocalDate.of(1950, 5, 17)), Geslacht.VROUWELIJK, VolledigeNaam.eigenNaam("J".repeat(201), null, null))
            .toewijzing(1, Product.van("02A02"), VASTGESTELD, DAG, DAG.plusMonths(1), new Omvang(6, Eenheid.UUR, Frequentie.PER_WEEK));
    assertThrows(IwmoXmlException.class, b::bouw);
  }

  @Test
  void antwoordberichten() {
    Wmo319 afwijzing = Antwoordbericht.afwijzing("0983", "12345678", "A1", DAG, "VOT-17", RedenAfwijzingVerzoek.GEEN_CONTRACT);
    Wmo319 onderzoek = Antwoordbericht.inOnderzoek("0983", "12345678", "A2", DAG, "VOT-18");
    for (Wmo319 b : List.of(afwijzing, onderzoek)) {
      assertEquals(b, IwmoXml.parse(IwmoXml.write(b)));
    }
    assertThrows(OngeldigBerichtException.class, () -> Antwoordbericht.afwijzing("0983", "12345678", "A3", DAG, "VOT-19", null));
    assertTrue(IwmoXml.writeString(afwijzing).contains("<wmo319:RedenAfwijzingVerzoek>3</wmo319:RedenAfwijzingVerzoek>"));
  }
}
