package nl.regie.server.deadline;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import nl.regie.persistence.AlertStore;
import nl.regie.persistence.DeadlineIndex;
import nl.regie.persistence.HikariJdbcSession;
import nl.regie.protocol.api.AlertView;
import nl.regie.server.cases.CaseEntity;
import nl.regie.server.cases.CaseEvent;
import nl.regie.server.cases.Deadline;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * Keeps the deadline index and the alert table in step with the case events, a group of events in
 * the same transaction as the projection's offset (exactly once), and announces each new alert
 * in-process for live streams. Events that are not about deadlines pass by.
 */
public final class DeadlineProjectionHandler extends JdbcHandler<List<EventEnvelope<CaseEvent>>, HikariJdbcSession> {

  private final DeadlineIndex index;
  private final AlertStore alerts;
  private final Consumer<AlertView> announce;

  public DeadlineProjectionHandler(DeadlineIndex index, AlertStore alerts, Consumer<AlertView> announce) {
    this.index = index;
    this.alerts = alerts;
    this.announce = announce;
  }

  @Override
  public void process(HikariJdbcSession session, List<EventEnvelope<CaseEvent>> envelopes) throws Exception {
    List<AlertView> raised = session.withConnection(c -> {
      List<AlertView> newAlerts = new ArrayList<>();
      for (EventEnvelope<CaseEvent> envelope : envelopes) {
        apply(c, CaseEntity.caseIdOf(envelope.persistenceId()), envelope.event()).ifPresent(newAlerts::add);
      }
      return newAlerts;
    });
    // Announced before the commit: should the commit fail, the events come again and so may the
    // announcements; a live view keys alerts by id, so a repeat is harmless, a loss would not be.
    raised.forEach(announce);
  }

  private Optional<AlertView> apply(Connection c, String caseId, CaseEvent event) throws java.sql.SQLException {
    if (event instanceof CaseEvent.DeadlineSet set) {
      Deadline d = set.deadline();
      index.schedule(c, caseId, d.id(), d.warnAt(), d.missedAt(), d.escalateAt());
    } else if (event instanceof CaseEvent.DeadlineAlerted a) {
      index.raised(c, caseId, a.deadlineId(), a.level());
      return alerts.insertOnce(c, new AlertStore.NewAlert(caseId, a.deadlineId(), a.gemeente(), a.code(), a.omschrijving(),
          a.level(), a.due(), a.responsible(), a.scheduledFor(), a.at()));
    } else if (event instanceof CaseEvent.DeadlineMet met) {
      index.remove(c, caseId, met.deadlineId());
    } else if (event instanceof CaseEvent.DeadlineVervallen lapsed) {
      index.remove(c, caseId, lapsed.deadlineId());
    }
    return Optional.empty();
  }
}
