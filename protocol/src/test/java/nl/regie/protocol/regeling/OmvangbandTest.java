package nl.regie.protocol.regeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import nl.regie.protocol.cases.Omvang;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The band check of a product's omvang: an omvang in any convertible iWmo unit and frequentie is
 * compared exactly with the band as the seed writes it, and a missing one is derived from the
 * gemiddelde; every shipped band's derived omvang lies inside it.
 */
class OmvangbandTest {

  /** 003, 1A +: "0,4-(2,8)-4,2" uur per 4 weken. */
  private static final Omvangband UREN = new Omvangband(Eenheid.UUR, 4, new BigDecimal("0.4"), new BigDecimal("2.8"),
      new BigDecimal("4.2"));
  /** 003, 4C +: "3-(3,4)-4" dagdelen per 4 weken. */
  private static final Omvangband DAGDELEN = new Omvangband(Eenheid.DAGDEEL, 4, new BigDecimal("3"), new BigDecimal("3.4"),
      new BigDecimal("4"));

  private static final LocalDate IN = LocalDate.parse("2027-01-01");
  private static final LocalDate EIND = LocalDate.parse("2027-12-31");

  private static Optional<String> toets(Omvangband band, int volume, Eenheid eenheid, Frequentie frequentie, LocalDate eind) {
    return band.toets(new Omvang(volume, eenheid, frequentie), IN, eind);
  }

  @ParameterizedTest(name = "{0} {1} per {2}: in band 0.4-4.2 uur per 4 weken: {3}")
  @CsvSource({
    // 63 minutes a week is 4.2 uur per 4 weken exactly: the edge is inside.
    "63, MINUUT, PER_WEEK, true",
    "64, MINUUT, PER_WEEK, false",
    // 6 minutes a week is 0.4 uur per 4 weken exactly.
    "6, MINUUT, PER_WEEK, true",
    "5, MINUUT, PER_WEEK, false",
    "1, UUR, PER_WEEK, true",
    "2, UUR, PER_WEEK, false",
    "4, UUR, PER_MAAND, true", // 4 x 12/13 = 3.69 per 4 weken
    "5, UUR, PER_MAAND, false", // 4.62
    "9, MINUUT, PER_DAG, true", // 9 x 28 = 252 minuten = 4.2 uur
    "10, MINUUT, PER_DAG, false",
    "54, UUR, TOTAAL_BINNEN_GELDIGHEIDSDUUR, true", // 54 uur over 365 dagen: 4.14 per 4 weken
    "55, UUR, TOTAAL_BINNEN_GELDIGHEIDSDUUR, false",
  })
  void comparesAnyConvertibleOmvangExactly(int volume, Eenheid eenheid, Frequentie frequentie, boolean inBand) {
    assertEquals(inBand, toets(UREN, volume, eenheid, frequentie, EIND).isEmpty());
  }

  @Test
  void theRefusalSaysWhatTheOmvangAmountsToAndTheBand() {
    String problem = toets(UREN, 64, Eenheid.MINUUT, Frequentie.PER_WEEK, EIND).orElseThrow();
    assertTrue(problem.contains("4.27 uur per 4 weken"), problem);
    assertTrue(problem.contains("0.4 to 4.2 uur per 4 weken"), problem);
  }

  @Test
  void anEenheidThatDoesNotConvertIsRefusedWithWhatWould() {
    String uren = toets(UREN, 1, Eenheid.DAGDEEL, Frequentie.PER_WEEK, EIND).orElseThrow();
    assertTrue(uren.contains("minuten or uren"), uren);
    // The seed trades dagdelen for hours only by a rule of thumb: hours are not dagdelen.
    String dagdelen = toets(DAGDELEN, 4, Eenheid.UUR, Frequentie.PER_WEEK, EIND).orElseThrow();
    assertTrue(dagdelen.contains("dagdelen (16)"), dagdelen);
    assertTrue(toets(UREN, 1, Eenheid.STUKS_OUTPUT, Frequentie.PER_WEEK, EIND).isPresent());
  }

  @Test
  void aTotalNeedsAnEinddatumToBeSpreadOver() {
    assertTrue(toets(UREN, 10, Eenheid.UUR, Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR, null).isPresent());
  }

  @Test
  void theDerivedOmvangIsTheGemiddeldePerWeekInWholeUnits() {
    // 2.8 uur per 4 weken = 42 minuten per week.
    assertEquals(Optional.of(new Omvang(42, Eenheid.MINUUT, Frequentie.PER_WEEK)), UREN.afgeleid());
    // 3.4 dagdelen per 4 weken = 0.85 a week: 1 dagdeel per week.
    assertEquals(Optional.of(new Omvang(1, Eenheid.DAGDEEL, Frequentie.PER_WEEK)), DAGDELEN.afgeleid());
    Omvangband zonderGemiddelde = new Omvangband(Eenheid.UUR, 1, BigDecimal.ONE, null, new BigDecimal("3"));
    assertFalse(zonderGemiddelde.afgeleid().isPresent(), "no gemiddelde, nothing to derive");
  }

  @Test
  void everyShippedBandHoldsTheOmvangDerivedFromIt() {
    int bands = 0;
    for (Regeling regeling : Regelingen.shipped().all()) {
      for (Product product : regeling.producten().values()) {
        if (product.band() == null) continue;
        bands++;
        Optional<Omvang> afgeleid = product.band().afgeleid();
        afgeleid.ifPresent(omvang -> assertEquals(Optional.empty(), product.band().toets(omvang, IN, EIND), product.code()));
      }
    }
    assertEquals(52 + 3, bands, "the 52 matrix cells of wmo-begeleiding and the 3 Thuis Plus bandbreedtes of bw-groningen");
  }

  @Test
  void theShippedBandsAreTheSeedsTable() {
    Regeling begeleiding = Regelingen.shipped().find("wmo-begeleiding").orElseThrow();
    Omvangband a1 = begeleiding.product("021A1").orElseThrow().band();
    assertEquals(UREN, a1);
    Omvangband c5 = begeleiding.product("074C5").orElseThrow().band();
    assertEquals(new Omvangband(Eenheid.DAGDEEL, 4, new BigDecimal("25.3"), new BigDecimal("29.1"), new BigDecimal("38.8")), c5);
    // 004 gives Thuis Plus no gemiddelde: its omvang cannot be derived.
    Omvangband thuisPlus = Regelingen.shipped().find("bw-groningen").orElseThrow().product("15A77").orElseThrow().band();
    assertEquals(new Omvangband(Eenheid.UUR, 1, new BigDecimal("4"), null, new BigDecimal("6")), thuisPlus);
  }
}
