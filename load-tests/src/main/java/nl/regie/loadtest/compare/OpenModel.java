package nl.regie.loadtest.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import nl.regie.loadtest.CaseJourney;
import nl.regie.loadtest.Region;
import nl.regie.loadtest.year.GatlingStats;

/**
 * The open model: cases arrive at a fixed rate whatever the server does (Gatling's {@code
 * constantUsersPerSec}), each a new Gatling user that walks one case's nine requests of {@link
 * CaseJourney}, as fast as the answers come. Gatling makes {@link CaseWalkSimulation} itself, by
 * name, so the run is handed to it here ({@link #current}); one run at a time per JVM.
 */
public final class OpenModel {

  private static volatile OpenModel current;

  private final String base;
  private final String token;
  private final double casesPerSecond;
  private final Duration duration;
  private final Region region;
  private final Random random;

  /** {@code token}: a bearer token of the region's toegang and backoffice (the bare stack ignores it). */
  public OpenModel(String base, String token, double casesPerSecond, Duration duration, long seed) {
    this.base = base;
    this.token = token;
    this.casesPerSecond = casesPerSecond;
    this.duration = duration;
    Random random = new Random(seed);
    this.region = Region.noordLimburg(40, random);
    this.random = random;
  }

  /** Runs the model with Gatling, its report under {@code results}, and reads the report back. */
  public GatlingStats run(Path results) throws Exception {
    current = this;
    try {
      int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
          "--simulation", CaseWalkSimulation.class.getName(),
          "--results-folder", Files.createDirectories(results).toAbsolutePath().toString(),
          "--run-description", casesPerSecond + " cases/s for " + duration.toSeconds() + " s"});
      if (status != 0) throw new IllegalStateException("Gatling ended with status " + status);
      return GatlingStats.newest(results);
    } finally {
      current = null;
    }
  }

  /** How many cases the model starts. */
  public int cases() {
    return (int) Math.round(casesPerSecond * duration.toMillis() / 1000.0);
  }

  static OpenModel current() {
    if (current == null) throw new IllegalStateException("no OpenModel running: start the simulation through OpenModel.run");
    return current;
  }

  String base() {
    return base;
  }

  String token() {
    return token;
  }

  double casesPerSecond() {
    return casesPerSecond;
  }

  Duration duration() {
    return duration;
  }

  /** The next case's draw; {@link Random} is safe for Gatling's threads. */
  CaseJourney.Draw draw() {
    return CaseJourney.Draw.of(region, random);
  }
}
