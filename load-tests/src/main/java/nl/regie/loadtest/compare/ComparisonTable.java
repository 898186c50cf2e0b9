package nl.regie.loadtest.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import nl.regie.loadtest.CaseJourney;
import nl.regie.loadtest.year.GatlingStats;

/**
 * The run's one table: raw PostgreSQL, then the bare stack and Regie side by side with Regie's
 * ratio to the bare stack, the open model's latency per step, and where Regie stands against
 * issue 18's goals (CPU per case at most 1.2× the bare stack, cases/s at least 0.9×, every step's
 * p99 under 50 ms at 100 cases/s offered, at most 8 kB of database per closed case).
 */
record ComparisonTable(Compare.Options o, List<RawInsertRate.Result> raw, Measured bare, Measured regie, String loadBefore,
    String loadAfter) {

  private static final String ROW = "  %-44s %12s %12s %11s%n";

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%n== Regie beside its bare stack and raw PostgreSQL (load average %s before, %s after) ==%n", loadBefore, loadAfter));
    out.append("raw PostgreSQL, journal rows of ").append(RawInsertRate.PAYLOAD_BYTES).append(" B, 8 clients:");
    raw.forEach(r -> out.append(String.format("  %d per commit %,.0f rows/s", r.rowsPerCommit(), r.rowsPerSecond())));
    out.append(String.format("%n%n" + ROW, "", "bare", "Regie", "Regie/bare"));

    out.append(String.format("closed model (RegionSimulation): %d cases, %d in flight, after %d warm-up cases%n", o.cases(), o.inFlight(), o.warmUp()));
    row(out, "cases/s", "%.1f", m -> m.closed().casesPerSecond());
    row(out, "requests/s", "%.0f", m -> m.closed().requests() / m.closed().seconds());
    row(out, "latency p50 (ms)", "%.1f", m -> m.closed().p50Millis());
    row(out, "latency p99 (ms)", "%.1f", m -> m.closed().p99Millis());
    row(out, "server CPU per case (ms, /proc)", "%.2f", Measured::serverMillisPerClosedCase);
    row(out, "PostgreSQL CPU per case (ms)", "%.2f", m -> m.closedCpu().postgres() * 1000 / m.closed().cases());
    row(out, "client CPU per case (ms)", "%.2f", m -> m.closedCpu().client() * 1000 / m.closed().cases());
    row(out, "the machine's cores taken by others (%)", "%.0f", m -> 100 * m.closedCpu().othersShare(m.closed().seconds()));
    row(out, "journal rows written/s", "%.0f", m -> m.journalRowsPerCase() * m.closed().casesPerSecond());
    row(out, "rows written/s, all tables", "%.0f", m -> m.rowsPerCase() * m.closed().casesPerSecond());
    for (RawInsertRate.Result r : raw) {
      row(out, "  of raw PostgreSQL at " + r.rowsPerCommit() + " per commit (all rows)", "%.3f",
          m -> m.rowsPerCase() * m.closed().casesPerSecond() / r.rowsPerSecond());
    }

    out.append(String.format("open model (Gatling constantUsersPerSec): %.0f cases/s offered for %d s, 9 requests a case%n", o.rate(), o.openSeconds()));
    row(out, "cases that read STOP", "%.0f", m -> m.openCasesCompleted());
    row(out, "Gatling's run, start to report (s)", "%.1f", Measured::openSeconds);
    row(out, "server CPU per case (ms, /proc)", "%.2f", Measured::serverMillisPerOpenCase);
    row(out, "the machine's cores taken by others (%)", "%.0f", m -> 100 * m.openCpu().othersShare(m.openSeconds()));
    row(out, "latency p50, all steps (ms)", "%.0f", m -> m.openStats().all().p50());
    row(out, "latency p95, all steps (ms)", "%.0f", m -> m.openStats().all().p95());
    row(out, "latency p99, all steps (ms)", "%.0f", m -> m.openStats().all().p99());
    row(out, "the slowest step's p99 (ms)", "%.0f", m -> m.slowestStep().p99());

    out.append("database per closed case (all tables, after VACUUM FULL, over the warm-up's and the closed model's cases)\n");
    row(out, "kB per case", "%.1f", m -> m.bytesPerCase() / 1000);
    row(out, "  of it Regie's case stream (case_change), kB", "%.1f", m -> m.streamBytesPerCase() / 1000);
    row(out, "kB per case once the case stream's window passed", "%.1f", m -> m.bytesPerCaseAfterWindow() / 1000);
    row(out, "rows per case", "%.1f", Measured::rowsPerCase);
    row(out, "journal rows per case", "%.1f", Measured::journalRowsPerCase);

    out.append(String.format("%nopen model per step, p50 / p95 / p99 (ms)      %-24s %-24s%n", "bare", "Regie"));
    List<String> steps = new ArrayList<>(List.of("melding"));
    CaseJourney.ACTIONS.forEach(a -> steps.add(a.name()));
    steps.add(CaseWalkSimulation.LEZEN);
    for (String step : steps) {
      out.append(String.format("  %-44s %-24s %-24s%n", step, percentiles(bare, step), percentiles(regie, step)));
    }

    out.append(String.format("%ngoals of issue 18, where Regie stands (recorded, not asserted):%n"));
    goal(out, "server CPU per case <= 1.2x the bare stack (closed model)", Measured::serverMillisPerClosedCase, true, 1.2, "x");
    goal(out, "cases/s >= 0.9x the bare stack (closed model, same client)", m -> m.closed().casesPerSecond(), false, 0.9, "x");
    if (regie.complete()) {
      GatlingStats.Row slowest = regie.slowestStep();
      out.append(String.format("  %-60s %s%n", String.format("every step's p99 < 50 ms at %.0f cases/s offered", o.rate()),
          String.format("slowest %s p99 %.0f ms: %s", slowest.name(), slowest.p99(), slowest.p99() < 50 ? "met" : "not met")));
      // A closed case's lasting footprint: once its changes have passed the case stream's window.
      double lasting = Double.isNaN(regie.bytesPerCaseAfterWindow()) ? regie.bytesPerCase() : regie.bytesPerCaseAfterWindow();
      out.append(String.format("  %-60s %s%n", "database <= 8 kB per closed case",
          String.format("%.1f kB once the case stream's window passed (%.1f kB before): %s", lasting / 1000, regie.bytesPerCase() / 1000,
              lasting <= 8000 ? "met" : "not met")));
    }
    out.append(String.format("%nlogs: %s, %s; Gatling's reports under %s%n", bare.log(), regie.log(), o.results()));
    for (Measured m : List.of(bare, regie)) {
      if (m.hotspots() != null) out.append(String.format("%n%s's hot spots in the closed model (JFR):%n%s", m.name(), m.hotspots()));
    }
    for (Measured m : List.of(bare, regie)) {
      if (m.failure() != null) out.append(String.format("FAILED %s: %s%n", m.name(), m.failure()));
    }
    return out.toString();
  }

  private void row(StringBuilder out, String label, String format, ToDoubleFunction<Measured> value) {
    Optional<Double> b = value(bare, value);
    Optional<Double> r = value(regie, value);
    String ratio = b.isPresent() && r.isPresent() && b.get() != 0 ? String.format("%.2f", r.get() / b.get()) : "";
    out.append(String.format(ROW, label, b.map(v -> String.format(format, v)).orElse("n/a"), r.map(v -> String.format(format, v)).orElse("n/a"), ratio));
  }

  private void goal(StringBuilder out, String label, ToDoubleFunction<Measured> value, boolean atMost, double limit, String unit) {
    Optional<Double> b = value(bare, value);
    Optional<Double> r = value(regie, value);
    String where = "n/a";
    if (b.isPresent() && r.isPresent()) {
      double ratio = r.get() / b.get();
      where = String.format("%.2f%s: %s", ratio, unit, (atMost ? ratio <= limit : ratio >= limit) ? "met" : "not met");
    }
    out.append(String.format("  %-60s %s%n", label, where));
  }

  private static Optional<Double> value(Measured m, ToDoubleFunction<Measured> value) {
    return m.complete() ? Optional.of(value.applyAsDouble(m)).filter(v -> !v.isNaN()) : Optional.empty();
  }

  private static String percentiles(Measured m, String step) {
    if (m.openStats() == null) return "n/a";
    return m.openStats().requests().stream().filter(r -> r.name().equals(step)).findFirst()
        .map(r -> String.format("%.0f / %.0f / %.0f", r.p50(), r.p95(), r.p99())).orElse("n/a");
  }
}
