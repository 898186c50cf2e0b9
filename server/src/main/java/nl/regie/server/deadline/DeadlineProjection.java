package nl.regie.server.deadline;

import java.util.Optional;
import java.util.function.Consumer;
import nl.regie.persistence.AlertStore;
import nl.regie.persistence.Database;
import nl.regie.persistence.DeadlineIndex;
import nl.regie.persistence.HikariJdbcSession;
import nl.regie.protocol.api.AlertView;
import nl.regie.server.ProjectionSettings;
import nl.regie.server.cases.CaseEvent;
import nl.regie.server.cases.GroupedEvents;
import nl.regie.server.cases.CaseSettings;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.GroupedProjection;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/**
 * Runs one deadline projection per tag slice, spread over the cluster by a sharded daemon process
 * (each slice runs on exactly one node and moves when that node leaves).
 */
public final class DeadlineProjection {

  public static final String NAME = "deadlines";

  private DeadlineProjection() {}

  public static void init(ActorSystem<?> system, CaseSettings settings, ProjectionSettings grouping, Database database,
      Consumer<AlertView> announce) {
    DeadlineIndex index = new DeadlineIndex(database);
    AlertStore alerts = new AlertStore(database);
    ShardedDaemonProcess.get(system).init(
        ProjectionBehavior.Command.class,
        NAME,
        settings.tagSlices(),
        slice -> ProjectionBehavior.create(projection(system, "case-" + slice, grouping, database, index, alerts, announce)),
        ShardedDaemonProcessSettings.create(system),
        Optional.of(ProjectionBehavior.stopMessage()));
  }

  private static GroupedProjection<Offset, EventEnvelope<CaseEvent>> projection(ActorSystem<?> system, String tag,
      ProjectionSettings grouping, Database database, DeadlineIndex index, AlertStore alerts, Consumer<AlertView> announce) {
    SourceProvider<Offset, EventEnvelope<CaseEvent>> source =
        EventSourcedProvider.eventsByTag(system, JdbcReadJournal.Identifier(), tag);
    return JdbcProjection.groupedWithin(
        ProjectionId.of(NAME, tag),
        source,
        () -> new HikariJdbcSession(database),
        () -> GroupedEvents.unpacking(new DeadlineProjectionHandler(index, alerts, announce)),
        system).withGroup(grouping.groupSize(), grouping.groupWithin());
  }
}
