package nl.regie.server.cases;

import java.util.Optional;
import nl.regie.persistence.CaseChanges;
import nl.regie.persistence.CaseList;
import nl.regie.persistence.Database;
import nl.regie.persistence.HikariJdbcSession;
import nl.regie.server.ProjectionSettings;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/** Runs the case-list projection, one per tag slice, spread over the cluster. */
public final class CaseListProjection {

  public static final String NAME = "case-list";

  private CaseListProjection() {}

  public static void init(ActorSystem<?> system, CaseSettings settings, ProjectionSettings grouping, Database database) {
    CaseList list = new CaseList(database);
    CaseListState states = CaseListState.of(system);
    CaseChanges changes = new CaseChanges(database);
    ShardedDaemonProcess.get(system).init(
        ProjectionBehavior.Command.class,
        NAME,
        settings.tagSlices(),
        slice -> ProjectionBehavior.create(JdbcProjection.groupedWithin(
            ProjectionId.of(NAME, "case-" + slice),
            EventSourcedProvider.<CaseEvent>eventsByTag(system, JdbcReadJournal.Identifier(), "case-" + slice),
            () -> new HikariJdbcSession(database),
            () -> new CaseListProjectionHandler(list, states, changes),
            system).withGroup(grouping.groupSize(), grouping.groupWithin())),
        ShardedDaemonProcessSettings.create(system),
        Optional.of(ProjectionBehavior.stopMessage()));
  }
}
