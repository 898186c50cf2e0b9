package nl.regie.loadtest.compare;

import java.io.IOException;
import java.util.Map;
import nl.regie.loadtest.deadline.ServerUnderTest;
import nl.regie.loadtest.deadline.ServerUnderTest.ProcessCpu;

/**
 * CPU time so far, in seconds, from {@code /proc}: the server's process, this client's JVM, the
 * PostgreSQL processes that work for the server's database (its backends and the server-wide
 * ones), and the whole machine, whose remainder is what other sessions took meanwhile.
 */
record Cpu(double server, double client, Map<Long, Double> postgres, double machine) {

  static Cpu now(ServerUnderTest server, String database) throws IOException {
    return new Cpu(server.cpuSeconds(), ProcessCpu.self(), ProcessCpu.ofPostgres(database), ProcessCpu.machineBusy());
  }

  /** What was used from {@code before} to this reading. */
  Used since(Cpu before) {
    double s = server - before.server;
    double c = client - before.client;
    double p = ProcessCpu.between(before.postgres, postgres);
    return new Used(s, c, p, Math.max(0, machine - before.machine - s - c - p));
  }

  /** CPU seconds used in a phase, by whom. */
  record Used(double server, double client, double postgres, double others) {

    /** The share of the machine's cores that other processes took over {@code seconds} of wall time. */
    double othersShare(double seconds) {
      return others / (seconds * Runtime.getRuntime().availableProcessors());
    }
  }
}
