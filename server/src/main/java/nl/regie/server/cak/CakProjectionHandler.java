package nl.regie.server.cak;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import nl.regie.persistence.CakAanlevering;
import nl.regie.persistence.CakAanlevering.Periode;
import nl.regie.persistence.CakAanlevering.Zaak;
import nl.regie.persistence.HikariJdbcSession;
import nl.regie.protocol.api.CakMutatieView.Soort;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.server.cases.CaseEntity;
import nl.regie.server.cases.CaseEvent;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * Keeps the CAK aanlevering in step with the case events ({@link CakFeiten} says what each means).
 * A group of events is one transaction with the projection's offset. Each case remembers the last
 * event applied, so an event handed over again changes nothing; events that mean nothing to the
 * CAK cost no query.
 *
 * <p>For the CAK a period of care runs from a start to the stop that ends it. A stop with reden 20
 * (tijdelijk) is a stop: the eigen bijdrage follows the delivery, which iWmo's start and stop
 * bound (UP-OP-IV, OP369). A definitive stop that follows such a pause makes no line: the period
 * ended with the pause, and care did not run between. A line goes into the month Regie recorded
 * the event in (its {@code at}, in {@code zone}).
 */
public final class CakProjectionHandler extends JdbcHandler<List<EventEnvelope<CaseEvent>>, HikariJdbcSession> {

  private final CakAanlevering store;
  private final Predicate<String> viaCak;
  private final ZoneId zone;

  /** {@code viaCak}: whether the CAK levies the eigen bijdrage under a regeling, by its id. */
  public CakProjectionHandler(CakAanlevering store, Predicate<String> viaCak, ZoneId zone) {
    this.store = store;
    this.viaCak = viaCak;
    this.zone = zone;
  }

  @Override
  public void process(HikariJdbcSession session, List<EventEnvelope<CaseEvent>> envelopes) throws Exception {
    session.<Void>withConnection(c -> {
      Map<String, Optional<Zaak>> zaken = new HashMap<>();
      for (EventEnvelope<CaseEvent> envelope : envelopes) {
        List<CakFeit> feiten = CakFeiten.of(envelope.event());
        if (feiten.isEmpty()) continue;
        String caseId = CaseEntity.caseIdOf(envelope.persistenceId());
        Optional<Zaak> before = zaken.containsKey(caseId) ? zaken.get(caseId) : store.zaak(c, caseId);
        if (before.isPresent() && envelope.sequenceNr() <= before.get().version()) continue;
        Event event = new Event(caseId, envelope.sequenceNr(), envelope.event().at());
        Optional<Zaak> zaak = before;
        for (CakFeit feit : feiten) zaak = apply(c, zaak, event, feit);
        if (zaak.isPresent()) {
          Zaak after = new Zaak(caseId, zaak.get().bsn(), zaak.get().gemeente(), zaak.get().viaCak(), envelope.sequenceNr());
          store.save(c, after);
          zaak = Optional.of(after);
        }
        zaken.put(caseId, zaak);
      }
      return null;
    });
  }

  /** The event a fact came from: its case, number and moment. */
  private record Event(String caseId, long sequenceNr, Instant at) {}

  /** Applies {@code feit}; the case as remembered after it. A case not via the CAK keeps only what says so. */
  private Optional<Zaak> apply(Connection c, Optional<Zaak> zaak, Event event, CakFeit feit) throws SQLException {
    if (feit instanceof CakFeit.Gemeld g) {
      boolean cak = viaCak.test(g.regeling());
      // The BSN is kept only where the CAK needs it.
      return Optional.of(new Zaak(event.caseId(), cak ? g.bsn() : null, g.gemeente(), cak, 0));
    }
    // Without its melding a case cannot be reported (no BSN); the journal always has it first.
    if (zaak.isEmpty()) return zaak;
    Zaak z = zaak.get();
    if (feit instanceof CakFeit.Overgedragen o) return Optional.of(new Zaak(z.caseId(), z.bsn(), o.gemeente(), z.viaCak(), z.version()));
    if (!z.viaCak()) return zaak;
    if (feit instanceof CakFeit.Toegewezen t) {
      store.saveToewijzing(c, t.nummer(), event.caseId(), t.product(), t.aanbieder());
    } else if (feit instanceof CakFeit.Gestart s) {
      store.save(c, new Periode(null, s.nummer(), s.begindatum(), null, null, false));
      line(c, z, event, Soort.START, s.nummer(), new Periode(null, s.nummer(), s.begindatum(), null, null, false));
    } else if (feit instanceof CakFeit.Gestopt s) {
      gestopt(c, z, event, s);
    } else if (feit instanceof CakFeit.StartVerwijderd v) {
      Optional<Periode> p = store.periode(c, v.nummer(), v.begindatum());
      if (p.isPresent()) {
        Periode withdrawn = new Periode(p.get().id(), v.nummer(), v.begindatum(), p.get().einddatum(), p.get().reden(), true);
        store.save(c, withdrawn);
        line(c, z, event, Soort.START_VERWIJDERD, v.nummer(), withdrawn);
      }
    } else if (feit instanceof CakFeit.StopVerwijderd v) {
      Optional<Periode> p = store.periode(c, v.nummer(), v.begindatum());
      if (p.isPresent() && p.get().einddatum() != null) {
        store.save(c, new Periode(p.get().id(), v.nummer(), v.begindatum(), null, null, false));
        // The line names the stop withdrawn, so that the CAK can find the period it reopens.
        line(c, z, event, Soort.STOP_VERWIJDERD, v.nummer(), p.get());
      }
    }
    return zaak;
  }

  /** Ends the period that runs; after a pause, the definitive reden replaces 20 without a line. */
  private void gestopt(Connection c, Zaak z, Event event, CakFeit.Gestopt s) throws SQLException {
    Optional<Periode> laatste = store.laatste(c, s.nummer());
    if (laatste.isEmpty()) return;
    Periode p = laatste.get();
    if (p.einddatum() == null) {
      Periode ended = new Periode(p.id(), p.nummer(), p.begindatum(), s.einddatum(), s.reden().code(), false);
      store.save(c, ended);
      line(c, z, event, Soort.STOP, s.nummer(), ended);
    } else if (RedenBeeindiging.TIJDELIJK.code().equals(p.reden()) && !s.reden().isTijdelijk()) {
      store.save(c, new Periode(p.id(), p.nummer(), p.begindatum(), p.einddatum(), s.reden().code(), false));
    }
  }

  private void line(Connection c, Zaak z, Event event, Soort soort, long nummer, Periode p) throws SQLException {
    store.record(c, new CakAanlevering.NieuweMutatie(event.caseId(), event.sequenceNr(), z.gemeente(),
        YearMonth.from(event.at().atZone(zone)), event.at(), soort, nummer, p.begindatum(), p.einddatum(), p.reden()));
  }
}
