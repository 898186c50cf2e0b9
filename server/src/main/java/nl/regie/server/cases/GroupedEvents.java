package nl.regie.server.cases;

import java.util.ArrayList;
import java.util.List;
import nl.regie.persistence.HikariJdbcSession;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * Hands a projection's handler the case events one by one: a {@link CaseEvent.Grouped} journal row
 * becomes an envelope per event, each numbered with the case's version after it (its place among
 * the case's events), so that handlers keep folding and deduplicating by that number. Rows
 * written before groups existed hold one event, and their sequence number is that version
 * already.
 */
public final class GroupedEvents extends JdbcHandler<List<EventEnvelope<CaseEvent>>, HikariJdbcSession> {

  private final JdbcHandler<List<EventEnvelope<CaseEvent>>, HikariJdbcSession> handler;

  private GroupedEvents(JdbcHandler<List<EventEnvelope<CaseEvent>>, HikariJdbcSession> handler) {
    this.handler = handler;
  }

  public static GroupedEvents unpacking(JdbcHandler<List<EventEnvelope<CaseEvent>>, HikariJdbcSession> handler) {
    return new GroupedEvents(handler);
  }

  @Override
  public void start() {
    handler.start();
  }

  @Override
  public void stop() {
    handler.stop();
  }

  @Override
  public void process(HikariJdbcSession session, List<EventEnvelope<CaseEvent>> envelopes) throws Exception {
    handler.process(session, unpacked(envelopes));
  }

  static List<EventEnvelope<CaseEvent>> unpacked(List<EventEnvelope<CaseEvent>> envelopes) {
    List<EventEnvelope<CaseEvent>> events = new ArrayList<>(envelopes.size() * 3);
    for (EventEnvelope<CaseEvent> envelope : envelopes) {
      if (envelope.event() instanceof CaseEvent.Grouped grouped) {
        for (int i = 0; i < grouped.events().size(); i++) {
          events.add(EventEnvelope.create(envelope.offset(), envelope.persistenceId(), grouped.firstVersion() + i,
              grouped.events().get(i), envelope.timestamp()));
        }
      } else {
        events.add(envelope);
      }
    }
    return events;
  }
}
