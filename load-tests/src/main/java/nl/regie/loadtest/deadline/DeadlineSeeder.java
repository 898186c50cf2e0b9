package nl.regie.loadtest.deadline;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import nl.regie.persistence.CaseChanges;
import nl.regie.persistence.CaseList;
import nl.regie.persistence.Database;
import nl.regie.persistence.DatabaseSettings;
import nl.regie.persistence.Migrations;
import nl.regie.protocol.codes.Geslacht;
import nl.regie.protocol.regeling.Gebeurtenis;
import nl.regie.protocol.regeling.Regeling;
import nl.regie.protocol.regeling.Regelingen;
import nl.regie.protocol.regeling.DeadlineRule;
import nl.regie.protocol.cases.Adres;
import nl.regie.protocol.cases.Client;
import nl.regie.protocol.cases.DeadlineStatus;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Naam;
import nl.regie.loadtest.Bsns;
import nl.regie.server.cases.CaseEvent;
import nl.regie.server.cases.CaseEventProjection;
import nl.regie.server.cases.CaseListState;
import nl.regie.server.cases.CaseSettings;
import nl.regie.server.cases.CaseState;
import nl.regie.server.cases.Deadline;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;

/**
 * Fills a migrated PostgreSQL database with passivated cases, each a {@code MeldingOntvangen} and
 * one open {@code DeadlineSet}, written as the server writes them: the server's own event records
 * through the server's own serializer (Pekko's, as {@code serialization.conf} binds it), one
 * journal row per case (the melding's decision, {@code CaseEvent.Grouped}), its {@code event_tag} row with the tag of the
 * server's {@code regie.cases.tag-slices} ({@link CaseSettings#tagFor}), the case's {@code
 * deadline_moment} row as the deadline projection keeps it, its {@code case_list} row (with its D3 as
 * the next deadline, so that it is in the work queue) and its
 * {@code case_change} entry as the case-list projection keeps it, and the offsets of the server's
 * projections at the last ordering of each tag, so that a server started on the database does not
 * replay the seeded events. Everything goes in through binary {@code COPY}.
 *
 * <p>The deadline is the melding's D3 of regeling {@code wmo-noord-limburg} (code, omschrijving,
 * the events that meet it, who must act, from the shipped rulebook) without a warning and without
 * an escalation, so that its one moment is the miss. The cases fall due in bursts: the cases of
 * burst {@code k} (chosen at random, {@code bursts.get(k)} of them) got their melding on the same
 * day, the first on {@link Plan#firstMeldingOp()}, and have exactly D3's due date, so they are all
 * missed at the same moment {@link #burstMoment(int) burstMoment(k)}, the next working day after
 * those of burst {@code k - 1} (later bursts find a server warmed up by the earlier ones). The due dates of the rest are
 * spread evenly over the 365 days after the last burst. (A D3 runs six weeks, so those dates are
 * not D3's own: the server never recomputes a deadline's dates from its rule, so this changes
 * nothing it does.) Every case was recorded within the four weeks before the first burst's
 * melding date, long before the first burst.
 *
 * <p>The same plan always gives the same cases. The case ids are generated in ascending order, so
 * that the journal's and the index's primary keys grow at their right edge while seeding.
 *
 * <p>{@code DeadlineSeederTest} proves the rows against the server itself: they read back and
 * replay through {@code CaseState}, and a melding the server makes through its API gives the same
 * events.
 */
public final class DeadlineSeeder {

  public static final String REGELING = "wmo-noord-limburg";
  public static final String RULE = "D3";
  /** The projections of the case tags: each gets its offsets at the last ordering, so that none replays the seeded events. */
  // A seeded case is a melding and a deadline, nothing the CAK aanlevering keeps: its offset moves past them too.
  public static final List<String> PROJECTIONS =
      List.of(CaseEventProjection.NAME);
  /** The server's case settings, as its configuration (application.conf and the environment) gives them. */
  public static final CaseSettings SETTINGS = CaseSettings.from(ConfigFactory.load().getConfig("regie"));

  private static final List<String> GEMEENTEN = List.of("0983", "0984", "1507", "1894", "0889", "0893", "0907");
  private static final List<String> PLAATSEN =
      List.of("Venlo", "Venray", "Horst", "Panningen", "Reuver", "Bergen", "Gennep");
  private static final List<String[]> NAMEN = List.of(
      new String[] {"Jansen", null}, new String[] {"Vries", "de"}, new String[] {"Berg", "van den"},
      new String[] {"Müller", null}, new String[] {"Çelik", null}, new String[] {"Peeters", null},
      new String[] {"Hendriks", null}, new String[] {"Bakker", null}, new String[] {"Dijk", "van"});
  private static final List<String> VOORNAMEN = List.of("Piet", "Maria", "Jan Willem", "Fatma", "Noël", "Anna", "Kees");
  private static final List<String> STRATEN = List.of("Markt", "Kerkstraat", "Maasboulevard", "Molenweg", "Stationsplein");

  /**
   * What to seed.
   *
   * @param cases how many cases
   * @param bursts how many of them are missed at each burst's moment, a working day apart
   * @param firstMeldingOp the melding date of those of the first burst: its moment is the start of
   *     the day after D3's due date
   * @param zone the server's {@code regie.deadlines.zone}
   * @param seed the random seed; the same plan gives the same cases
   */
  public record Plan(int cases, List<Integer> bursts, LocalDate firstMeldingOp, ZoneId zone, long seed) {
    public Plan {
      bursts = List.copyOf(bursts);
      if (bursts.size() > MAX_BURSTS || bursts.stream().anyMatch(n -> n < 0)) {
        throw new IllegalArgumentException("at most " + MAX_BURSTS + " bursts of zero or more cases, not " + bursts);
      }
      if (cases < 0 || bursts.stream().mapToLong(Integer::longValue).sum() > cases) {
        throw new IllegalArgumentException("the bursts " + bursts + " need more than " + cases + " cases");
      }
    }

    /**
     * The first burst's melding on a Tuesday: its D3 is due on Tuesday 2 March 2027 and missed at 3
     * March 2027 00:00 in Amsterdam; the second burst's at 4 March 00:00, and so on.
     */
    public static Plan of(int cases, List<Integer> bursts) {
      return new Plan(cases, bursts, LocalDate.of(2027, 1, 19), ZoneId.of("Europe/Amsterdam"), 20261126L);
    }
  }

  /** Bursts are days apart within the rest's year, and a burst number fits in a byte. */
  public static final int MAX_BURSTS = 60;

  /**
   * What was seeded.
   *
   * @param offsets the projection key (tag) and its offset, the last ordering of that tag (the same for every projection)
   * @param bursts per burst, the ids of its cases, sorted
   */
  public record Result(int cases, long journalRows, Map<String, Long> offsets, List<List<String>> bursts,
      double seconds) {}

  private final Plan plan;
  private final DeadlineRule rule;
  /** Per burst: the melding date of its cases, and their D3's due date. */
  private final List<LocalDate> burstMeldingOp;
  private final List<LocalDate> burstDue;
  private final long[] ids;
  private final long[] idsLow;
  /** Per case: 0, or 1 + the burst it is due in. */
  private final byte[] burst;

  public DeadlineSeeder(Plan plan) {
    this.plan = plan;
    Regeling regeling = Regelingen.shipped().find(REGELING).orElseThrow();
    this.rule = regeling.deadlineRule(RULE).orElseThrow();
    if (rule.start() != Gebeurtenis.MELDING || !rule.kanalen().isEmpty()) {
      throw new IllegalStateException(REGELING + " " + RULE + " no longer starts at every melding; pick another rule");
    }
    // A D3 that would end on a weekend or holiday ends on the next working day: the melding dates
    // of the bursts go on until each burst has a due date of its own.
    List<LocalDate> meldingen = new ArrayList<>();
    List<LocalDate> dues = new ArrayList<>();
    LocalDate meldingOp = plan.firstMeldingOp();
    for (int k = 0; k < Math.max(1, plan.bursts().size()); k++, meldingOp = meldingOp.plusDays(1)) {
      LocalDate due = rule.termijn().einde(meldingOp, regeling.kalender());
      while (k > 0 && !due.isAfter(dues.get(k - 1))) {
        meldingOp = meldingOp.plusDays(1);
        due = rule.termijn().einde(meldingOp, regeling.kalender());
      }
      meldingen.add(meldingOp);
      dues.add(due);
    }
    this.burstMeldingOp = List.copyOf(meldingen);
    this.burstDue = List.copyOf(dues);

    SplittableRandom random = new SplittableRandom(plan.seed());
    this.ids = ascendingIds(random, plan.cases());
    this.idsLow = new long[plan.cases()];
    for (int i = 0; i < plan.cases(); i++) idsLow[i] = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    this.burst = new byte[plan.cases()];
    for (int k = 0; k < plan.bursts().size(); k++) {
      int chosen = 0;
      while (chosen < plan.bursts().get(k)) {
        int i = random.nextInt(plan.cases());
        if (burst[i] == 0) {
          burst[i] = (byte) (k + 1);
          chosen++;
        }
      }
    }
  }

  /** The moment at which the cases of burst {@code k} are missed: the start of the day after their due date. */
  public Instant burstMoment(int k) {
    return startOf(burstDue.get(k).plusDays(1));
  }

  /** The melding date of the cases of burst {@code k}. */
  public LocalDate burstMeldingOp(int k) {
    return burstMeldingOp.get(k);
  }

  /** The moment at which the cases of the first burst are missed. */
  public Instant firstBurst() {
    return burstMoment(0);
  }

  public Plan plan() {
    return plan;
  }

  /** Case {@code i} (0 ≤ i < cases), in ascending case id order. */
  public SeededCase seededCase(int i) {
    SplittableRandom r = new SplittableRandom(plan.seed() * 31 + i);
    String caseId = new UUID(ids[i], idsLow[i]).toString();
    String writer = new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L).toString();
    int g = r.nextInt(GEMEENTEN.size());
    Kanaal kanaal = Kanaal.values()[r.nextInt(Kanaal.values().length)];
    LocalDate meldingOp = burst[i] > 0 ? burstMeldingOp.get(burst[i] - 1) : plan.firstMeldingOp().minusDays(r.nextInt(28));
    Instant at = meldingOp.atTime(LocalTime.of(9, 0)).atZone(plan.zone()).toInstant().plusMillis(r.nextInt(8 * 3_600_000));
    LocalDate due = burst[i] > 0 ? burstDue.get(burst[i] - 1) : burstDue.get(burstDue.size() - 1).plusDays(1 + r.nextInt(365));
    Client client = r.nextInt(5) == 0 ? null : client(r, g);
    return new SeededCase(caseId, writer, Bsns.next(r), GEMEENTEN.get(g), kanaal, meldingOp, client, at, due,
        startOf(due.plusDays(1)), SETTINGS.tagFor(caseId));
  }

  /** The burst case {@code i} is missed in, or -1 when it is due later. */
  public int burstOf(int i) {
    return burst[i] - 1;
  }

  /**
   * Migrates the (empty) database at {@code settings} and seeds it.
   *
   * @throws IllegalStateException when the database holds events already
   */
  public Result seed(DatabaseSettings settings) throws SQLException, IOException {
    long started = System.nanoTime();
    try (Database database = Database.connect(settings)) {
      Migrations.apply(database);
    }
    try (Connection journal = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
        Connection index = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
        Connection caseList = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
        Connection caseChanges = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
        EventSerialization serialization = new EventSerialization()) {
      try (var s = journal.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM event_journal")) {
        rs.next();
        if (rs.getLong(1) > 0) throw new IllegalStateException("the database holds events already; seed a fresh one");
      }
      // One pass writes the journal, the index and the case list side by side; the tags follow, once their events are committed.
      PgBinaryCopy events = new PgBinaryCopy(journal, "event_journal", "ordering", "persistence_id", "sequence_number",
          "deleted", "writer", "write_timestamp", "adapter_manifest", "event_ser_id", "event_ser_manifest", "event_payload");
      PgBinaryCopy moments = new PgBinaryCopy(index, "deadline_moment", "case_id", "deadline_id", "next_at", "warn_at",
          "missed_at", "escalate_at");
      PgBinaryCopy listRows = new PgBinaryCopy(caseList, "case_list", "case_id", "gemeente", "fase", "aan_zet", "bsn_masked",
          "melding_op", "updated_at", "open_deadlines", "missed_deadlines", "version", "next_deadline_id", "next_due", "next_code",
          "next_responsible", "next_status");
      PgBinaryCopy changeRows = new PgBinaryCopy(caseChanges, "case_change", "case_id", "gemeente", "fase", "aan_zet", "event_type",
          "version", "at", "open_deadlines", "missed_deadlines", "aanbieders");
      String[] tags = new String[plan.cases()];
      Map<String, Long> lastOrdering = new TreeMap<>();
      List<List<String>> bursts = new ArrayList<>();
      for (int size : plan.bursts()) bursts.add(new ArrayList<>(size));
      long ordering = 0;
      for (int i = 0; i < plan.cases(); i++) {
        SeededCase c = seededCase(i);
        tags[i] = c.tag();
        CaseEvent.DeadlineSet deadlineSet = deadlineSet(c);
        // One journal row for the melding's decision, as the case writes it.
        journalRow(events, ++ordering, c, 1, serialization, new CaseEvent.Grouped(1, List.of(melding(c), deadlineSet), c.at()));
        lastOrdering.put(c.tag(), ordering);
        // DeadlineIndex.schedule: without a warning the next moment is the miss.
        Deadline d = deadlineSet.deadline();
        moments.row(6).text(c.caseId()).text(d.id()).timestamptz(d.missedAt()).nul().timestamptz(d.missedAt()).nul();
        CaseState afterMelding = CaseState.empty(c.caseId()).apply(melding(c));
        CaseState afterDeadline = afterMelding.apply(deadlineSet);
        // One stream entry per decision, named by its cause and showing the case after it.
        changeRow(changeRows, CaseListState.change(afterDeadline, 2, melding(c)));
        CaseList.Row row = CaseListState.row(afterDeadline, 2, c.at());
        CaseList.NextDeadline next = row.next();
        listRows.row(15).text(row.caseId()).text(row.gemeente()).text(row.fase().name()).text(row.aanZet() == null ? null : row.aanZet().name())
            .text(row.bsnMasked()).date(row.meldingOp()).timestamptz(row.updatedAt()).int4(row.openDeadlines())
            .int4(row.missedDeadlines()).int8(row.version()).text(next == null ? null : next.id()).date(next == null ? null : next.due())
            .text(next == null ? null : next.code()).text(next == null ? null : next.responsible())
            .text(next == null ? null : next.status().name());
        if (burst[i] > 0) bursts.get(burst[i] - 1).add(c.caseId());
      }
      long journalRows = events.finish();
      moments.finish();
      listRows.finish();
      changeRows.finish();

      PgBinaryCopy tagRows = new PgBinaryCopy(journal, "event_tag", "event_id", "tag");
      for (int i = 0; i < plan.cases(); i++) {
        tagRows.row(2).int8(i + 1L).text(tags[i]);
      }
      tagRows.finish();

      if (ordering > 0) {
        try (PreparedStatement ps = journal.prepareStatement("SELECT setval(pg_get_serial_sequence('event_journal', 'ordering'), ?)")) {
          ps.setLong(1, ordering);
          ps.executeQuery().close();
        }
        // What JdbcProjection.exactlyOnce stores for a Sequence offset (OffsetSerialization: "SEQ").
        try (PreparedStatement ps = journal.prepareStatement("INSERT INTO pekko_projection_offset_store "
            + "(projection_name, projection_key, current_offset, manifest, mergeable, last_updated) VALUES (?, ?, ?, 'SEQ', false, ?)")) {
          for (String projection : PROJECTIONS) {
            for (Map.Entry<String, Long> tag : lastOrdering.entrySet()) {
              ps.setString(1, projection);
              ps.setString(2, tag.getKey());
              ps.setString(3, Long.toString(tag.getValue()));
              ps.setLong(4, System.currentTimeMillis());
              ps.addBatch();
            }
          }
          ps.executeBatch();
        }
      }
      Map<String, Long> offsets = lastOrdering;
      return new Result(plan.cases(), journalRows, offsets, bursts.stream().map(b -> b.stream().sorted().toList()).toList(),
          (System.nanoTime() - started) / 1e9);
    }
  }

  /** A case_change row as CaseChanges.append writes it (the id is the table's own, given in COPY order). */
  private static void changeRow(PgBinaryCopy copy, CaseChanges.NewChange change) throws IOException {
    copy.row(10).text(change.caseId()).text(change.gemeente()).text(change.fase().name())
        .text(change.aanZet() == null ? null : change.aanZet().name()).text(change.type()).int8(change.version())
        .timestamptz(change.at()).int4(change.openDeadlines()).int4(change.missedDeadlines())
        .text(CaseChanges.aanbiedersColumn(change.aanbieders()));
  }

  private static void journalRow(PgBinaryCopy copy, long ordering, SeededCase c, long sequenceNr, EventSerialization serialization,
      CaseEvent event) throws IOException {
    copy.row(10).int8(ordering).text(c.persistenceId()).int8(sequenceNr).bool(false).text(c.writer())
        .int8(c.at().toEpochMilli()).text("").int4(serialization.serializerId(event)).text(serialization.manifest(event))
        .bytes(serialization.bytes(event));
  }

  /** The case's first event: its melding. */
  public CaseEvent.MeldingOntvangen melding(SeededCase c) {
    return new CaseEvent.MeldingOntvangen(c.caseId(), c.bsn(), c.gemeente(), REGELING, c.kanaal(), c.meldingOp(), c.client(), c.at());
  }

  /**
   * The decision's second event: its D3, without a warning or an escalation, due on the case's due date
   * (a case-scope deadline's id is its rule's code, as DeadlinePlanner names it).
   */
  public CaseEvent.DeadlineSet deadlineSet(SeededCase c) {
    Deadline d3 = new Deadline(RULE, rule.code(), null, "toegang:" + c.gemeente(), rule.scope(), "", rule.voldaan(),
        c.due(), null, c.missedAt(), null, DeadlineStatus.OPEN, false);
    return new CaseEvent.DeadlineSet(d3, c.at());
  }

  /** The server's serialization of case events: Pekko's, bound as the server's {@code serialization.conf} binds it. */
  static final class EventSerialization implements AutoCloseable {
    private final ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "seeder",
        ConfigFactory.parseResources("serialization.conf").withFallback(ConfigFactory.defaultReference()).resolve());
    private final Serialization serialization = SerializationExtension.get(system.classicSystem());

    int serializerId(CaseEvent event) {
      return serialization.findSerializerFor(event).identifier();
    }

    String manifest(CaseEvent event) {
      return Serializers.manifestFor(serialization.findSerializerFor(event), event);
    }

    byte[] bytes(CaseEvent event) {
      return serialization.serialize(event).get();
    }

    /** The case list's state, written by the mapper the server's snapshots are written with. */
    @Override
    public void close() {
      system.terminate();
    }
  }

  private Instant startOf(LocalDate day) {
    return day.atStartOfDay(plan.zone()).toInstant();
  }

  /** Version 4 UUIDs' high halves, distinct and ascending (unsigned, which is the order of their text). */
  private static long[] ascendingIds(SplittableRandom random, int n) {
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) ids[i] = ((random.nextLong() & ~0xF000L) | 0x4000L) ^ Long.MIN_VALUE;
    Arrays.sort(ids);
    for (int i = 0; i < n; i++) {
      ids[i] ^= Long.MIN_VALUE;
      if (i > 0 && ids[i] == ids[i - 1]) throw new IllegalStateException("two equal case ids; choose another seed");
    }
    return ids;
  }

  private static Client client(SplittableRandom r, int gemeente) {
    String[] naam = NAMEN.get(r.nextInt(NAMEN.size()));
    String voornamen = VOORNAMEN.get(r.nextInt(VOORNAMEN.size()));
    StringBuilder voorletters = new StringBuilder();
    for (String v : voornamen.split(" ")) voorletters.append(v.charAt(0));
    String postcode = (5800 + r.nextInt(200)) + "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
    Adres adres = new Adres(STRATEN.get(r.nextInt(STRATEN.size())), 1 + r.nextInt(200),
        r.nextInt(4) == 0 ? "a" : null, r.nextInt(6) == 0 ? "2" : null, postcode, PLAATSEN.get(gemeente));
    return new Client(new Naam(naam[0], naam[1], voorletters.toString(), r.nextBoolean() ? voornamen : null),
        LocalDate.of(1930, 1, 1).plusDays(r.nextInt(27_000)), Geslacht.values()[r.nextInt(Geslacht.values().length)], adres);
  }
}
