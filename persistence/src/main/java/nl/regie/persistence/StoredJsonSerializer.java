package nl.regie.persistence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
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
 * {@code jackson-json}: only {@link #compress} and {@link #decompress} are this class's. It extends
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
 * <p>Thread-safe: every call has its own {@link Deflater} or {@link Inflater}, ended in {@code
 * finally} because they hold native memory.
 */
public final class StoredJsonSerializer extends JacksonSerializer {

  /** The format this version writes; its byte comes first in every payload. */
  static final byte FORMAT_1 = 1;

  private static final byte[] DICTIONARY_1 = dictionary("stored-json-dictionary-1.txt", 0x5cf4bc82L);

  /** Called by Pekko with the binding's name from {@code pekko.actor.serializers}. */
  public StoredJsonSerializer(ExtendedActorSystem system, String bindingName) {
    super(system, bindingName, JacksonObjectMapperProvider.get(system).getOrCreate(bindingName, Optional.empty()));
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
