package nl.regie.server.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.regie.protocol.cases.DeadlineStatus;
import nl.regie.protocol.cases.Fase;
import nl.regie.protocol.cases.ToewijzingStatus;
import nl.regie.protocol.cases.VerzoekStatus;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.jackson.JacksonSerializer;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Events are forever. Every event type round-trips through the serializer the journal uses, and
 * the samples written by earlier versions (src/test/resources/events) still read back to the same
 * events and replay to the expected state.
 */
class CaseEventCompatibilityTest {

  static final ActorTestKit testKit =
      ActorTestKit.create(ConfigFactory.parseResources("serialization.conf").withFallback(ConfigFactory.defaultReference()).resolve());
  static final Serialization serialization = SerializationExtension.get(testKit.system().classicSystem());

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void everyEventTypeHasASample() {
    Set<String> types = Set.of(CaseEvent.class.getPermittedSubclasses()).stream()
        .map(Class::getSimpleName).collect(java.util.stream.Collectors.toSet());
    assertEquals(types, CaseEventSamples.all().keySet());
  }

  @Test
  void everyEventRoundTripsThroughJackson() {
    for (CaseEvent event : CaseEventSamples.all().values()) {
      Serializer serializer = serialization.findSerializerFor(event);
      assertInstanceOf(JacksonSerializer.class, serializer, event.getClass().getSimpleName());
      byte[] bytes = serialization.serialize(event).get();
      Object back = serialization.deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, event)).get();
      assertEquals(event, back);
    }
  }

  @Test
  void eventsAreStoredWithTheDictionaryAndRowsWrittenGzippedOrPlainBeforeStillRead() {
    for (CaseEvent event : CaseEventSamples.all().values()) {
      assertStoredWithTheDictionaryAndOldRowsRead(event);
    }
  }

  @Test
  void theStateIsStoredWithTheDictionaryAndSnapshotsWrittenGzippedOrPlainBeforeStillRead() throws IOException {
    assertStoredWithTheDictionaryAndOldRowsRead(CaseStateSamples.replayed());
    assertStoredWithTheDictionaryAndOldRowsRead(readState(CaseStateSamples.VERSION));
  }

  /**
   * Written now: the dictionary's deflate (3102), smaller than gzip, its manifest short. Written from 2026-12-07 until
   * then: gzip (3101). Written before: plain JSON (31). All three read back as the same value.
   */
  private static void assertStoredWithTheDictionaryAndOldRowsRead(Object value) {
    String name = value.getClass().getSimpleName();
    Serializer stored = serialization.findSerializerFor(value);
    assertEquals(3102, stored.identifier(), name);
    String manifest = Serializers.manifestFor(stored, value);
    String whole = value.getClass().getName();
    // A case event's manifest is stored short (serialization.conf); the state's whole.
    assertEquals(value instanceof CaseEvent ? ":" + whole.substring(whole.indexOf('$') + 1) : whole, manifest, name);
    byte[] bytes = serialization.serialize(value).get();
    assertEquals(1, bytes[0], "format 1: " + name);
    assertEquals(value, serialization.deserialize(bytes, 3102, manifest).get(), name);
    assertEquals(value, serialization.deserialize(bytes, 3102, whole).get(), name + ", written before manifests were short");

    byte[] gzipped = serialization.serializerByIdentity().apply(3101).toBinary(value);
    assertTrue((gzipped[0] & 0xff) == 0x1f && (gzipped[1] & 0xff) == 0x8b, "gzip magic");
    assertTrue(bytes.length < gzipped.length, name + ": " + bytes.length + " bytes with the dictionary, " + gzipped.length + " gzipped");
    assertEquals(value, serialization.deserialize(gzipped, 3101, whole).get(), name);

    byte[] plain = plainJson().toBinary(value);
    assertEquals('{', plain[0]);
    assertEquals(value, serialization.deserialize(plain, 31, whole).get(), name);
  }

  /**
   * What the journal and the snapshot store held before 2026-12-07, and what the samples are:
   * plain JSON, jackson-json (31).
   */
  private static Serializer plainJson() {
    return serialization.serializerByIdentity().apply(31);
  }

  @Test
  void theV1SamplesReadBackAsTheSameEvents() throws IOException {
    for (Map.Entry<String, CaseEvent> sample : CaseEventSamples.all().entrySet()) {
      assertEquals(sample.getValue(), readSample("v1", sample.getKey()), sample.getKey());
    }
  }

  @Test
  void theV1SamplesReplayToAConsistentState() throws IOException {
    List<CaseEvent> events = new ArrayList<>();
    for (String name : List.of("MeldingOntvangen", "ScreeningGestart", "ScreeningAfgerond", "Overgedragen",
        "OnderzoekAfgerond", "AanvraagOntvangen", "Toegewezen", "DeadlineSet", "DeadlineAlerted", "ToewijzingBevestigd",
        "DeadlineMet", "ZorgGestart", "ZorgGestopt")) {
      events.add(readSample("v1", name));
    }
    CaseState state = CaseState.empty("2b1c7a52-8f7e-4e0e-9d3a-5b1f6c2d9e01");
    for (CaseEvent event : events) state = state.apply(event);
    assertEquals(Fase.ZORG, state.fase());
    assertEquals("0984", state.gemeente());
    assertEquals("0983", state.melding().gemeente());
    assertEquals(ToewijzingStatus.ONDERBROKEN, state.toewijzing(1001).orElseThrow().status());
    assertEquals(ToewijzingStatus.TOEGEWEZEN, state.toewijzing(1002).orElseThrow().status());
    assertEquals(13, state.version());
    assertEquals(13, state.history().size(), "the case remembers every event");
    assertEquals(11, CaseHistory.of(state.history()).size(), "deadline bookkeeping stays out of the history, alerts do not");
    assertEquals(DeadlineStatus.MET, state.deadline("D8:12345678").orElseThrow().status());

    byte[] snapshot = serialization.serialize(state).get();
    Serializer serializer = serialization.findSerializerFor(state);
    assertEquals(state, serialization.deserialize(snapshot, serializer.identifier(), Serializers.manifestFor(serializer, state)).get(),
        "the state round-trips as a snapshot");
  }

  @Test
  void theV1VerzoekSamplesReplayToAnHonouredVerzoek() throws IOException {
    CaseState state = CaseState.empty("2b1c7a52-8f7e-4e0e-9d3a-5b1f6c2d9e01");
    for (String name : List.of("MeldingOntvangen", "Toegewezen", "VerzoekOntvangen", "VerzoekBeantwoord", "AntwoordBevestigd",
        "VerzoekGehonoreerd")) {
      state = state.apply(readSample("v1", name));
    }
    Verzoek verzoek = state.verzoeken().get(0);
    assertEquals("VOW-2027-1", verzoek.referentieAanbieder());
    assertEquals(VerzoekStatus.GEHONOREERD, verzoek.status());
    assertEquals(List.of(1003L), verzoek.toewijzingNummers());
    assertEquals(2, verzoek.producten().size());
    assertEquals(List.of("WMO317_ONTVANGEN", "VERZOEK_IN_ONDERZOEK", "ANTWOORD_BEVESTIGD", "VERZOEK_GEHONOREERD"),
        CaseHistory.of(state.history()).stream().skip(2).map(h -> h.type()).toList());
  }

  @Test
  void aSnapshotFromBeforeVerzoekenReadsBackWithNone() throws Exception {
    CaseState state = CaseState.empty("c").apply(readSample("v1", "MeldingOntvangen"));
    Serializer serializer = plainJson();
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(serializer.toBinary(state));
    json.remove("verzoeken");
    CaseState back = (CaseState) serialization.deserialize(new ObjectMapper().writeValueAsBytes(json), serializer.identifier(),
        Serializers.manifestFor(serializer, state)).get();
    assertEquals(List.of(), back.verzoeken());
    assertEquals(state, back);
  }

  @Test
  void aCaseWithVerzoekenAndDeclaratiesKeepsBothThroughASnapshot() throws Exception {
    CaseState state = CaseState.empty("2b1c7a52-8f7e-4e0e-9d3a-5b1f6c2d9e01");
    for (String name : List.of("MeldingOntvangen", "Toegewezen", "VerzoekOntvangen", "VerzoekBeantwoord", "ZorgGestart",
        "DeclaratieOntvangen", "PrestatieToegekend", "DeclaratieBeantwoord", "AntwoordBevestigd", "VerzoekGehonoreerd")) {
      state = state.apply(readSample("v1", name));
    }
    assertEquals(VerzoekStatus.GEHONOREERD, state.verzoeken().get(0).status());
    assertEquals(List.of(new Declaratieadministratie.Ontvangen(31L, "12345678", "DN2027-02", true)), state.declaraties().ontvangen());
    assertEquals("RN-0001", state.declaraties().toegekend().get(0).referentieNummer());
    assertEquals(10, state.version());

    Serializer serializer = serialization.findSerializerFor(state);
    byte[] snapshot = serialization.serialize(state).get();
    assertEquals(state, serialization.deserialize(snapshot, serializer.identifier(), Serializers.manifestFor(serializer, state)).get(),
        "the state round-trips as a snapshot");

    // A snapshot written by either branch alone (plain JSON then) lacks the other's field: it
    // reads back as none.
    serializer = plainJson();
    for (String field : List.of("verzoeken", "declaraties")) {
      ObjectNode json = (ObjectNode) new ObjectMapper().readTree(serializer.toBinary(state));
      json.remove(field);
      CaseState back = (CaseState) serialization.deserialize(new ObjectMapper().writeValueAsBytes(json), serializer.identifier(),
          Serializers.manifestFor(serializer, state)).get();
      assertEquals(field.equals("verzoeken") ? List.of() : state.verzoeken(), back.verzoeken(), field);
      assertEquals(field.equals("declaraties") ? Declaratieadministratie.LEEG : state.declaraties(), back.declaraties(), field);
    }
  }

  @Test
  void theStateSampleReadsBackAsTheSameState() throws IOException {
    assertEquals(CaseStateSamples.replayed(), readState(CaseStateSamples.VERSION));
  }

  /** A v2 snapshot has toewijzingen without a gemeente: they are the case's gemeente's. */
  @Test
  void aV2SnapshotReadsWithTheCasesGemeenteOnItsToewijzingen() throws IOException {
    CaseState v2 = readState("v2");
    CaseState replayed = CaseStateSamples.replayed();
    assertEquals(replayed.version(), v2.version());
    assertTrue(v2.toewijzingen().stream().allMatch(t -> t.gemeente().equals(v2.gemeente())));
    assertEquals(replayed.toewijzingen().stream().map(Toewijzing::leveringen).toList(),
        v2.toewijzingen().stream().map(Toewijzing::leveringen).toList());
  }

  /** Pekko then passes the snapshot over (snapshot-is-optional) and the case replays its events. */
  @Test
  void aSnapshotWithHistoryLinesIsNotRead() {
    assertThrows(Exception.class, () -> readState("v1"));
  }

  /** The group's entries are read streamed, as written: each names its type before its event. */
  @Test
  void aGroupReadsItsEventsInOrderAndRefusesAnEntryWithoutItsTypeFirst() {
    String ingetrokken = "{\"at\":\"2027-01-04T09:00:00Z\",\"reden\":\"dubbel\"}";
    String grouped = "{\"firstVersion\":4,\"events\":[{\"type\":\"Ingetrokken\",\"event\":" + ingetrokken + "},"
        + "{\"type\":\"ScreeningGestart\",\"event\":{\"at\":\"2027-01-04T09:00:00Z\"}}],\"at\":\"2027-01-04T09:00:00Z\"}";
    CaseEvent.Grouped read = (CaseEvent.Grouped) readJson(grouped, "Grouped");
    assertEquals(List.of(new CaseEvent.Ingetrokken("dubbel", Instant.parse("2027-01-04T09:00:00Z")),
        new CaseEvent.ScreeningGestart(Instant.parse("2027-01-04T09:00:00Z"))), read.events());
    assertEquals(4, read.firstVersion());

    String eventFirst = grouped.replace("{\"type\":\"Ingetrokken\",\"event\":" + ingetrokken + "}",
        "{\"event\":" + ingetrokken + ",\"type\":\"Ingetrokken\"}");
    assertThrows(Exception.class, () -> readJson(eventFirst, "Grouped"));
    assertThrows(Exception.class, () -> readJson(grouped.replace("Ingetrokken", "Onbekend"), "Grouped"));
    assertThrows(Exception.class, () -> readJson(grouped.replace("}],", ",\"extra\":1}],"), "Grouped"));
  }

  private static CaseEvent readJson(String json, String name) {
    return (CaseEvent) serialization.deserialize(
        json.getBytes(StandardCharsets.UTF_8), plainJson().identifier(), CaseEvent.class.getName() + "$" + name).get();
  }

  private static CaseState readState(String version) throws IOException {
    try (InputStream in = CaseEventCompatibilityTest.class.getResourceAsStream("/state/" + version + "/CaseState.json")) {
      assertNotNull(in, "no sample state/" + version + "/CaseState.json");
      return (CaseState) serialization.deserialize(in.readAllBytes(), plainJson().identifier(), CaseState.class.getName()).get();
    }
  }

  private static CaseEvent readSample(String version, String name) throws IOException {
    try (InputStream in = CaseEventCompatibilityTest.class.getResourceAsStream("/events/" + version + "/" + name + ".json")) {
      assertNotNull(in, "no sample " + version + "/" + name + ".json");
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return (CaseEvent) serialization.deserialize(
          json.getBytes(StandardCharsets.UTF_8), plainJson().identifier(), CaseEvent.class.getName() + "$" + name).get();
    }
  }

}
