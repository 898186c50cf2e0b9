package nl.regie.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.regie.persistence.TestDatabase;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.server.RegieClient;
import nl.regie.server.RegieServer;
import nl.regie.server.TestServers;
import nl.regie.server.access.Role;
import nl.regie.server.cases.CaseEvent;
import nl.regie.server.cases.CaseSettings;
import nl.regie.server.testing.StreamClient.Event;
import nl.regie.server.testing.StreamClient;
import nl.regie.server.testing.TestTokens;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trap of the tag query: an event whose transaction took its ordering first but commits after
 * later ones. The read journal serves events only up to the highest ordering without a gap, and
 * waits for a gap (max-tries × query-delay) before it counts it as rolled back; an event that
 * commits within that time must reach the case list and the stream all the same, in its place.
 * Here the window is shortened to 5 s (50 × 100 ms) and the event commits a second late.
 */
class StreamGapTest {

  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final String VENLO = "0983";

  static TestDatabase database;
  static RegieServer server;

  @BeforeAll
  static void start() {
    database = TestDatabase.create(StreamGapTest.class);
    server = RegieServer.start(TestServers.config(database.settings(), Map.of(
        "jdbc-read-journal.journal-sequence-retrieval.query-delay", "100ms",
        "jdbc-read-journal.journal-sequence-retrieval.max-tries", "50")));
  }

  @AfterAll
  static void stop() {
    server.close();
    database.close();
  }

  @Test
  void anEventThatCommitsAfterLaterOnesStillReachesTheStreamAndTheCaseList() throws Exception {
    String token = TestTokens.of(Role.BACKOFFICE, VENLO);
    int port = server.httpAddress().getPort();
    try (StreamClient stream = StreamClient.sse(port, "/api/v1/stream/cases?from=0", Map.of("Authorization", "Bearer " + token));
        Connection late = DriverManager.getConnection(database.settings().url(), database.settings().user(), database.settings().password())) {
      // A melding written as the case entity writes it, in a transaction that stays open.
      String heldCase = UUID.randomUUID().toString();
      CaseEvent melding = new CaseEvent.MeldingOntvangen(heldCase, "999993653", VENLO, "wmo-noord-limburg", Kanaal.GEMEENTE,
          LocalDate.parse("2026-11-20"), null, Instant.parse("2026-11-26T09:00:00Z"));
      Serialization serialization = SerializationExtension.get(server.system().classicSystem());
      Serializer serializer = serialization.findSerializerFor(melding);
      late.setAutoCommit(false);
      long heldOrdering;
      try (PreparedStatement ps = late.prepareStatement("INSERT INTO event_journal (persistence_id, sequence_number, deleted, writer, "
          + "write_timestamp, adapter_manifest, event_ser_id, event_ser_manifest, event_payload) VALUES (?, 1, false, ?, ?, '', ?, ?, ?) "
          + "RETURNING ordering")) {
        ps.setString(1, "Case|" + heldCase);
        ps.setString(2, UUID.randomUUID().toString());
        ps.setLong(3, melding.at().toEpochMilli());
        ps.setInt(4, serializer.identifier());
        ps.setString(5, Serializers.manifestFor(serializer, melding));
        ps.setBytes(6, serialization.serialize(melding).get());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          heldOrdering = rs.getLong(1);
        }
      }
      try (PreparedStatement ps = late.prepareStatement("INSERT INTO event_tag (event_id, tag) VALUES (?, ?)")) {
        ps.setLong(1, heldOrdering);
        ps.setString(2, CaseSettings.from(server.system().settings().config().getConfig("regie")).tagFor(heldCase));
        ps.executeUpdate();
      }

      // A case made meanwhile takes later orderings and commits first.
      RegieClient toegang = new RegieClient(port).withToken(TestTokens.of(Role.TOEGANG, VENLO));
      RegieClient.Response made = toegang.post("/api/v1/cases", "{\"bsn\":\"999993653\",\"gemeente\":\"" + VENLO + "\","
          + "\"regeling\":\"wmo-noord-limburg\",\"kanaal\":\"gemeente\",\"meldingOp\":\"2026-11-26\"}");
      assertEquals(201, made.status(), made.body());
      String madeCase = made.json().get("caseId").asText();
      Thread.sleep(1000);
      // The read journal holds back everything after the gap: nothing of the later case has come yet.
      assertTrue(stream.drain().stream().noneMatch(e -> madeCase.equals(text(e))), "nothing passes the gap");
      late.commit();

      // Once the held event commits, it comes, and the later case after the gap too.
      List<Event> seen = new ArrayList<>(stream.until(e -> heldCase.equals(text(e)), PATIENCE));
      if (seen.stream().noneMatch(e -> madeCase.equals(text(e)))) seen.addAll(stream.until(e -> madeCase.equals(text(e)), PATIENCE));
      assertEquals("MeldingOntvangen", seen.stream().filter(e -> heldCase.equals(text(e))).findFirst().orElseThrow().data()
          .get("type").asText());
      RegieClient backoffice = new RegieClient(port).withToken(token);
      assertEquals("MELDING", backoffice.get("/api/v1/cases/" + heldCase).json().get("fase").asText());
    }
  }

  static String text(Event e) {
    return e.data() != null && e.data().has("caseId") ? e.data().get("caseId").asText() : null;
  }

}
