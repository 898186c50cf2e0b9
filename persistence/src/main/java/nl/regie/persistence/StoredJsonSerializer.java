package nl.regie.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;
import org.apache.pekko.serialization.jackson.JacksonSerializer;

/**
 * Pekko's Jackson JSON serializer for what lands in the journal and the snapshot store ({@link
 * StoredJson}), its JSON compressed with raw deflate and a preset dictionary. The JSON, the
 * manifests, the migrations and the deserialization features are Pekko's own, configured as for
 * {@code jackson-json}: only {@link #compress} and {@link #decompress}, the short manifests and the
 * quick reading of instants and dates ({@link IsoTimeModule}) are this class's. It extends
 * {@link JacksonSerializer} rather than wrapping one because Pekko reads a class through any of its
 * Jackson serializers only if the class is bound to a Jackson serializer: so rows written plain
 * (31) or gzipped (3101) still read.
 *
 * <p>A stored payload is one format byte, then raw deflate (no header, no checksum). The byte
 * names the dictionary: format 1 is {@code stored-json-dictionary-1.txt}. A row says the same
 * field names, event types and deadline codes as every other row; gzip learns them anew in each
 * row, a dictionary holds them once for all (a journal row of the region simulation: 700 bytes of
 * JSON, 315 gzipped, 60 with dictionary 1).
 *
 * <p>Dictionary 1 (13.7 kB, one JSON document a line) is, in this order: the v3 case state sample
 * with its history emptied, the samples of {@code events/v1} in alphabetical order but the
 * deadline ones, then DeadlineAlerted, DeadlineSet and DeadlineMet, then the eight journal rows of
 * one closed case of the region simulation (its BSN replaced by a test BSN). Deflate reaches the
 * last bytes of a dictionary cheapest, so the most common material comes last.
 *
 * <p>A dictionary never changes once written: every payload of its format needs its exact bytes,
 * and the class refuses to start if the file is not what it was. A better dictionary comes beside
 * it as the next format. A format byte this version does not know is an error, never a guess.
 *
 * <p>Manifests are stored short where the binding's {@code short-manifests} says so: a prefix of
 * the class name (such as {@code nl.regie.server.cases.CaseEvent$}) is written as its short form (such
 * as {@code :}), which no class name can begin with. Every journal row carries its manifest, so
 * the 39 characters of {@code nl.regie.server.cases.CaseEvent$Grouped} were a tenth of a row. A
 * manifest without a short form reads as it is: rows written with the whole name still read. Like
 * a dictionary, a short form once written never changes its meaning.
 *
 * <p>Thread-safe: every call has its own {@link Deflater} or {@link Inflater}, ended in {@code
 * finally} because they hold native memory.
 */
public final class StoredJsonSerializer extends JacksonSerializer {

  /** The format this version writes; its byte comes first in every payload. */
  static final byte FORMAT_1 = 1;

  private static final byte[] DICTIONARY_1 = dictionary("stored-json-dictionary-1.txt", 0x5cf4bc82L);

  /** The short form of each prefix: one character that no Java class name begins with. */
  private static final Pattern SHORT = Pattern.compile("[:~!^]");

  /** Prefix by its short form, from {@code pekko.serialization.jackson.<binding>.short-manifests}. */
  private final Map<String, String> prefixes;

  /** Called by Pekko with the binding's name from {@code pekko.actor.serializers}. */
  public StoredJsonSerializer(ExtendedActorSystem system, String bindingName) {
    super(system, bindingName, JacksonObjectMapperProvider.get(system).getOrCreate(bindingName, Optional.empty())
        // After Pekko's modules (JavaTimeModule among them), so that its deserializer is asked first.
        .registerModule(new IsoTimeModule()));
    this.prefixes = shortManifests(system.settings().config(), "pekko.serialization.jackson." + bindingName + ".short-manifests");
  }

  static Map<String, String> shortManifests(Config config, String path) {
    if (!config.hasPath(path)) return Map.of();
    Map<String, String> prefixes = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigValue> entry : config.getObject(path).entrySet()) {
      String shortForm = entry.getKey();
      if (!SHORT.matcher(shortForm).matches()) {
        throw new IllegalArgumentException(path + ": a short form is one of : ~ ! ^, not " + shortForm);
      }
      prefixes.put(shortForm, entry.getValue().unwrapped().toString());
    }
    return Map.copyOf(prefixes);
  }

  @Override
  public String manifest(Object o) {
    String manifest = super.manifest(o);
    for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
      if (manifest.startsWith(prefix.getValue())) return prefix.getKey() + manifest.substring(prefix.getValue().length());
    }
    return manifest;
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) {
    return super.fromBinary(bytes, whole(manifest));
  }

  /** The manifest with its short form, if any, written out. */
  String whole(String manifest) {
    if (manifest.isEmpty()) return manifest;
    String prefix = prefixes.get(manifest.substring(0, 1));
    if (prefix != null) return prefix + manifest.substring(1);
    if (SHORT.matcher(manifest.substring(0, 1)).matches()) {
      throw new IllegalArgumentException("Manifest " + manifest + " has a short form this configuration does not know");
    }
    return manifest;
  }

  @Override
  public byte[] compress(byte[] json) {
    // The best level: a row is small, so its longer search costs microseconds, and reading is the same.
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      deflater.setDictionary(DICTIONARY_1);
      deflater.setInput(json);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 16);
      out.write(FORMAT_1);
      byte[] buffer = new byte[1024];
      while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  @Override
  public byte[] decompress(byte[] stored) {
    if (stored.length == 0) throw new IllegalArgumentException("An empty stored JSON payload: it has no format byte");
    return switch (stored[0]) {
      case FORMAT_1 -> inflate(stored, DICTIONARY_1);
      default -> throw new IllegalArgumentException(String.format(
          "Stored JSON of format 0x%02x is unknown to this version, which reads format 0x%02x", stored[0], FORMAT_1));
    };
  }

  private static byte[] inflate(byte[] stored, byte[] dictionary) {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setDictionary(dictionary);
      inflater.setInput(stored, 1, stored.length - 1);
      ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 12);
      byte[] buffer = new byte[4096];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        // Without this a cut-off payload would loop for ever: raw deflate has no length of its own.
        if (n == 0 && inflater.needsInput()) throw new IllegalArgumentException("Stored JSON payload is cut off before its deflate stream ends");
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("Stored JSON payload is not deflate of format " + stored[0], e);
    } finally {
      inflater.end();
    }
  }

  /** The dictionary's bytes, checked against the CRC-32 it had when it was written. */
  private static byte[] dictionary(String resource, long crc32) {
    try (InputStream in = StoredJsonSerializer.class.getResourceAsStream("/" + resource)) {
      if (in == null) throw new IllegalStateException("No " + resource + " on the class path");
      byte[] bytes = in.readAllBytes();
      CRC32 crc = new CRC32();
      crc.update(bytes);
      if (crc.getValue() != crc32) {
        throw new IllegalStateException(String.format(
            "%s has CRC-32 %08x, not %08x: a dictionary never changes, stored rows need its exact bytes", resource, crc.getValue(), crc32));
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
