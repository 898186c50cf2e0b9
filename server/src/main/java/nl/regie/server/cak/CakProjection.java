package nl.regie.server.cak;

import java.util.function.Predicate;
import nl.regie.persistence.CakAanlevering;
import nl.regie.persistence.Database;
import nl.regie.server.ProjectionSettings;
import nl.regie.server.cases.CaseEventProjections;
import nl.regie.server.cases.CaseSettings;
import org.apache.pekko.actor.typed.ActorSystem;

/** Runs the CAK projection, one per tag slice, spread over the cluster. */
public final class CakProjection {

  public static final String NAME = "cak";

  private CakProjection() {}

  /** {@code viaCak}: whether the CAK levies the eigen bijdrage under a regeling, by its id. */
  public static void init(ActorSystem<?> system, CaseSettings settings, ProjectionSettings grouping, Database database,
      Predicate<String> viaCak) {
    CakAanlevering store = new CakAanlevering(database);
    CaseEventProjections.run(system, NAME, settings, grouping, database, () -> new CakProjectionHandler(store, viaCak, settings.zone()));
  }
}
