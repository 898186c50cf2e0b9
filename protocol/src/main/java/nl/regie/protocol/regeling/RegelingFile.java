package nl.regie.protocol.regeling;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A rulebook file as written (YAML), before validation. Field names are the file's keys; see
 * {@code regelingen/README.md} for what each means.
 */
record RegelingFile(
    String id,
    String naam,
    List<String> bronnen,
    List<ProductEntry> producten,
    Map<String, StapelEntry> stapelen) {

  record ProductEntry(String code, String naam, String segment, LocalDate geldigTot) {}

  record StapelEntry(List<String> wel, List<String> niet) {}
}
