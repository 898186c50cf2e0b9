package nl.regie.server.bericht;

import java.util.Optional;
import nl.regie.persistence.BerichtStore;
import nl.regie.persistence.Database;
import nl.regie.persistence.HikariJdbcSession;
import nl.regie.server.ProjectionSettings;
import nl.regie.server.cases.CaseEvent;
import nl.regie.server.cases.CaseSettings;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/** Runs the outbox projection, one per tag slice, spread over the cluster. */
public final class BerichtProjection {

  public static final String NAME = "berichten";

  private BerichtProjection() {}

  public static void init(ActorSystem<?> system, CaseSettings settings, ProjectionSettings grouping, Database database) {
    BerichtStore store = new BerichtStore(database);
    ShardedDaemonProcess.get(system).init(
        ProjectionBehavior.Command.class,
        NAME,
        settings.tagSlices(),
        slice -> ProjectionBehavior.create(JdbcProjection.groupedWithin(
            ProjectionId.of(NAME, "case-" + slice),
            EventSourcedProvider.<CaseEvent>eventsByTag(system, JdbcReadJournal.Identifier(), "case-" + slice),
            () -> new HikariJdbcSession(database),
            () -> new BerichtProjectionHandler(store, settings.zone()),
            system).withGroup(grouping.groupSize(), grouping.groupWithin())),
        ShardedDaemonProcessSettings.create(system),
        Optional.of(ProjectionBehavior.stopMessage()));
  }
}
