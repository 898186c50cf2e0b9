package nl.regie.server.bericht;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    List<BerichtStore.New> berichten = new ArrayList<>();
    for (EventEnvelope<CaseEvent> envelope : envelopes) {
      envelope.event().accept(new Outbox(CaseEntity.caseIdOf(envelope.persistenceId()))).ifPresent(berichten::add);
    }
    if (berichten.isEmpty()) return;
    // Under the outbox's append lock: last, just before the commit.
    session.beforeCommit(c -> {
      for (BerichtStore.New bericht : berichten) store.insertOnce(c, bericht);
    });
  }

  /** What each event puts in the outbox: only a bericht the case wrote. */
  private final class Outbox implements CaseEvent.Visitor<Optional<BerichtStore.New>> {

    private final String caseId;

    Outbox(String caseId) {
      this.caseId = caseId;
    }

    @Override
    public Optional<BerichtStore.New> meldingOntvangen(CaseEvent.MeldingOntvangen e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> screeningGestart(CaseEvent.ScreeningGestart e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> screeningAfgerond(CaseEvent.ScreeningAfgerond e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> overgedragen(CaseEvent.Overgedragen e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> onderzoekAfgerond(CaseEvent.OnderzoekAfgerond e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> aanvraagOntvangen(CaseEvent.AanvraagOntvangen e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> toegewezen(CaseEvent.Toegewezen e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> zorgGestart(CaseEvent.ZorgGestart e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> zorgGestopt(CaseEvent.ZorgGestopt e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> startVerwijderd(CaseEvent.StartVerwijderd e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> stopVerwijderd(CaseEvent.StopVerwijderd e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> berichtklasseBeoordeeld(CaseEvent.BerichtklasseBeoordeeld e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> berichtVerstuurd(CaseEvent.BerichtVerstuurd e) {
      byte[] xml = e.xml().getBytes(StandardCharsets.UTF_8);
      return Optional.of(new BerichtStore.New(BerichtStore.Richting.UIT, e.berichtsoort(), e.afzender(),
          e.ontvanger(), e.identificatie(), LocalDate.ofInstant(e.at(), zone), Format.XML.stored(), xml,
          Hashes.sha256(xml), e.at(), BerichtStore.Status.VERZONDEN, caseId));
    }

    @Override
    public Optional<BerichtStore.New> berichtNietVerstuurd(CaseEvent.BerichtNietVerstuurd e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> verzoekOntvangen(CaseEvent.VerzoekOntvangen e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> verzoekBeantwoord(CaseEvent.VerzoekBeantwoord e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> verzoekGehonoreerd(CaseEvent.VerzoekGehonoreerd e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> antwoordBevestigd(CaseEvent.AntwoordBevestigd e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> declaratieOntvangen(CaseEvent.DeclaratieOntvangen e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> prestatieToegekend(CaseEvent.PrestatieToegekend e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> declaratieBeantwoord(CaseEvent.DeclaratieBeantwoord e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> ingetrokken(CaseEvent.Ingetrokken e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> afgewezen(CaseEvent.Afgewezen e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> toewijzingBevestigd(CaseEvent.ToewijzingBevestigd e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> deadlineSet(CaseEvent.DeadlineSet e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> deadlineMet(CaseEvent.DeadlineMet e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> deadlineAlerted(CaseEvent.DeadlineAlerted e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> deadlineVervallen(CaseEvent.DeadlineVervallen e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> toewijzingGewijzigd(CaseEvent.ToewijzingGewijzigd e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> toewijzingAfgelopen(CaseEvent.ToewijzingAfgelopen e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> overleden(CaseEvent.Overleden e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> stapGezet(CaseEvent.StapGezet e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> verhuizingGemeld(CaseEvent.VerhuizingGemeld e) {
      return Optional.empty();
    }

    @Override
    public Optional<BerichtStore.New> grouped(CaseEvent.Grouped e) {
      throw new IllegalStateException("a group reaches the handler unpacked (GroupedEvents)");
    }
  }
}
