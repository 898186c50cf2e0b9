package nl.regie.protocol.regeling;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import nl.regie.protocol.codes.Productcategorie;
import nl.regie.protocol.kalender.Werkdagen;

/**
 * Reads and validates one rulebook file: its products, stacking rules, deadline rules ({@code
 * termijnen}, see {@link DeadlineRuleReader}) and working-day calendar ({@code kalender}). Every
 * problem is reported as a {@link RegelingException} whose message starts with the file name and
 * names the rule and field, so that a bad rulebook stops startup with a line an editor can act on.
 * A YAML mistake or an unknown field stops the file at once; wrong values are all reported together.
 */
public final class RegelingLoader {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          // A key written twice (a segment under stapelen, say) is a mistake, not an override.
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())
          .registerModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private RegelingLoader() {}

  /** Reads {@code in}; {@code fileName} is used in messages and must be {@code <id>.yaml}. */
  public static Regeling load(String fileName, InputStream in) {
    RegelingFile file;
    try {
      byte[] bytes = in.readAllBytes();
      if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
        throw new RegelingException(fileName + ": empty file");
      }
      file = YAML.readValue(bytes, RegelingFile.class);
    } catch (JsonMappingException e) {
      throw new RegelingException(fileName + ": " + path(e) + ": " + reason(e), e);
    } catch (IOException e) {
      throw new RegelingException(fileName + ": not readable as YAML: " + e.getMessage(), e);
    }
    if (file == null) throw new RegelingException(fileName + ": empty file");
    return validate(fileName, file);
  }

  private static Regeling validate(String fileName, RegelingFile file) {
    Problems problems = new Problems(fileName);
    problems.require(file.id() != null && !file.id().isBlank(), "field id: missing");
    if (file.id() != null && !fileName.equals(file.id() + ".yaml")) {
      problems.add("field id: '" + file.id() + "' does not match the file name");
    }
    problems.require(file.naam() != null && !file.naam().isBlank(), "field naam: missing");
    problems.require(file.producten() != null && !file.producten().isEmpty(), "field producten: missing or empty");

    Set<String> codes = new HashSet<>();
    List<Product> producten = producten(orEmpty(file.producten()), codes, problems);
    Stapelregels stapelregels = stapelregels(file.stapelen(), producten, problems);
    // Checked against every product code that was written correctly, so that one bad product does
    // not also make each termijn that names it fail.
    List<DeadlineRule> termijnen = DeadlineRuleReader.read(orEmpty(file.termijnen()), codes, problems);
    Werkdagen kalender = kalender(file.kalender(), problems);
    Beeindiging beeindiging = beeindiging(file.beeindiging(), codes, problems);
    boolean viaCak = file.eigenBijdrage() == null || file.eigenBijdrage().equals("cak");
    if (!viaCak && !file.eigenBijdrage().equals("aanbieder")) problems.add("field eigenBijdrage: cak or aanbieder");
    problems.throwIfAny();
    return Regeling.of(
        file.id(), file.naam(), orEmpty(file.bronnen()), producten, stapelregels, termijnen, kalender, beeindiging, viaCak);
  }

  /** The valid products; {@code codes} receives every well-formed code, also of invalid products. */
  private static List<Product> producten(List<RegelingFile.ProductEntry> entries, Set<String> codes, Problems problems) {
    List<Product> producten = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      RegelingFile.ProductEntry entry = entries.get(i);
      if (entry == null) {
        problems.add("product #" + (i + 1) + ": empty entry");
        continue;
      }
      String where = "product " + (entry.code() == null ? "#" + (i + 1) : entry.code());
      boolean ok = true;
      if (entry.code() == null || !entry.code().matches("[0-9A-Z]{5}")) {
        problems.add(where + ": field code: must be five characters (digits and capitals)");
        ok = false;
      } else if (Productcategorie.ofProductcode(entry.code()).isEmpty()) {
        problems.add(where + ": field code: does not start with a productcategorie of WMO020");
        ok = false;
      } else if (!codes.add(entry.code())) {
        problems.add(where + ": field code: listed twice");
        ok = false;
      }
      if (entry.naam() == null || entry.naam().isBlank()) {
        problems.add(where + ": field naam: missing");
        ok = false;
      }
      if (entry.segment() == null || entry.segment().isBlank()) {
        problems.add(where + ": field segment: missing");
        ok = false;
      }
      if (ok) producten.add(new Product(entry.code(), entry.naam(), entry.segment(), entry.geldigTot()));
    }
    return producten;
  }

  private static Stapelregels stapelregels(
      Map<String, RegelingFile.StapelEntry> stapelen, List<Product> producten, Problems problems) {
    Set<String> segments = producten.stream().map(Product::segment).collect(Collectors.toSet());
    Map<String, Set<String>> wel = new LinkedHashMap<>();
    Map<String, Set<String>> niet = new LinkedHashMap<>();
    if (stapelen == null) return new Stapelregels(wel, niet);
    stapelen.forEach(
        (segment, entry) -> {
          String where = "stapelen " + segment;
          if (!segments.contains(segment)) {
            problems.add(where + ": no product has segment '" + segment + "'");
          }
          List<String> welMet = entry == null || entry.wel() == null ? List.of() : entry.wel();
          List<String> nietMet = entry == null || entry.niet() == null ? List.of() : entry.niet();
          if (welMet.stream().anyMatch(Objects::isNull) || nietMet.stream().anyMatch(Objects::isNull)) {
            problems.add(where + ": empty segment name in wel or niet");
            return;
          }
          for (String other : welMet) {
            if (!segments.contains(other)) problems.add(where + ": field wel: no product has segment '" + other + "'");
            if (nietMet.contains(other)) problems.add(where + ": segment '" + other + "' is in both wel and niet");
          }
          for (String other : nietMet) {
            if (!segments.contains(other)) problems.add(where + ": field niet: no product has segment '" + other + "'");
          }
          wel.put(segment, Set.copyOf(welMet));
          niet.put(segment, Set.copyOf(nietMet));
        });
    return new Stapelregels(wel, niet);
  }

  /**
   * The working-day calendar the regeling's termijnen count in: the Dutch one of the Algemene
   * termijnenwet unless the file switches Goede Vrijdag on or adds closing days. A day on a weekend
   * or feestdag is allowed (it changes nothing), so a closing week can be written out whole.
   */
  private static Werkdagen kalender(RegelingFile.KalenderEntry entry, Problems problems) {
    if (entry == null) return Werkdagen.nederland();
    Set<LocalDate> dagen = new HashSet<>();
    for (LocalDate dag : orEmpty(entry.extraVrijeDagen())) {
      if (dag == null) {
        problems.add("kalender: field extraVrijeDagen: empty entry");
      } else if (!dagen.add(dag)) {
        problems.add("kalender: field extraVrijeDagen: " + dag + " listed twice");
      }
    }
    return Werkdagen.nederland()
        .withGoedeVrijdag(Boolean.TRUE.equals(entry.goedeVrijdag()))
        .withExtraVrijeDagen(dagen);
  }

  private static Beeindiging beeindiging(RegelingFile.BeeindigingEntry entry, Set<String> codes, Problems problems) {
    if (entry == null) return Beeindiging.STANDAARD;
    boolean stopbericht = !Boolean.FALSE.equals(entry.stopberichtBijEinddatum());
    RegelingFile.NazorgEntry nazorg = entry.nazorg();
    if (nazorg == null) return new Beeindiging(stopbericht, 0, Set.of());
    int dagen = nazorg.dagen() == null ? 0 : nazorg.dagen();
    if (dagen < 1 || dagen > 366) problems.add("beeindiging: nazorg: field dagen: must be between 1 and 366");
    Set<String> producten = new HashSet<>();
    for (String code : orEmpty(nazorg.producten())) {
      if (!codes.contains(code)) {
        problems.add("beeindiging: nazorg: field producten: " + code + " is not a product of this regeling");
      } else {
        producten.add(code);
      }
    }
    if (producten.isEmpty()) problems.add("beeindiging: nazorg: field producten: missing or empty");
    return new Beeindiging(stopbericht, dagen, producten);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String reason(JsonMappingException e) {
    // "voldaan: WMO302_ONTVANGEN" for a one-event list is an easy slip; Jackson's own words for it
    // ("Cannot construct instance of `java.util.ArrayList`…") do not help an editor.
    if (e instanceof MismatchedInputException m
        && m.getTargetType() != null
        && Collection.class.isAssignableFrom(m.getTargetType())) {
      return "expected a list, written [a, b] (also for one value: [a])";
    }
    return firstLine(e.getOriginalMessage());
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? "field " + r.getFieldName() : "entry #" + (r.getIndex() + 1))
        .collect(Collectors.joining(" > "));
  }
}
