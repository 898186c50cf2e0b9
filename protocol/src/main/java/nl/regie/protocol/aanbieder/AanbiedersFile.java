package nl.regie.protocol.aanbieder;

import java.time.LocalDate;
import java.util.List;

/** A register file as written (YAML), before validation; see {@code aanbieders/README.md}. */
record AanbiedersFile(String regeling, List<String> bronnen, List<AanbiederEntry> aanbieders) {

  record AanbiederEntry(String agb, String naam, List<OnderaannemerEntry> onderaannemers) {}

  record OnderaannemerEntry(String agb, String naam, LocalDate van, LocalDate tot) {}
}
