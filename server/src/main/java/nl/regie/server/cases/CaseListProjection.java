package nl.regie.server.cases;

import nl.regie.persistence.CaseChanges;
import nl.regie.persistence.CaseList;
import nl.regie.persistence.Database;
import nl.regie.server.ProjectionSettings;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;

/** Runs the case-list projection (the case list and the case stream), one per tag slice, spread over the cluster. */
public final class CaseListProjection {

  public static final String NAME = "case-list";

  private CaseListProjection() {}

  public static void init(ActorSystem<?> system, CaseSettings settings, ProjectionSettings grouping, Database database) {
    CaseList list = new CaseList(database);
    CaseChanges changes = new CaseChanges(database);
    Serialization serialization = SerializationExtension.get(system);
    CaseEventProjections.run(system, NAME, settings, grouping, database,
        () -> new CaseListProjectionHandler(list, new CaseListFolds(serialization, grouping.caseListFolds()), changes));
  }
}
