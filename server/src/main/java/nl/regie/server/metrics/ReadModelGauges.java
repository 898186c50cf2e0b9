package nl.regie.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.regie.persistence.Database;
import nl.regie.protocol.cases.AlertLevel;
import nl.regie.protocol.cases.Fase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the database says of all cases, whichever node counts: cases by fase and their open and
 * missed deadlines (from the case list), alerts by level, and how many journal events each
 * projection is behind. Read every {@code interval} on a thread of its own, so a scrape costs no
 * query; every node reports the same figures.
 */
public final class ReadModelGauges implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ReadModelGauges.class);

  private final Database database;
  private final List<String> projections;
  private final ScheduledExecutorService reader;
  private volatile Map<String, Double> values = Map.of();

  public ReadModelGauges(Database database, List<String> projections, MeterRegistry registry, Duration interval) {
    this.database = database;
    this.projections = List.copyOf(projections);
    for (Fase fase : Fase.values()) {
      gauge(registry, "regie.cases", "Cases by fase (the case list)", "fase", fase.name(), "fase." + fase.name());
    }
    gauge(registry, "regie.deadlines", "Running deadlines of all cases (the case list)", "status", "open", "deadlines.open");
    gauge(registry, "regie.deadlines", "Running deadlines of all cases (the case list)", "status", "missed", "deadlines.missed");
    for (AlertLevel level : AlertLevel.values()) {
      gauge(registry, "regie.alerts", "Alerts raised so far, by level", "level", level.name(), "alerts." + level.name());
    }
    for (String projection : projections) {
      gauge(registry, "regie.projection.lag", "Journal events a projection has yet to process (its slowest slice)", "projection",
          projection, "lag." + projection);
    }
    this.reader = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "regie-read-model-gauges");
      t.setDaemon(true);
      return t;
    });
    reader.scheduleWithFixedDelay(this::read, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void gauge(MeterRegistry registry, String name, String description, String tag, String value, String key) {
    Gauge.builder(name, () -> values.getOrDefault(key, 0.0)).description(description).tag(tag, value).register(registry);
  }

  private void read() {
    Map<String, Double> read = new HashMap<>();
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT fase, COUNT(*), COALESCE(SUM(open_deadlines), 0), "
          + "COALESCE(SUM(missed_deadlines), 0) FROM case_list GROUP BY fase")) {
        double open = 0;
        double missed = 0;
        while (rs.next()) {
          read.put("fase." + rs.getString(1), rs.getDouble(2));
          open += rs.getDouble(3);
          missed += rs.getDouble(4);
        }
        read.put("deadlines.open", open);
        read.put("deadlines.missed", missed);
      }
      try (ResultSet rs = s.executeQuery("SELECT alert_level, COUNT(*) FROM alert GROUP BY alert_level")) {
        while (rs.next()) read.put("alerts." + rs.getString(1), rs.getDouble(2));
      }
      long head;
      // Pekko's tables quoted: their H2 dialects name them in quoted lower case.
      try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(\"ordering\"), 0) FROM \"event_journal\"")) {
        rs.next();
        head = rs.getLong(1);
      }
      try (ResultSet rs = s.executeQuery("SELECT \"projection_name\", MIN(CAST(\"current_offset\" AS BIGINT)) "
          + "FROM \"pekko_projection_offset_store\" GROUP BY \"projection_name\"")) {
        Map<String, Long> offsets = new HashMap<>();
        while (rs.next()) offsets.put(rs.getString(1), rs.getLong(2));
        // A projection with no offset yet has processed nothing.
        for (String projection : projections) read.put("lag." + projection, (double) Math.max(0, head - offsets.getOrDefault(projection, 0L)));
      }
      values = read;
    } catch (SQLException | RuntimeException e) {
      log.debug("read-model gauges not read: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    reader.shutdownNow();
  }
}
