package nl.regie.server.bericht;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.regie.persistence.BerichtStore;
import nl.regie.persistence.HikariJdbcSession;
import nl.regie.server.cases.CaseEvent;
import nl.regie.server.cases.CaseEntity;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * The outbox: every bericht a case wrote ({@link CaseEvent.BerichtVerstuurd}) lands in the bericht
 * table, exactly once (a group of events in one transaction with the offset), for the aanbieder to fetch.
 */
public final class BerichtProjectionHandler extends JdbcHandler<List<EventEnvelope<CaseEvent>>, HikariJdbcSession> {

  private final BerichtStore store;
  private final ZoneId zone;

  public BerichtProjectionHandler(BerichtStore store, ZoneId zone) {
    this.store = store;
    this.zone = zone;
  }

  @Override
  public void process(HikariJdbcSession session, List<EventEnvelope<CaseEvent>> envelopes) throws Exception {
    for (EventEnvelope<CaseEvent> envelope : envelopes) {
      if (envelope.event() instanceof CaseEvent.BerichtVerstuurd sent) {
        session.<Void>withConnection(c -> {
          store.insertOnce(c, bericht(CaseEntity.caseIdOf(envelope.persistenceId()), sent));
          return null;
        });
      }
    }
  }

  private BerichtStore.New bericht(String caseId, CaseEvent.BerichtVerstuurd sent) {
    byte[] xml = sent.xml().getBytes(StandardCharsets.UTF_8);
    return new BerichtStore.New(BerichtStore.Richting.UIT, sent.berichtsoort(), sent.afzender(),
        sent.ontvanger(), sent.identificatie(), LocalDate.ofInstant(sent.at(), zone), Formaat.XML.opslag(), xml,
        Hashes.sha256(xml), sent.at(), BerichtStore.Status.VERZONDEN, caseId);
  }
}
