package nl.regie.protocol.regeling;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import nl.regie.protocol.cases.Omvang;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Frequentie;

/**
 * The omvang a product allows, as its source writes it: from {@code van} to {@code tot} {@code
 * eenheid} per {@code weken} weeks, with the {@code gemiddeld} the tariff is based on when the
 * source gives one (003: "0,4-(2,8)-4,2" uur per 4 weken). An omvang written in other iWmo units
 * and frequenties is converted to the band's before it is compared (see {@link #perPeriode}).
 */
public record Omvangband(Eenheid eenheid, int weken, BigDecimal van, BigDecimal gemiddeld, BigDecimal tot) {

  /** Weeks in a month for an omvang "per maand": 52 weeks a year over 12 months, so 13 periods of 4 weeks make 12 months. */
  private static final BigDecimal WEKEN_PER_JAAR = BigDecimal.valueOf(52);

  private static final BigDecimal MINUTEN_PER_UUR = BigDecimal.valueOf(60);

  public Omvangband {
    Objects.requireNonNull(eenheid, "eenheid");
    Objects.requireNonNull(van, "van");
    Objects.requireNonNull(tot, "tot");
    if (eenheid != Eenheid.UUR && eenheid != Eenheid.DAGDEEL) {
      throw new IllegalArgumentException("a band is in uur or dagdeel, not " + eenheid);
    }
    if (weken < 1) throw new IllegalArgumentException("weken: at least 1");
  }

  /** What the band reads as, for messages: "0.4 to 4.2 uur per 4 weken". */
  public String omschrijving() {
    return van.toPlainString() + " to " + tot.toPlainString() + " " + eenheidNaam() + " per " + periodeNaam();
  }

  private String eenheidNaam() {
    return eenheid == Eenheid.UUR ? "uur" : "dagdelen";
  }

  private String periodeNaam() {
    return weken == 1 ? "week" : weken + " weken";
  }

  /**
   * What is wrong with {@code omvang} for a toewijzing from {@code ingangsdatum} to {@code
   * einddatum} (null: open-ended), if anything: an eenheid that does not convert to the band's, a
   * total without an einddatum to spread it over, or an amount outside the band.
   */
  public Optional<String> toets(Omvang omvang, LocalDate ingangsdatum, LocalDate einddatum) {
    Optional<Breuk> factor = factor(omvang.eenheid(), omvang.frequentie(), ingangsdatum, einddatum);
    if (factor.isEmpty()) {
      return Optional.of(eenheid == Eenheid.UUR
          ? "eenheid " + omvang.eenheid().code() + " (" + omvang.eenheid().omschrijving() + ") with frequentie "
              + omvang.frequentie().code() + " cannot be compared with the band of " + omschrijving()
              + ": write it in minuten or uren, per dag, week or maand, or as a total with an einddatum"
          : "eenheid " + omvang.eenheid().code() + " (" + omvang.eenheid().omschrijving() + ") with frequentie "
              + omvang.frequentie().code() + " cannot be compared with the band of " + omschrijving()
              + ": write it in dagdelen (16), per dag, week or maand, or as a total with an einddatum");
    }
    BigDecimal volume = BigDecimal.valueOf(omvang.volume());
    BigDecimal scaled = volume.multiply(factor.get().teller());
    boolean binnen = scaled.compareTo(van.multiply(factor.get().noemer())) >= 0
        && scaled.compareTo(tot.multiply(factor.get().noemer())) <= 0;
    if (binnen) return Optional.empty();
    BigDecimal perPeriode = perPeriode(omvang, ingangsdatum, einddatum).orElseThrow();
    return Optional.of(omvang.volume() + " " + omvang.eenheid().omschrijving().toLowerCase(java.util.Locale.ROOT) + " "
        + omvang.frequentie().omschrijving().toLowerCase(java.util.Locale.ROOT) + " is "
        + perPeriode.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " " + eenheidNaam() + " per "
        + periodeNaam() + ", outside the band of " + omschrijving());
  }

  /**
   * {@code omvang} in the band's eenheid per the band's period, if it converts: a minuut is 1/60
   * uur; a dagdeel converts to nothing else (the seeds count dagbesteding in dagdelen and trade
   * them for hours only by a rule of thumb); per dag is 7 days a week, per maand is 52/12 weeks (a
   * year of 13 periods of 4 weeks), a total is spread over the days from ingangsdatum to einddatum.
   */
  public Optional<BigDecimal> perPeriode(Omvang omvang, LocalDate ingangsdatum, LocalDate einddatum) {
    return factor(omvang.eenheid(), omvang.frequentie(), ingangsdatum, einddatum)
        .map(f -> BigDecimal.valueOf(omvang.volume()).multiply(f.teller()).divide(f.noemer(), 6, RoundingMode.HALF_UP));
  }

  /**
   * The omvang taken when a toewijzing gives none: the band's gemiddelde, per week (iWmo has no
   * frequentie "per 4 weken"; a week divides every band's period exactly), in minuten for a band
   * in uren and in dagdelen for one in dagdelen, rounded half up to a whole number because an
   * iWmo Volume is one. Empty when the source gives no gemiddelde. Per week needs an einddatum in
   * the WMO301 (iWmo CD076).
   */
  public Optional<Omvang> afgeleid() {
    if (gemiddeld == null) return Optional.empty();
    BigDecimal perWeek = gemiddeld.divide(BigDecimal.valueOf(weken), 6, RoundingMode.HALF_UP);
    if (eenheid == Eenheid.UUR) {
      int minuten = perWeek.multiply(MINUTEN_PER_UUR).setScale(0, RoundingMode.HALF_UP).intValueExact();
      return Optional.of(new Omvang(Math.max(1, minuten), Eenheid.MINUUT, Frequentie.PER_WEEK));
    }
    int dagdelen = perWeek.setScale(0, RoundingMode.HALF_UP).intValueExact();
    return Optional.of(new Omvang(Math.max(1, dagdelen), Eenheid.DAGDEEL, Frequentie.PER_WEEK));
  }

  /** What one unit of {@code eenheid} per {@code frequentie} is in the band's eenheid per its period, as a fraction. */
  private Optional<Breuk> factor(Eenheid gegeven, Frequentie frequentie, LocalDate ingangsdatum, LocalDate einddatum) {
    Breuk eenheidFactor;
    if (gegeven == eenheid) {
      eenheidFactor = new Breuk(BigDecimal.ONE, BigDecimal.ONE);
    } else if (eenheid == Eenheid.UUR && gegeven == Eenheid.MINUUT) {
      eenheidFactor = new Breuk(BigDecimal.ONE, MINUTEN_PER_UUR);
    } else {
      return Optional.empty();
    }
    BigDecimal w = BigDecimal.valueOf(weken);
    Breuk frequentieFactor;
    switch (frequentie) {
      case PER_DAG -> frequentieFactor = new Breuk(w.multiply(BigDecimal.valueOf(7)), BigDecimal.ONE);
      case PER_WEEK -> frequentieFactor = new Breuk(w, BigDecimal.ONE);
      case PER_MAAND -> frequentieFactor = new Breuk(w.multiply(BigDecimal.valueOf(12)), WEKEN_PER_JAAR);
      case TOTAAL_BINNEN_GELDIGHEIDSDUUR -> {
        if (einddatum == null || ingangsdatum == null || einddatum.isBefore(ingangsdatum)) return Optional.empty();
        long dagen = ChronoUnit.DAYS.between(ingangsdatum, einddatum) + 1;
        frequentieFactor = new Breuk(w.multiply(BigDecimal.valueOf(7)), BigDecimal.valueOf(dagen));
      }
      default -> throw new IllegalStateException("unknown frequentie " + frequentie);
    }
    return Optional.of(new Breuk(eenheidFactor.teller().multiply(frequentieFactor.teller()),
        eenheidFactor.noemer().multiply(frequentieFactor.noemer())));
  }

  /** An exact fraction, so that an omvang exactly on a band's edge is inside it. */
  private record Breuk(BigDecimal teller, BigDecimal noemer) {}
}
