package nl.regie.protocol.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CBS gemeentelijke indeling that iWmo's LDT_GemeenteCode refers to (rule S300). Loaded once
 * from {@code gemeenten.csv} beside this class.
 */
public final class Gemeenten {

  private static final Map<String, Gemeente> BY_CODE = load();

  private Gemeenten() {}

  public static Optional<Gemeente> find(String code) {
    return Optional.ofNullable(code).map(BY_CODE::get);
  }

  public static boolean exists(String code) {
    return code != null && BY_CODE.containsKey(code);
  }

  public static Collection<Gemeente> all() {
    return Collections.unmodifiableCollection(BY_CODE.values());
  }

  private static Map<String, Gemeente> load() {
    Map<String, Gemeente> byCode = new LinkedHashMap<>();
    try (InputStream in = Gemeenten.class.getResourceAsStream("gemeenten.csv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] parts = line.split(";");
        byCode.put(parts[0], new Gemeente(parts[0], parts[1], parts[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gemeenten.csv", e);
    }
    return byCode;
  }
}
