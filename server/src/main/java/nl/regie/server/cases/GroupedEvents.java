package nl.regie.server.cases;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.projection.eventsourced.EventEnvelope;

/**
 * The case events one by one, as every read model takes them: a {@link CaseEvent.Grouped} journal row
 * becomes an envelope per event, each numbered with the case's version after it (its place among
 * the case's events), so that handlers keep folding and deduplicating by that number. Rows
 * written before groups existed hold one event, and their sequence number is that version
 * already.
 */
final class GroupedEvents {

  private GroupedEvents() {}

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
