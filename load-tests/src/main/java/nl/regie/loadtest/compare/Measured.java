package nl.regie.loadtest.compare;

import java.nio.file.Path;
import nl.regie.loadtest.RegionSimulation;
import nl.regie.loadtest.year.GatlingStats;

/**
 * What one contender did in one run: the closed model (a fixed number of cases in flight) after a
 * warm-up, the open model (cases arriving at a fixed rate), the CPU each took, and what the
 * database holds per case afterwards ({@code footprint}) and, for Regie, once the case stream's
 * window has passed ({@code afterWindow}; null for the bare stack). {@code failure} says what went
 * wrong, if anything did.
 */
record Measured(String name, double readySeconds, RegionSimulation.Result warmUp, RegionSimulation.Result closed, Cpu.Used closedCpu,
    OpenModel open, GatlingStats openStats, double openSeconds, Cpu.Used openCpu, int cases, Footprint footprint, Footprint afterWindow, boolean atRest,
    Hotspots hotspots, Path log, String failure) {

  static Measured failed(String name, Path log, String failure) {
    return new Measured(name, 0, null, null, null, null, null, 0, null, 0, null, null, false, null, log, failure);
  }

  boolean complete() {
    return closed != null && openStats != null && footprint != null;
  }

  double serverMillisPerClosedCase() {
    return closedCpu.server() * 1000 / closed.cases();
  }

  double serverMillisPerOpenCase() {
    return openCpu.server() * 1000 / open.cases();
  }

  double bytesPerCase() {
    return (double) footprint.bytes() / cases;
  }

  /** The case stream's share of {@link #bytesPerCase()}. */
  double streamBytesPerCase() {
    return (double) footprint.streamBytes() / cases;
  }

  /** The database per case once the case stream's window has passed; NaN without a window. */
  double bytesPerCaseAfterWindow() {
    return afterWindow == null ? Double.NaN : (double) afterWindow.bytes() / cases;
  }

  double rowsPerCase() {
    return (double) footprint.rows() / cases;
  }

  double journalRowsPerCase() {
    return (double) footprint.journalRows() / cases;
  }

  /** The open model's cases that read STOP at the end. */
  long openCasesCompleted() {
    return openStats.requests().stream().filter(r -> r.name().equals(CaseWalkSimulation.LEZEN)).mapToLong(GatlingStats.Row::ok).sum();
  }

  /** The slowest step by its p99 in the open model. */
  GatlingStats.Row slowestStep() {
    return openStats.requests().stream().max(java.util.Comparator.comparingDouble(GatlingStats.Row::p99)).orElseThrow();
  }
}
