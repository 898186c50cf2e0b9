package nl.regie.server.bericht;

import nl.regie.persistence.BerichtStore;
import nl.regie.persistence.Database;
import nl.regie.server.ProjectionSettings;
import nl.regie.server.cases.CaseEventProjections;
import nl.regie.server.cases.CaseSettings;
import org.apache.pekko.actor.typed.ActorSystem;

/** Runs the outbox projection, one per tag slice, spread over the cluster. */
public final class BerichtProjection {

  public static final String NAME = "berichten";

  private BerichtProjection() {}

  public static void init(ActorSystem<?> system, CaseSettings settings, ProjectionSettings grouping, Database database) {
    BerichtStore store = new BerichtStore(database);
    CaseEventProjections.run(system, NAME, settings, grouping, database, () -> new BerichtProjectionHandler(store, settings.zone()));
  }
}
