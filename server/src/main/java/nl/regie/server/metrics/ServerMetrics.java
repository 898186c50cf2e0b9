package nl.regie.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What this node counts and times, in Prometheus's text format ({@code GET /metrics}): the JVM,
 * the commands the cases answer and the berichten the intake takes, by type and outcome. The HTTP
 * requests ({@link RequestMetrics}), the read models ({@link ReadModelGauges}) and the streams add
 * theirs to the same registry.
 */
public final class ServerMetrics {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Timer journalWrites = Timer.builder("regie.journal.writes")
      .description("Writes of a command's events to the journal, until the case heard they were stored")
      .publishPercentileHistogram().register(registry);

  public ServerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Everything, as Prometheus scrapes it. */
  public String scrape() {
    return registry.scrape();
  }

  /**
   * Times {@code reply} as command {@code command} (its name once the command is made), with the
   * outcome {@code outcome} gives, or {@code timeout}/{@code error}. The time includes the write of
   * the command's events to the journal, which the case waits for before it answers.
   */
  public <T> CompletionStage<T> command(Supplier<String> command, CompletionStage<T> reply, Function<T, String> outcome) {
    Timer.Sample sample = Timer.start(registry);
    return reply.whenComplete((answer, failure) -> sample.stop(Timer.builder("regie.commands")
        .description("Commands answered by the cases, by command and outcome; includes the journal write")
        .tag("command", command.get())
        .tag("outcome", failure == null ? outcome.apply(answer) : failureOutcome(failure))
        .publishPercentileHistogram()
        .register(registry)));
  }

  /** Records how long one write of a command's events to the journal took. */
  public void journalWrite(long nanos) {
    journalWrites.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** One bericht taken in: its berichtsoort and how it ended. */
  public void bericht(String berichtsoort, String outcome) {
    Counter.builder("regie.berichten").description("iWmo berichten posted, by berichtsoort and outcome")
        .tag("berichtsoort", berichtsoort).tag("outcome", outcome).register(registry).increment();
  }

  private static String failureOutcome(Throwable failure) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    return cause instanceof TimeoutException ? "timeout" : "error";
  }

  public void close() {
    gc.close();
    registry.close();
  }
}
