package nl.regie.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What is stored goes through {@link StoredJsonSerializer} (3102) as serialization.conf binds it:
 * it reads back, it is smaller than gzip, and a payload it cannot read is a clear error.
 */
class StoredJsonSerializerTest {

  /** Stored as events are: a decision's events repeat their field names. */
  record Note(String deadlineId, boolean late, List<String> voldaan, String at) implements StoredJson {}

  static final Note NOTE = new Note("D8:12345678", false, List.of("WMO302_ONTVANGEN"), "2026-11-24T09:12:30Z");

  static final ActorSystem system = ActorSystem.create("stored-json",
      ConfigFactory.parseResources("serialization.conf").withFallback(ConfigFactory.defaultReference()).resolve());
  static final Serialization serialization = SerializationExtension.get(system);

  @AfterAll
  static void stop() {
    system.terminate();
  }

  @Test
  void aStoredValueIsFormatOneDeflateAndReadsBack() {
    byte[] bytes = serialization.serialize(NOTE).get();
    assertEquals(3102, serialization.findSerializerFor(NOTE).identifier());
    assertEquals(StoredJsonSerializer.FORMAT_1, bytes[0]);
    assertEquals(NOTE, read(bytes));
    byte[] gzipped = serialization.serializerByIdentity().apply(3101).toBinary(NOTE);
    assertTrue(bytes.length < gzipped.length, bytes.length + " bytes with the dictionary, " + gzipped.length + " gzipped");
  }

  @Test
  void anUnknownFormatIsAClearError() {
    byte[] bytes = serialization.serialize(NOTE).get();
    bytes[0] = 2;
    var e = assertThrows(IllegalArgumentException.class, () -> read(bytes));
    assertEquals("Stored JSON of format 0x02 is unknown to this version, which reads format 0x01", e.getMessage());
  }

  /** A row of another serializer's (plain JSON, 31) given this one's id. */
  @Test
  void plainJsonIsNotAFormat() {
    byte[] json = "{\"deadlineId\":\"D8\"}".getBytes(StandardCharsets.UTF_8);
    var e = assertThrows(IllegalArgumentException.class, () -> read(json));
    assertTrue(e.getMessage().startsWith("Stored JSON of format 0x7b is unknown"), e.getMessage());
  }

  @Test
  void aCutOffPayloadIsAnErrorNotALoop() {
    byte[] bytes = serialization.serialize(NOTE).get();
    assertThrows(IllegalArgumentException.class, () -> read(Arrays.copyOf(bytes, bytes.length / 2)));
    assertThrows(IllegalArgumentException.class, () -> read(new byte[0]));
  }

  @Test
  void manyThreadsAtOnceEachReadTheirOwn() {
    IntStream.range(0, 400).parallel().forEach(i -> {
      Note note = new Note("D9:" + i, i % 2 == 0, List.of("ZORG_GESTART"), "2026-11-24T09:12:30Z");
      assertEquals(note, read(serialization.serialize(note).get()));
    });
  }

  /** As serialization.conf shortens the case events' manifests, here this test's own records. */
  @Test
  void aManifestIsStoredShortWhereConfiguredAndReadsBackWhicheverWayItWasWritten() {
    ActorSystem shortening = ActorSystem.create("short-manifests", ConfigFactory.parseString(
            "pekko.serialization.jackson.jackson-json-deflate.short-manifests { \"~\" = \"nl.regie.persistence.StoredJsonSerializerTest$\" }")
        .withFallback(ConfigFactory.parseResources("serialization.conf")).withFallback(ConfigFactory.defaultReference()).resolve());
    try {
      Serialization shortened = SerializationExtension.get(shortening);
      var serializer = shortened.findSerializerFor(NOTE);
      byte[] bytes = shortened.serialize(NOTE).get();
      assertEquals("~Note", Serializers.manifestFor(serializer, NOTE));
      assertEquals(NOTE, shortened.deserialize(bytes, 3102, "~Note").get());
      // Written before the short form, or by a node without it.
      assertEquals(NOTE, shortened.deserialize(bytes, 3102, Note.class.getName()).get());
      var unknown = assertThrows(IllegalArgumentException.class, () -> shortened.deserialize(bytes, 3102, "!Note").get());
      assertEquals("Manifest !Note has a short form this configuration does not know", unknown.getMessage());
    } finally {
      shortening.terminate();
    }
  }

  @Test
  void aShortFormIsOneOfFourCharactersNoClassNameBeginsWith() {
    var e = assertThrows(IllegalArgumentException.class, () -> StoredJsonSerializer.shortManifests(
        ConfigFactory.parseString("m { E = \"nl.regie.\" }"), "m"));
    assertEquals("m: a short form is one of : ~ ! ^, not E", e.getMessage());
  }

  @Test
  void storedInstantsAreReadWithoutAFormatter() {
    Stamped stamped = new Stamped(java.time.Instant.parse("2027-01-04T09:00:00.120Z"));
    var serializer = serialization.findSerializerFor(stamped);
    var modules = JacksonObjectMapperProvider.get(system).getOrCreate("jackson-json-deflate", Optional.empty()).getRegisteredModuleIds();
    assertTrue(modules.stream().anyMatch(id -> id.toString().contains("IsoTimeModule")), modules.toString());
    assertEquals(stamped, serialization.deserialize(serialization.serialize(stamped).get(), 3102,
        Serializers.manifestFor(serializer, stamped)).get());
  }

  record Stamped(java.time.Instant at) implements StoredJson {}

  private static Object read(byte[] bytes) {
    return serialization.deserialize(bytes, 3102, Serializers.manifestFor(serialization.findSerializerFor(NOTE), NOTE)).get();
  }
}
