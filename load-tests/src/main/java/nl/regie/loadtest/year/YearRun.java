package nl.regie.loadtest.year;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
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
  /** Heenberichten (WMO305, WMO307) posted, and those answered with a retour that approves them. */
  final AtomicInteger heen = new AtomicInteger();
  final AtomicInteger retourGoedgekeurd = new AtomicInteger();
  /** WMO301s read, and WMO302s that answered them and were processed. */
  final AtomicInteger gelezen301 = new AtomicInteger();
  final AtomicInteger verwerkt302 = new AtomicInteger();

  /** What an aanbieder has read of its outbox: the cursor, and the WMO301 of each case. */
  static final class Outbox {
    long cursor;
    final Map<String, Long> wmo301ByCase = new ConcurrentHashMap<>();
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
    TokenMinter minter = new TokenMinter(secret, Clock.fixed(timeline.first().minus(Duration.ofDays(1)), ZoneOffset.UTC));
    Duration valid = Duration.ofDays(3 * 366);
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

  /** Takes a page of an aanbieder's outbox: the WMO301s by case, and the cursor past them. */
  void takeOutbox(String agb, JsonNode page) {
    Outbox outbox = outboxes.get(agb);
    synchronized (outbox) {
      for (JsonNode item : page.get("items")) {
        if ("WMO301".equals(item.get("berichtsoort").asText()) && item.hasNonNull("caseId")) {
          outbox.wmo301ByCase.putIfAbsent(item.get("caseId").asText(), item.get("id").asLong());
        }
        outbox.cursor = Math.max(outbox.cursor, item.get("id").asLong());
      }
    }
  }

  long cursorOf(String agb) {
    Outbox outbox = outboxes.get(agb);
    synchronized (outbox) {
      return outbox.cursor;
    }
  }

  /** Whether {@code xml} is the retour of soort {@code soort} that approves its heenbericht; counts it. */
  boolean approves(String xml, String soort) {
    try {
      Retourbericht retour = (Retourbericht) IwmoXml.parse(xml.getBytes(StandardCharsets.UTF_8));
      boolean ok = retour.soort().name().equals(soort) && retour.heenIsGoedgekeurd();
      if (ok) retourGoedgekeurd.incrementAndGet();
      return ok;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Where the clock is to start: the script's first moment. */
  public Instant first() {
    return timeline.first();
  }

  public int heen() {
    return heen.get();
  }

  public int retourGoedgekeurd() {
    return retourGoedgekeurd.get();
  }

  public int gelezen301() {
    return gelezen301.get();
  }

  public int verwerkt302() {
    return verwerkt302.get();
  }
}
