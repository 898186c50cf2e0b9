package nl.regie.protocol.aanbieder;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and validates one register file: the aanbieders a regeling admits and their onderaannemers.
 * Every problem is reported as an {@link AanbiedersregisterException} whose message starts with
 * the file name and names the aanbieder and field, the way {@code RegelingLoader} reports a
 * rulebook, so that a bad register stops startup with a line an editor can act on.
 */
public final class AanbiedersregisterLoader {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())
          .registerModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** What one file says: the regeling it is for, and its aanbieders. */
  public record Lijst(String regeling, List<Aanbieder> aanbieders) {
    public Lijst {
      aanbieders = List.copyOf(aanbieders);
    }
  }

  private AanbiedersregisterLoader() {}

  /**
   * Reads {@code in}; {@code fileName} is used in messages and must be {@code <regeling>.yaml}, a
   * regeling among {@code regelingen}.
   */
  public static Lijst load(String fileName, InputStream in, Set<String> regelingen) {
    AanbiedersFile file;
    try {
      byte[] bytes = in.readAllBytes();
      if (new String(bytes, StandardCharsets.UTF_8).isBlank()) throw new AanbiedersregisterException(fileName + ": empty file");
      file = YAML.readValue(bytes, AanbiedersFile.class);
    } catch (JsonMappingException e) {
      throw new AanbiedersregisterException(fileName + ": " + path(e) + ": " + reason(e), e);
    } catch (IOException e) {
      throw new AanbiedersregisterException(fileName + ": not readable as YAML: " + e.getMessage(), e);
    }
    if (file == null) throw new AanbiedersregisterException(fileName + ": empty file");
    List<String> problems = new ArrayList<>();
    if (file.regeling() == null || file.regeling().isBlank()) {
      problems.add("field regeling: missing");
    } else if (!fileName.equals(file.regeling() + ".yaml")) {
      problems.add("field regeling: '" + file.regeling() + "' does not match the file name");
    } else if (!regelingen.contains(file.regeling())) {
      problems.add("field regeling: '" + file.regeling() + "' is not a regeling this server knows " + regelingen.stream().sorted().toList());
    }
    List<AanbiedersFile.AanbiederEntry> entries = file.aanbieders() == null ? List.of() : file.aanbieders();
    if (entries.isEmpty()) problems.add("field aanbieders: missing or empty");
    List<Aanbieder> aanbieders = aanbieders(entries, problems);
    if (!problems.isEmpty()) throw new AanbiedersregisterException(fileName + ": " + String.join("; ", problems));
    return new Lijst(file.regeling(), aanbieders);
  }

  private static List<Aanbieder> aanbieders(List<AanbiedersFile.AanbiederEntry> entries, List<String> problems) {
    List<Aanbieder> aanbieders = new ArrayList<>();
    Set<String> agbs = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      AanbiedersFile.AanbiederEntry entry = entries.get(i);
      if (entry == null) {
        problems.add("aanbieder #" + (i + 1) + ": empty entry");
        continue;
      }
      String where = "aanbieder " + (agb(entry.agb()) ? entry.agb() : "#" + (i + 1));
      int before = problems.size();
      if (!agb(entry.agb())) {
        problems.add(where + ": field agb: " + agbProblem(entry.agb()));
      } else if (!agbs.add(entry.agb())) {
        problems.add(where + ": field agb: listed twice");
      }
      if (entry.naam() == null || entry.naam().isBlank()) problems.add(where + ": field naam: missing");
      List<Onderaannemer> onderaannemers = onderaannemers(entry, where, problems);
      if (problems.size() == before) aanbieders.add(new Aanbieder(entry.agb(), entry.naam(), onderaannemers));
    }
    return aanbieders;
  }

  private static List<Onderaannemer> onderaannemers(AanbiedersFile.AanbiederEntry aanbieder, String where, List<String> problems) {
    List<Onderaannemer> onderaannemers = new ArrayList<>();
    if (aanbieder.onderaannemers() == null) return onderaannemers;
    if (aanbieder.onderaannemers().isEmpty()) {
      problems.add(where + ": field onderaannemers: empty; leave it out when the aanbieder engages none");
    }
    Set<String> agbs = new HashSet<>();
    for (int j = 0; j < aanbieder.onderaannemers().size(); j++) {
      AanbiedersFile.OnderaannemerEntry entry = aanbieder.onderaannemers().get(j);
      if (entry == null) {
        problems.add(where + ": onderaannemer #" + (j + 1) + ": empty entry");
        continue;
      }
      String at = where + ": onderaannemer " + (agb(entry.agb()) ? entry.agb() : "#" + (j + 1));
      int before = problems.size();
      if (!agb(entry.agb())) {
        problems.add(at + ": field agb: " + agbProblem(entry.agb()));
      } else if (entry.agb().equals(aanbieder.agb())) {
        problems.add(at + ": field agb: is the aanbieder itself");
      } else if (!agbs.add(entry.agb())) {
        problems.add(at + ": field agb: listed twice");
      }
      if (entry.naam() == null || entry.naam().isBlank()) problems.add(at + ": field naam: missing");
      if (entry.van() != null && entry.tot() != null && entry.tot().isBefore(entry.van())) {
        problems.add(at + ": field tot: " + entry.tot() + " is before van " + entry.van());
      }
      if (problems.size() == before) onderaannemers.add(new Onderaannemer(entry.agb(), entry.naam(), entry.van(), entry.tot()));
    }
    return onderaannemers;
  }

  private static boolean agb(String agb) {
    return agb != null && agb.matches("[0-9]{8}");
  }

  private static String agbProblem(String agb) {
    return agb == null ? "missing" : "'" + agb + "' is not an AGB code (eight digits, in quotes: \"01234567\")";
  }

  private static String reason(JsonMappingException e) {
    if (e instanceof MismatchedInputException m && m.getTargetType() != null && Collection.class.isAssignableFrom(m.getTargetType())) {
      return "expected a list, each item starting with '- '";
    }
    String message = e.getOriginalMessage();
    return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? "field " + r.getFieldName() : "entry #" + (r.getIndex() + 1))
        .collect(Collectors.joining(" > "));
  }
}
