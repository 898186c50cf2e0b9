package nl.regie.protocol.aanbieder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per regeling, the aanbieders the centrumgemeente admitted and the onderaannemers each may engage:
 * the overview 004 §2.2 says the centrumgemeente publishes. Like the rulebooks it is data: the
 * files shipped on the classpath (listed in {@code aanbieders/index.txt}) and any {@code *.yaml} in
 * an extra folder, a file for a regeling replacing the shipped one. A regeling without a file has
 * an empty register: Regie then knows no onderaannemers there and checks nothing.
 */
public final class Aanbiedersregister {

  private static final String INDEX = "aanbieders/index.txt";

  private final Map<String, List<Aanbieder>> perRegeling;

  private Aanbiedersregister(Map<String, List<Aanbieder>> perRegeling) {
    this.perRegeling = Map.copyOf(perRegeling);
  }

  /** No register at all: every AGB may be assigned, as before there was one. */
  public static Aanbiedersregister leeg() {
    return new Aanbiedersregister(Map.of());
  }

  /** A register of {@code aanbieders} for {@code regeling} only (for tests and tools). */
  public static Aanbiedersregister of(String regeling, List<Aanbieder> aanbieders) {
    return new Aanbiedersregister(Map.of(regeling, List.copyOf(aanbieders)));
  }

  /**
   * The shipped registers plus those in {@code extraFolder}, each for one of {@code regelingen}.
   *
   * @throws AanbiedersregisterException naming the file, aanbieder and field of the first bad file
   */
  public static Aanbiedersregister load(Optional<Path> extraFolder, Set<String> regelingen) {
    Map<String, List<Aanbieder>> perRegeling = new LinkedHashMap<>();
    ClassLoader loader = Aanbiedersregister.class.getClassLoader();
    for (String fileName : shippedFileNames(loader)) {
      try (InputStream in = loader.getResourceAsStream("aanbieders/" + fileName)) {
        if (in == null) throw new AanbiedersregisterException(INDEX + " lists " + fileName + ", which is not there");
        put(perRegeling, AanbiedersregisterLoader.load(fileName, in, regelingen));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    extraFolder.ifPresent(folder -> loadFolder(folder, regelingen, perRegeling));
    return new Aanbiedersregister(perRegeling);
  }

  private static void loadFolder(Path folder, Set<String> regelingen, Map<String, List<Aanbieder>> perRegeling) {
    if (!Files.isDirectory(folder)) throw new AanbiedersregisterException(folder + ": not a folder of aanbieder registers");
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.{yaml,yml}")) {
      for (Path file : files) {
        try (InputStream in = Files.newInputStream(file)) {
          put(perRegeling, AanbiedersregisterLoader.load(file.getFileName().toString(), in, regelingen));
        }
      }
    } catch (IOException e) {
      throw new AanbiedersregisterException(folder + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static void put(Map<String, List<Aanbieder>> perRegeling, AanbiedersregisterLoader.Lijst lijst) {
    perRegeling.put(lijst.regeling(), lijst.aanbieders());
  }

  private static List<String> shippedFileNames(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(INDEX)) {
      if (in == null) throw new AanbiedersregisterException(INDEX + " is missing from the classpath");
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The regelingen that have a register, sorted. */
  public Set<String> regelingen() {
    return new TreeSet<>(perRegeling.keySet());
  }

  /** The admitted aanbieders of {@code regeling}, in the order of its file; empty without a register. */
  public List<Aanbieder> aanbieders(String regeling) {
    return perRegeling.getOrDefault(regeling, List.of());
  }

  /** Whether {@code agb} is itself an admitted aanbieder of {@code regeling}. */
  public boolean toegelaten(String regeling, String agb) {
    return aanbieders(regeling).stream().anyMatch(a -> a.agb().equals(agb));
  }

  /** The hoofdaanbieders in {@code regeling} that have {@code agb} as onderaannemer (004: one may serve several). */
  public List<Aanbieder> hoofdaanbiedersVan(String regeling, String agb) {
    return aanbieders(regeling).stream().filter(a -> a.onderaannemer(agb).isPresent()).toList();
  }

  /**
   * Whether {@code agb} is in {@code regeling} an onderaannemer only: registered under a
   * hoofdaanbieder and not admitted itself. Such an AGB gets no toewijzing and sends no berichten.
   */
  public boolean alleenOnderaannemer(String regeling, String agb) {
    return !toegelaten(regeling, agb) && !hoofdaanbiedersVan(regeling, agb).isEmpty();
  }
}
