package nl.regie.loadtest;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Walks a region's cases through their whole life against a running server, with a bounded
 * number of cases in flight, and prints throughput and latency. Bounded in count: it stops by
 * itself. Usage: {@code REGIE_TOKEN=… RegionSimulation <baseUrl> <cases> <inFlight> [aanbieders]},
 * with a token of the region's toegang and backoffice ({@code regie-server.jar token --role
 * toegang,backoffice --gemeente 0888,0889,…}).
 */
public final class RegionSimulation {

  /** What a run measured. */
  public record Result(int cases, int stopped, int failed, int requests, double seconds,
      double casesPerSecond, double p50Millis, double p99Millis, double maxMillis, String firstFailure) {

    @Override
    public String toString() {
      return String.format(
          "%d cases (%d reached STOP, %d failed) in %.1f s: %.0f cases/s, %d requests (%.0f/s); latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%s",
          cases, stopped, failed, seconds, casesPerSecond, requests, requests / seconds, p50Millis, p99Millis, maxMillis,
          firstFailure == null ? "" : "\nfirst failure: " + firstFailure);
    }
  }

  private RegionSimulation() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 3) {
      System.err.println("usage: REGIE_TOKEN=<token of toegang and backoffice> RegionSimulation <baseUrl> <cases> <inFlight> [aanbieders]");
      System.exit(2);
    }
    String token = System.getenv().getOrDefault("REGIE_TOKEN", "");
    Result result = run(args[0], token, Integer.parseInt(args[1]), Integer.parseInt(args[2]),
        args.length > 3 ? Integer.parseInt(args[3]) : 40, new Random(42));
    System.out.println(result);
    System.exit(result.failed() == 0 ? 0 : 1);
  }

  /** {@code token}: a bearer token that acts as toegang and backoffice of the region's gemeenten. */
  public static Result run(String baseUrl, String token, int cases, int inFlight, int aanbieders, Random random)
      throws InterruptedException {
    ExecutorService executor = Executors.newFixedThreadPool(Math.max(2, Math.min(inFlight, 8)));
    HttpClient http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
    Region region = Region.noordLimburg(aanbieders, random);
    Latencies latencies = new Latencies();
    CaseJourney journey = new CaseJourney(http, baseUrl, token, latencies);
    Semaphore slots = new Semaphore(inFlight);
    AtomicInteger stopped = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    long start = System.nanoTime();
    for (int i = 0; i < cases; i++) {
      slots.acquire();
      Random caseRandom = new Random(random.nextLong());
      journey.run(region, caseRandom).whenComplete((fase, failure) -> {
        if (failure == null && "STOP".equals(fase)) {
          stopped.incrementAndGet();
        } else {
          failed.incrementAndGet();
          firstFailure.compareAndSet(null, failure != null ? String.valueOf(failure.getCause() != null ? failure.getCause() : failure) : "ended in " + fase);
        }
        slots.release();
      });
    }
    slots.acquire(inFlight);
    double seconds = (System.nanoTime() - start) / 1e9;
    executor.shutdown();
    return new Result(cases, stopped.get(), failed.get(), latencies.count(), seconds, cases / seconds,
        latencies.percentileMillis(50), latencies.percentileMillis(99), latencies.percentileMillis(100), firstFailure.get());
  }
}
