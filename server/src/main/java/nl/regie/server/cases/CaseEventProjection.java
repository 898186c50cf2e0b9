package nl.regie.server.cases;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import nl.regie.persistence.Database;
import nl.regie.persistence.HikariJdbcSession;
import nl.regie.server.ProjectionSettings;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/**
 * Keeps every read model of the case events (the deadline index and alerts, the outbox, the case
 * list and its stream, the CAK aanlevering): one projection per tag slice, spread over the
 * cluster. It takes its events in groups and hands each group to every read model in turn, all in
 * one transaction with its offset. One projection instead of one per read model: each event is
 * queried and read once, not once per read model (a projection's tag query and deserialisation
 * were most of its cost).
 */
public final class CaseEventProjection {

  public static final String NAME = "case-events";

  private CaseEventProjection() {}

  /** {@code readModels}: a fresh handler of each read model, for each slice. */
  public static void init(ActorSystem<?> system, CaseSettings settings, ProjectionSettings grouping, Database database,
      Supplier<List<JdbcHandler<List<EventEnvelope<CaseEvent>>, HikariJdbcSession>>> readModels) {
    ShardedDaemonProcess.get(system).init(
        ProjectionBehavior.Command.class,
        NAME,
        settings.tagSlices(),
        slice -> ProjectionBehavior.create(JdbcProjection.groupedWithin(
            ProjectionId.of(NAME, "case-" + slice),
            EventSourcedProvider.<CaseEvent>eventsByTag(system, JdbcReadJournal.Identifier(), "case-" + slice),
            () -> new HikariJdbcSession(database),
            () -> new ReadModels(readModels.get()),
            system).withGroup(grouping.groupSize(), grouping.groupWithin())),
        ShardedDaemonProcessSettings.create(system),
        Optional.of(ProjectionBehavior.stopMessage()));
  }

  /** Every read model's handler on the same group, unpacked once ({@link GroupedEvents}), in the same transaction. */
  static final class ReadModels extends JdbcHandler<List<EventEnvelope<CaseEvent>>, HikariJdbcSession> {

    private final List<JdbcHandler<List<EventEnvelope<CaseEvent>>, HikariJdbcSession>> handlers;

    ReadModels(List<JdbcHandler<List<EventEnvelope<CaseEvent>>, HikariJdbcSession>> handlers) {
      this.handlers = List.copyOf(handlers);
    }

    @Override
    public void start() {
      handlers.forEach(JdbcHandler::start);
    }

    @Override
    public void stop() {
      handlers.forEach(JdbcHandler::stop);
    }

    @Override
    public void process(HikariJdbcSession session, List<EventEnvelope<CaseEvent>> envelopes) throws Exception {
      List<EventEnvelope<CaseEvent>> events = GroupedEvents.unpacked(envelopes);
      for (JdbcHandler<List<EventEnvelope<CaseEvent>>, HikariJdbcSession> handler : handlers) handler.process(session, events);
    }
  }
}
