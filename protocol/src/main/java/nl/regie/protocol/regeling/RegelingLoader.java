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
import nl.regie.protocol.codes.Eenheid;
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
    alleenMetSegmenten(producten, stapelregels, problems);
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
      Set<String> gemeenten = gemeenten(entry.gemeenten(), where, problems);
      Set<String> alleenMet = alleenMet(entry.alleenMet(), entry.segment(), where, problems);
      Omvangband band = band(entry.band(), where, problems);
      if (ok && gemeenten != null && alleenMet != null && (entry.band() == null || band != null)) {
        producten.add(new Product(entry.code(), entry.naam(), entry.segment(), entry.geldigTot(), gemeenten, alleenMet, band));
      }
    }
    return producten;
  }

  /** The CBS codes of {@code gemeenten}, or null when one is wrong. */
  private static Set<String> gemeenten(List<String> gemeenten, String where, Problems problems) {
    if (gemeenten == null) return Set.of();
    if (gemeenten.isEmpty()) {
      problems.add(where + ": field gemeenten: empty; leave it out when every gemeente offers the product");
      return null;
    }
    Set<String> codes = new HashSet<>();
    boolean ok = true;
    for (String gemeente : gemeenten) {
      if (gemeente == null || !gemeente.matches("[0-9]{4}")) {
        problems.add(where + ": field gemeenten: '" + gemeente + "' is not a CBS gemeentecode (four digits, in quotes: \"0785\")");
        ok = false;
      } else if (!codes.add(gemeente)) {
        problems.add(where + ": field gemeenten: " + gemeente + " listed twice");
        ok = false;
      }
    }
    return ok ? codes : null;
  }

  /** The segments of {@code alleenMet} as written, or null when the list is wrong; checked against the segments later. */
  private static Set<String> alleenMet(List<String> alleenMet, String segment, String where, Problems problems) {
    if (alleenMet == null) return Set.of();
    if (alleenMet.isEmpty()) {
      problems.add(where + ": field alleenMet: empty; leave it out when the product needs no other");
      return null;
    }
    if (alleenMet.stream().anyMatch(Objects::isNull)) {
      problems.add(where + ": field alleenMet: empty segment name");
      return null;
    }
    if (alleenMet.contains(segment)) {
      problems.add(where + ": field alleenMet: names the product's own segment '" + segment + "'");
      return null;
    }
    return Set.copyOf(alleenMet);
  }

  /**
   * The band of a product, or null when there is none or it is wrong. Besides its own numbers, the
   * omvang derived from its gemiddelde must fall inside it, so that a derived omvang is never
   * refused by the check it came from.
   */
  private static Omvangband band(RegelingFile.BandEntry entry, String where, Problems problems) {
    if (entry == null) return null;
    String at = where + ": field band";
    int before = problems.count();
    Eenheid eenheid = null;
    if (entry.eenheid() == null) {
      problems.add(at + " > eenheid: missing (uur or dagdeel)");
    } else if (entry.eenheid().equals("uur")) {
      eenheid = Eenheid.UUR;
    } else if (entry.eenheid().equals("dagdeel")) {
      eenheid = Eenheid.DAGDEEL;
    } else {
      problems.add(at + " > eenheid: '" + entry.eenheid() + "' is neither uur nor dagdeel");
    }
    int weken = 0;
    if (entry.per() == null) {
      problems.add(at + " > per: missing (a number of weeks: 1w, 4w)");
    } else if (!entry.per().matches("[1-9][0-9]?w")) {
      problems.add(at + " > per: '" + entry.per() + "' is not a number of weeks (1w, 4w)");
    } else {
      weken = Integer.parseInt(entry.per().substring(0, entry.per().length() - 1));
    }
    problems.require(entry.van() != null, at + " > van: missing");
    problems.require(entry.tot() != null, at + " > tot: missing");
    if (entry.van() != null && entry.van().signum() < 0) problems.add(at + " > van: negative");
    if (entry.van() != null && entry.tot() != null && entry.van().compareTo(entry.tot()) > 0) {
      problems.add(at + ": van " + entry.van().toPlainString() + " is more than tot " + entry.tot().toPlainString());
    }
    if (entry.gemiddeld() != null && entry.van() != null && entry.tot() != null
        && (entry.gemiddeld().compareTo(entry.van()) < 0 || entry.gemiddeld().compareTo(entry.tot()) > 0)) {
      problems.add(at + " > gemiddeld: " + entry.gemiddeld().toPlainString() + " is not between van and tot");
    }
    if (problems.count() > before) return null;
    Omvangband band = new Omvangband(eenheid, weken, entry.van(), entry.gemiddeld(), entry.tot());
    band.afgeleid().ifPresent(omvang -> band.toets(omvang, null, null).ifPresent(problem ->
        problems.add(at + " > gemiddeld: the omvang derived from it (" + omvang.volume() + " per week) falls outside: " + problem)));
    return problems.count() > before ? null : band;
  }

  /** Every segment named in an alleenMet must be some product's, and must be allowed to stack with the product. */
  private static void alleenMetSegmenten(List<Product> producten, Stapelregels stapelregels, Problems problems) {
    Set<String> segments = producten.stream().map(Product::segment).collect(Collectors.toSet());
    for (Product product : producten) {
      for (String other : product.alleenMet().stream().sorted().toList()) {
        String where = "product " + product.code() + ": field alleenMet: ";
        if (!segments.contains(other)) {
          problems.add(where + "no product has segment '" + other + "'");
        } else if (!stapelregels.stapelbaar(product.segment(), other)) {
          problems.add(where + "segment '" + other + "' may not stack with segment '" + product.segment()
              + "' (stapelen), so the product could never be assigned with it");
        }
      }
    }
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
