package nl.regie.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.regie.protocol.codes.StatusAanlevering;
import nl.regie.protocol.iwmo.bericht.Wmo301;
import nl.regie.server.RegieClient;

/**
 * Regie's users at work on one server or on the nodes of a cluster (each request to the next node
 * in turn, as a load balancer would send them), each in a thread of its own: toegang and backoffice
 * walking new cases to a toewijzing, an aanbieder answering its WMO301s with a 302 and a 305 (a
 * second aanbieder never answers, so its deadlines pass), a supervisor paging the alerts, and
 * someone moving the virtual clock. They go on through refused connections and 503s, as real
 * clients would, and write down in {@link Acknowledged} every change the server confirmed and in
 * {@link #exchanges()} every answer they got.
 */
public final class Traffic implements AutoCloseable {

  public static final String GEMEENTE = "0983";
  public static final Aanbieder ANSWERING = new Aanbieder("12340001");
  public static final Aanbieder SILENT = new Aanbieder("12340002");
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  /** One answer: what was asked, its status (-1: no answer, the connection failed), how long it took. */
  public record Exchange(String what, int status, String contentType, String body, long millis) {}

  private final List<RegieClient> clients;
  private final AtomicInteger nextClient = new AtomicInteger();
  private final Acknowledged acknowledged;
  private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> threads = new ArrayList<>();
  private final AanbiederInbox inbox = new AanbiederInbox();
  private final AtomicInteger walks = new AtomicInteger();
  private volatile boolean running = true;
  private volatile String alertCursor;

  private Traffic(List<RegieClient> clients, Acknowledged acknowledged) {
    this.clients = List.copyOf(clients);
    this.acknowledged = acknowledged;
  }

  /**
   * Starts {@code walkers} case walkers and the other parties against the server on {@code port};
   * the clock moves on by {@code clockStep} (an ISO-8601 duration) about once a second.
   */
  public static Traffic start(int port, Acknowledged acknowledged, int walkers, String clockStep) {
    return start(port, acknowledged, walkers, clockStep, TestTokens.everything());
  }

  /** As above, with {@code token} (one that may do everything, {@link TestTokens#everything(byte[])}). */
  public static Traffic start(int port, Acknowledged acknowledged, int walkers, String clockStep, String token) {
    return start(List.of(port), acknowledged, walkers, clockStep, token);
  }

  /** As above, on the nodes at {@code ports}: each request goes to the next of them. */
  public static Traffic start(List<Integer> ports, Acknowledged acknowledged, int walkers, String clockStep, String token) {
    Traffic traffic = new Traffic(ports.stream().map(port -> new RegieClient(port).withToken(token)).toList(), acknowledged);
    for (int i = 0; i < walkers; i++) traffic.spawn("walker-" + i, traffic::walkCase);
    traffic.spawn("aanbieder", traffic::answerWmo301s);
    traffic.spawn("supervisor", traffic::pageAlerts);
    traffic.spawn("clock", () -> traffic.moveClock(clockStep));
    return traffic;
  }

  public List<Exchange> exchanges() {
    synchronized (exchanges) {
      return List.copyOf(exchanges);
    }
  }

  /** Stops every party and waits until each has finished its request. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread thread : threads) thread.join(60_000);
  }

  private void spawn(String name, Runnable step) {
    Thread thread = new Thread(() -> {
      while (running) {
        try {
          step.run();
        } catch (UncheckedIOException | Refused e) {
          pause(200);
        }
      }
    }, "traffic-" + name);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  /** A new case from melding to toewijzing; it ends at the first answer that is not a success. */
  private void walkCase() {
    String aanbieder = (walks.getAndIncrement() % 3 == 2 ? SILENT : ANSWERING).agb();
    JsonNode created = expect(201, "create", () -> client().post("/api/v1/cases", "{\"bsn\":\"999993653\",\"gemeente\":\"" + GEMEENTE + "\","
        + "\"regeling\":\"wmo-noord-limburg\",\"kanaal\":\"gemeente\",\"meldingOp\":\"2026-11-20\",\"client\":{\"naam\":{\"achternaam\":\"Jansen\","
        + "\"voorletters\":\"P\"},\"geboortedatum\":\"1960-03-01\",\"geslacht\":\"1\",\"adres\":{\"straatnaam\":\"Markt\",\"huisnummer\":1,"
        + "\"postcode\":\"5911AB\",\"plaatsnaam\":\"Venlo\"}}}"));
    String caseId = created.get("caseId").asText();
    acknowledged.caseAnswered(created);
    String path = "/api/v1/cases/" + caseId + "/";
    for (String[] action : new String[][] {
        {"screening-starten", "{}"},
        {"screening-afronden", "{\"eersteOpvangNodig\":false,\"gemeenteVanHerkomst\":\"" + GEMEENTE + "\"}"},
        {"onderzoek-afronden", "{\"verslagVerstuurdOp\":\"2026-11-24\"}"},
        {"aanvraag-ontvangen", "{\"ondertekendOp\":\"2026-11-25\"}"},
        {"toewijzen", "{\"beschiktOp\":\"2026-11-30\",\"toewijzingen\":[{\"product\":\"02A02\",\"aanbieder\":\"" + aanbieder + "\","
            + "\"ingangsdatum\":\"2026-11-30\",\"einddatum\":\"2027-11-29\",\"omvang\":{\"volume\":1,\"eenheid\":\"82\",\"frequentie\":\"6\"}}]}"}}) {
      acknowledged.caseAnswered(expect(200, action[0], () -> client().post(path + action[0], action[1])));
    }
  }

  /**
   * The answering aanbieder reads its outbox from where it was and answers each WMO301 with a 302
   * and a 305. A bericht whose answer did not come is posted again, the same bytes, until it does.
   */
  private void answerWmo301s() {
    inbox.retryPending(this);
    JsonNode page = expect(200, "outbox", () -> client().get("/iwmo/v1/berichten?aanbieder=" + ANSWERING.agb()
        + (inbox.cursor == null ? "" : "&na=" + inbox.cursor)));
    for (JsonNode item : page.get("items")) {
      long id = item.get("id").asLong();
      acknowledged.berichtSeen(id);
      if (!"WMO301".equals(item.get("berichtsoort").asText()) || !inbox.answered.add(id)) continue;
      byte[] xml = expectRaw(200, "wmo301", () -> client().get("/iwmo/v1/berichten/" + id, "application/xml")).body().getBytes(StandardCharsets.UTF_8);
      Wmo301 wmo301 = Aanbieder.lees301(xml);
      LocalDate today = today();
      LocalDate begin = wmo301.client().toegewezenProducten().get(0).ingangsdatum();
      inbox.pending.add(ANSWERING.wmo302(wmo301, today));
      inbox.pending.add(ANSWERING.wmo305(wmo301, today, begin, StatusAanlevering.EERSTE_AANLEVERING));
      inbox.retryPending(this);
    }
    if (page.hasNonNull("next")) inbox.cursor = page.get("next").asText();
    pause(100);
  }

  private void post(byte[] bericht) {
    RegieClient.Response answer = expectRaw(200, "bericht", () -> client().post("/iwmo/v1/berichten", "application/xml",
        new String(bericht, StandardCharsets.UTF_8)));
    String location = answer.header("Location");
    if (location != null) {
      acknowledged.retourHandedOut(location, answer.body());
    } else {
      acknowledged.berichtSeen(answer.json().get("berichtId").asLong());
    }
  }

  private void pageAlerts() {
    JsonNode page = expect(200, "alerts", () -> client().get("/api/v1/alerts?limit=1000" + (alertCursor == null ? "" : "&after=" + alertCursor)));
    for (JsonNode alert : page.get("items")) {
      acknowledged.alertSeen(alert);
      alertCursor = alert.get("id").asText();
    }
    pause(300);
  }

  private void moveClock(String step) {
    acknowledged.clockMoved(Instant.parse(expect(200, "clock", () -> client().post("/admin/v1/clock", "{\"advance\":\"" + step + "\"}")).get("now").asText()));
    pause(900);
  }

  /** The node the next request goes to. */
  private RegieClient client() {
    return clients.get(Math.floorMod(nextClient.getAndIncrement(), clients.size()));
  }

  private LocalDate today() {
    return Instant.parse(expect(200, "clock", () -> client().get("/admin/v1/clock")).get("now").asText()).atZone(AMSTERDAM).toLocalDate();
  }

  private JsonNode expect(int status, String what, Supplier<RegieClient.Response> request) {
    return expectRaw(status, what, request).json();
  }

  /** The response when it has {@code status}; otherwise it is written down and the step ends ({@link Refused}). */
  private RegieClient.Response expectRaw(int status, String what, Supplier<RegieClient.Response> request) {
    long start = System.nanoTime();
    RegieClient.Response response;
    try {
      response = request.get();
    } catch (UncheckedIOException e) {
      exchanges.add(new Exchange(what, -1, "", String.valueOf(e.getCause()), (System.nanoTime() - start) / 1_000_000));
      throw e;
    }
    exchanges.add(new Exchange(what, response.status(), response.contentType(), response.body(), (System.nanoTime() - start) / 1_000_000));
    if (response.status() != status) throw new Refused(response.status());
    return response;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The answer was not the success the step needs; the party goes on with its next step. */
  private static final class Refused extends RuntimeException {
    final int status;

    Refused(int status) {
      super(null, null, false, false);
      this.status = status;
    }
  }

  /** Where the answering aanbieder is in its outbox, and what it must still post. */
  private static final class AanbiederInbox {
    final List<byte[]> pending = new ArrayList<>();
    final Set<Long> answered = new HashSet<>();
    String cursor;

    /** Posts what is pending, in order; a bericht the server refused as wrong (4xx) is not posted again. */
    void retryPending(Traffic traffic) {
      while (!pending.isEmpty()) {
        try {
          traffic.post(pending.get(0));
        } catch (Refused refused) {
          if (refused.status < 400 || refused.status >= 500) throw refused;
        }
        pending.remove(0);
      }
    }
  }
}
