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
 * Runs a projection of the case events: one instance per tag slice, spread over the cluster, each
 * taking its events in groups, every group in one transaction with its offset.
 */
public final class CaseEventProjections {

  private CaseEventProjections() {}

  public static void run(ActorSystem<?> system, String name, CaseSettings settings, ProjectionSettings grouping, Database database,
      Supplier<JdbcHandler<List<EventEnvelope<CaseEvent>>, HikariJdbcSession>> handler) {
    ShardedDaemonProcess.get(system).init(
        ProjectionBehavior.Command.class,
        name,
        settings.tagSlices(),
        slice -> ProjectionBehavior.create(JdbcProjection.groupedWithin(
            ProjectionId.of(name, "case-" + slice),
            EventSourcedProvider.<CaseEvent>eventsByTag(system, JdbcReadJournal.Identifier(), "case-" + slice),
            () -> new HikariJdbcSession(database),
            () -> GroupedEvents.unpacking(handler.get()),
            system).withGroup(grouping.groupSize(), grouping.groupWithin())),
        ShardedDaemonProcessSettings.create(system),
        Optional.of(ProjectionBehavior.stopMessage()));
  }
}
