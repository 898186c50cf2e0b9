package nl.regie.protocol.regeling;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A rulebook file as written (YAML), before validation. Field names are the file's keys; see
 * {@code regelingen/README.md} for what each means.
 *
 * <p>The fields of a termijn are read as text, not as enums or {@code Termijn}s, so that a wrong
 * value is reported by {@link DeadlineRuleReader} with the rule's code and together with the
 * file's other problems, instead of stopping the parser at the first one.
 */
record RegelingFile(
    String id,
    String naam,
    List<String> bronnen,
    List<ProductEntry> producten,
    Map<String, StapelEntry> stapelen,
    KalenderEntry kalender,
    List<TermijnEntry> termijnen,
    BeeindigingEntry beeindiging,
    String eigenBijdrage) {

  /** Absent: {@link Beeindiging#STANDAARD}. */
  record BeeindigingEntry(Boolean stopberichtBijEinddatum, NazorgEntry nazorg) {}

  record NazorgEntry(Integer dagen, List<String> producten) {}

  record ProductEntry(
      String code,
      String naam,
      String segment,
      LocalDate geldigTot,
      List<String> gemeenten,
      List<String> alleenMet,
      BandEntry band) {}

  /** The omvang a product allows; the numbers are read as decimals, written with a point. */
  record BandEntry(String eenheid, String per, BigDecimal van, BigDecimal gemiddeld, BigDecimal tot) {}

  record StapelEntry(List<String> wel, List<String> niet) {}

  /** Absent: {@code Werkdagen.nederland()}. */
  record KalenderEntry(Boolean goedeVrijdag, List<LocalDate> extraVrijeDagen) {}

  record TermijnEntry(
      String code,
      String omschrijving,
      String start,
      List<String> voldaan,
      String termijn,
      String verantwoordelijke,
      String waarschuwing,
      String escalatie,
      List<String> kanalen,
      List<String> producten,
      String bron) {}
}
