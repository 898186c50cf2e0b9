package nl.regie.loadtest.year;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import nl.regie.protocol.iwmo.bericht.Retourbericht;
import nl.regie.protocol.iwmo.xml.IwmoXml;
import nl.regie.server.access.Principal;
import nl.regie.server.access.Role;
import nl.regie.server.access.TokenMinter;

/**
 * One run of a profile against one server: the script, its timeline, the parties' tokens and
 * software, and what they saw. Gatling makes the simulation class itself, by name, so the run is
 * handed to it here ({@link #current}); one run at a time per JVM.
 */
public final class YearRun {

  private static volatile YearRun current;

  private final String base;
  private final Script script;
  private final Timeline timeline;
  private final AlertWatch alerts;
  private final Map<Role, String> partyTokens = new HashMap<>();
  private final Map<String, String> aanbiederTokens = new HashMap<>();
  private final Map<String, AanbiederSoftware> software = new HashMap<>();
  private final Map<String, Outbox> outboxes = new HashMap<>();
  /** Heenberichten posted by soort (WMO305, 307, 315, 317, 323), and those answered with a retour that approves them. */
  private final Map<String, AtomicInteger> heen = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> retourGoedgekeurd = new ConcurrentHashMap<>();
  /** WMO301s read, and WMO302s that answered them and were processed; the same of WMO319s and WMO320s. */
  final AtomicInteger gelezen301 = new AtomicInteger();
  final AtomicInteger verwerkt302 = new AtomicInteger();
  final AtomicInteger gelezen319 = new AtomicInteger();
  final AtomicInteger verwerkt320 = new AtomicInteger();
  private final Map<String, ScriptedCase> byCaseId = new ConcurrentHashMap<>();
  private final TokenMinter minter;
  private final Duration valid = Duration.ofDays(3 * 366);
  private final LiveWatch live;

  /** What an aanbieder has read of its outbox: the cursor, and the WMO301s and WMO319s of each case, in order. */
  static final class Outbox {
    long cursor;
    final Map<String, List<Long>> wmo301ByCase = new ConcurrentHashMap<>();
    final Map<String, List<Long>> wmo319ByCase = new ConcurrentHashMap<>();

    synchronized int count(Map<String, List<Long>> byCase, String caseId) {
      List<Long> ids = byCase.get(caseId);
      return ids == null ? 0 : ids.size();
    }

    synchronized long get(Map<String, List<Long>> byCase, String caseId, int i) {
      return byCase.get(caseId).get(i);
    }
  }

  /**
   * {@code secret}: the server's HS256 secret. The tokens are valid from a day before the script's
   * first moment for three years, since the server checks them against its virtual clock.
   */
  public YearRun(String base, Script script, byte[] secret) {
    this.base = base;
    this.script = script;
    this.timeline = new Timeline(script);
    this.alerts = new AlertWatch(script);
    this.minter = new TokenMinter(secret, Clock.fixed(timeline.first().minus(Duration.ofDays(1)), ZoneOffset.UTC));
    Set<String> gemeenten = script.profile().gemeentenMetAandeel().stream().map(Profile.GemeenteAandeel::code).collect(Collectors.toSet());
    for (Role role : EnumSet.of(Role.TOEGANG, Role.BACKOFFICE, Role.SUPERVISOR)) {
      partyTokens.put(role, minter.mint(new Principal("load-" + role.name().toLowerCase(), Set.of(role), gemeenten, null), valid));
    }
    partyTokens.put(Role.ADMIN, minter.mint(new Principal("load-admin", Set.of(Role.ADMIN), Set.of(), null), valid));
    for (Profile.AanbiederProfiel a : script.profile().alleAanbieders()) {
      aanbiederTokens.put(a.agb(), minter.mint(new Principal("load-aanbieder-" + a.agb(), Set.of(Role.AANBIEDER), Set.of(), a.agb()), valid));
      software.put(a.agb(), new AanbiederSoftware(a.agb()));
      outboxes.put(a.agb(), new Outbox());
    }
    this.live = new LiveWatch(this);
  }

  /** A token of its own for a party the run plays. */
  String mint(Principal principal) {
    return minter.mint(principal, valid);
  }

  public LiveWatch live() {
    return live;
  }

  /** The melding opened a case: from now on it is known by its id. */
  void opened(ScriptedCase c) {
    byCaseId.put(c.caseId, c);
  }

  ScriptedCase byCaseId(String caseId) {
    return byCaseId.get(caseId);
  }

  /**
   * What caused a change of case {@code caseId} that arrived at {@code nanos} (System.nanoTime):
   * the case's latest step whose request went out before it, or the clock move after that. Steps
   * run only between clock moves, so the later of the two is the cause, unless a change takes
   * longer to arrive than the rest of its day.
   */
  long causeNanos(String caseId, long nanos) {
    ScriptedCase c = caseId == null ? null : byCaseId.get(caseId);
    long cause = alerts.movedBefore(nanos);
    if (c != null) {
      synchronized (c.stappenVerstuurd) {
        for (long sent : c.stappenVerstuurd) if (sent <= nanos) cause = Math.max(cause, sent);
      }
    }
    return cause;
  }

  public static void install(YearRun run) {
    current = run;
  }

  static YearRun current() {
    if (current == null) throw new IllegalStateException("no YearRun installed: start the simulation through LoadRun");
    return current;
  }

  public String base() {
    return base;
  }

  public Script script() {
    return script;
  }

  public Timeline timeline() {
    return timeline;
  }

  public AlertWatch alerts() {
    return alerts;
  }

  public String bearer(Role role) {
    return "Bearer " + partyTokens.get(role);
  }

  String bearerOf(String agb) {
    return "Bearer " + aanbiederTokens.get(agb);
  }

  AanbiederSoftware software(String agb) {
    return software.get(agb);
  }

  Outbox outbox(String agb) {
    return outboxes.get(agb);
  }

  /** Takes a page of an aanbieder's outbox: the WMO301s and WMO319s by case, and the cursor past them. */
  void takeOutbox(String agb, JsonNode page) {
    Outbox outbox = outboxes.get(agb);
    synchronized (outbox) {
      for (JsonNode item : page.get("items")) {
        long id = item.get("id").asLong();
        if (id <= outbox.cursor) continue;
        String soort = item.get("berichtsoort").asText();
        if (item.hasNonNull("caseId") && (soort.equals("WMO301") || soort.equals("WMO319"))) {
          (soort.equals("WMO301") ? outbox.wmo301ByCase : outbox.wmo319ByCase)
              .computeIfAbsent(item.get("caseId").asText(), k -> new ArrayList<>()).add(id);
        }
        outbox.cursor = Math.max(outbox.cursor, id);
      }
    }
  }

  long cursorOf(String agb) {
    Outbox outbox = outboxes.get(agb);
    synchronized (outbox) {
      return outbox.cursor;
    }
  }

  /** A heenbericht of {@code soort} goes out. */
  void verstuurd(String soort) {
    heen.computeIfAbsent(soort, k -> new AtomicInteger()).incrementAndGet();
  }

  /** Whether {@code xml} is the retour of soort {@code soort} that approves its heenbericht; counts it. */
  boolean approves(String xml, String soort) {
    try {
      Retourbericht retour = (Retourbericht) IwmoXml.parse(xml.getBytes(StandardCharsets.UTF_8));
      boolean ok = retour.soort().name().equals(soort) && retour.heenIsGoedgekeurd();
      if (ok) retourGoedgekeurd.computeIfAbsent(soort, k -> new AtomicInteger()).incrementAndGet();
      return ok;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Where the clock is to start: the script's first moment. */
  public Instant first() {
    return timeline.first();
  }

  /** Heenberichten of {@code soort} posted. */
  public int heen(String soort) {
    AtomicInteger n = heen.get(soort);
    return n == null ? 0 : n.get();
  }

  /** Retouren of {@code soort} that approved their heenbericht. */
  public int retourGoedgekeurd(String soort) {
    AtomicInteger n = retourGoedgekeurd.get(soort);
    return n == null ? 0 : n.get();
  }

  public int gelezen301() {
    return gelezen301.get();
  }

  public int verwerkt302() {
    return verwerkt302.get();
  }
}
