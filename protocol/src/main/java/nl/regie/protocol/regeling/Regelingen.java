package nl.regie.protocol.regeling;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every regeling the server knows: the ones shipped on the classpath (listed in {@code
 * regelingen/index.txt}) and any {@code *.yaml} in an extra folder, so that a new region is a new
 * file, not new code. A file in the folder with the id of a shipped one replaces it. Files end in
 * {@code .yaml} (a {@code .yml} file is read too, and refused, so that it is not silently ignored).
 */
public final class Regelingen {

  private static final String INDEX = "regelingen/index.txt";

  private final Map<String, Regeling> byId;

  private Regelingen(Map<String, Regeling> byId) {
    this.byId = Map.copyOf(byId);
  }

  public static Regelingen of(Regeling... regelingen) {
    Map<String, Regeling> byId = new LinkedHashMap<>();
    for (Regeling r : regelingen) byId.put(r.id(), r);
    return new Regelingen(byId);
  }

  /** The shipped rulebooks. */
  public static Regelingen shipped() {
    return load(Optional.empty());
  }

  /**
   * The shipped rulebooks plus those in {@code extraFolder}.
   *
   * @throws RegelingException naming the file, rule and field of the first bad rulebook
   */
  public static Regelingen load(Optional<Path> extraFolder) {
    Map<String, Regeling> byId = new LinkedHashMap<>();
    ClassLoader loader = Regelingen.class.getClassLoader();
    for (String fileName : shippedFileNames(loader)) {
      try (InputStream in = loader.getResourceAsStream("regelingen/" + fileName)) {
        if (in == null) throw new RegelingException(INDEX + " lists " + fileName + ", which is not there");
        Regeling regeling = RegelingLoader.load(fileName, in);
        byId.put(regeling.id(), regeling);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    extraFolder.ifPresent(folder -> loadFolder(folder, byId));
    return new Regelingen(byId);
  }

  private static void loadFolder(Path folder, Map<String, Regeling> byId) {
    if (!Files.isDirectory(folder)) {
      throw new RegelingException(folder + ": not a folder of rulebooks");
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.{yaml,yml}")) {
      for (Path file : files) {
        try (InputStream in = Files.newInputStream(file)) {
          Regeling regeling = RegelingLoader.load(file.getFileName().toString(), in);
          byId.put(regeling.id(), regeling);
        }
      }
    } catch (IOException e) {
      throw new RegelingException(folder + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static List<String> shippedFileNames(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(INDEX)) {
      if (in == null) throw new RegelingException(INDEX + " is missing from the classpath");
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Regeling> find(String id) {
    return Optional.ofNullable(id).map(byId::get);
  }

  public Collection<Regeling> all() {
    return byId.values();
  }
}
