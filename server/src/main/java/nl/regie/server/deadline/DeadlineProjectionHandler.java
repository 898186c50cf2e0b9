package nl.regie.server.deadline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import nl.regie.persistence.AlertStore;
import nl.regie.persistence.DeadlineIndex;
import nl.regie.persistence.HikariJdbcSession;
import nl.regie.protocol.api.AlertView;
import nl.regie.server.cases.CaseEntity;
import nl.regie.server.cases.CaseEvent;
import nl.regie.server.cases.Deadline;
import nl.regie.server.cases.Toewijzing;
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
    List<AlertStore.NewAlert> raised = session.withConnection(c -> {
      List<AlertStore.NewAlert> newAlerts = new ArrayList<>();
      // The index moves of a run of alerts go in one batch; any other write waits for them, in order.
      List<DeadlineIndex.Raised> moves = new ArrayList<>();
      for (EventEnvelope<CaseEvent> envelope : envelopes) {
        String caseId = CaseEntity.caseIdOf(envelope.persistenceId());
        if (envelope.event() instanceof CaseEvent.DeadlineAlerted e) {
          moves.add(new DeadlineIndex.Raised(caseId, e.deadlineId(), e.level()));
          newAlerts.add(new AlertStore.NewAlert(caseId, e.deadlineId(), e.gemeente(), e.code(), e.omschrijving(), e.level(), e.due(),
              e.responsible(), e.scheduledFor(), e.at()));
          continue;
        }
        flush(c, moves);
        apply(c, caseId, envelope.event());
      }
      flush(c, moves);
      return newAlerts;
    });
    if (raised.isEmpty()) return;
    // Under the alert table's append lock: last, just before the commit. Announced before the
    // commit: should it fail, the events come again and so may the announcements; a live view
    // keys alerts by id, so a repeat is harmless, a loss would not be.
    session.beforeCommit(c -> alerts.insertOnce(c, raised).forEach(announce));
  }

  private void flush(Connection c, List<DeadlineIndex.Raised> moves) throws SQLException {
    if (moves.isEmpty()) return;
    index.raised(c, moves);
    moves.clear();
  }

  private void apply(Connection c, String caseId, CaseEvent event) throws SQLException {
    event.accept(new Writes(caseId)).write(c);
  }

  /** A write to the index. */
  private interface Write {
    Write NONE = c -> {};

    void write(Connection c) throws SQLException;
  }

  /** What each event writes to the index: only the deadline events write anything; alerts are batched (process). */
  private final class Writes implements CaseEvent.Visitor<Write> {

    private final String caseId;

    Writes(String caseId) {
      this.caseId = caseId;
    }

    @Override
    public Write meldingOntvangen(CaseEvent.MeldingOntvangen e) {
      return Write.NONE;
    }

    @Override
    public Write screeningGestart(CaseEvent.ScreeningGestart e) {
      return Write.NONE;
    }

    @Override
    public Write screeningAfgerond(CaseEvent.ScreeningAfgerond e) {
      return Write.NONE;
    }

    @Override
    public Write overgedragen(CaseEvent.Overgedragen e) {
      return Write.NONE;
    }

    @Override
    public Write onderzoekAfgerond(CaseEvent.OnderzoekAfgerond e) {
      return Write.NONE;
    }

    @Override
    public Write aanvraagOntvangen(CaseEvent.AanvraagOntvangen e) {
      return Write.NONE;
    }

    /** A toewijzing with an einddatum wakes its case when that has passed (also when the case is passivated). */
    @Override
    public Write toegewezen(CaseEvent.Toegewezen e) {
      return c -> {
        for (Toewijzing t : e.toewijzingen()) {
          if (t.afloopOp() != null) index.schedule(c, caseId, afloop(t.nummer()), null, t.afloopOp(), null);
        }
      };
    }

    @Override
    public Write zorgGestart(CaseEvent.ZorgGestart e) {
      return Write.NONE;
    }

    @Override
    public Write zorgGestopt(CaseEvent.ZorgGestopt e) {
      return Write.NONE;
    }

    @Override
    public Write startVerwijderd(CaseEvent.StartVerwijderd e) {
      return Write.NONE;
    }

    @Override
    public Write stopVerwijderd(CaseEvent.StopVerwijderd e) {
      return Write.NONE;
    }

    @Override
    public Write berichtklasseBeoordeeld(CaseEvent.BerichtklasseBeoordeeld e) {
      return Write.NONE;
    }

    @Override
    public Write berichtVerstuurd(CaseEvent.BerichtVerstuurd e) {
      return Write.NONE;
    }

    @Override
    public Write berichtNietVerstuurd(CaseEvent.BerichtNietVerstuurd e) {
      return Write.NONE;
    }

    @Override
    public Write verzoekOntvangen(CaseEvent.VerzoekOntvangen e) {
      return Write.NONE;
    }

    @Override
    public Write verzoekBeantwoord(CaseEvent.VerzoekBeantwoord e) {
      return Write.NONE;
    }

    @Override
    public Write verzoekGehonoreerd(CaseEvent.VerzoekGehonoreerd e) {
      return Write.NONE;
    }

    @Override
    public Write antwoordBevestigd(CaseEvent.AntwoordBevestigd e) {
      return Write.NONE;
    }

    @Override
    public Write declaratieOntvangen(CaseEvent.DeclaratieOntvangen e) {
      return Write.NONE;
    }

    @Override
    public Write prestatieToegekend(CaseEvent.PrestatieToegekend e) {
      return Write.NONE;
    }

    @Override
    public Write declaratieBeantwoord(CaseEvent.DeclaratieBeantwoord e) {
      return Write.NONE;
    }

    @Override
    public Write ingetrokken(CaseEvent.Ingetrokken e) {
      return Write.NONE;
    }

    @Override
    public Write afgewezen(CaseEvent.Afgewezen e) {
      return Write.NONE;
    }

    @Override
    public Write toewijzingBevestigd(CaseEvent.ToewijzingBevestigd e) {
      return Write.NONE;
    }

    @Override
    public Write deadlineSet(CaseEvent.DeadlineSet e) {
      Deadline d = e.deadline();
      return c -> index.schedule(c, caseId, d.id(), d.warnAt(), d.missedAt(), d.escalateAt());
    }

    @Override
    public Write deadlineMet(CaseEvent.DeadlineMet e) {
      return c -> index.remove(c, caseId, e.deadlineId());
    }

    @Override
    public Write deadlineAlerted(CaseEvent.DeadlineAlerted e) {
      throw new IllegalStateException("alerts are written in batches (process)");
    }

    @Override
    public Write deadlineVervallen(CaseEvent.DeadlineVervallen e) {
      return c -> index.remove(c, caseId, e.deadlineId());
    }

    @Override
    public Write toewijzingGewijzigd(CaseEvent.ToewijzingGewijzigd e) {
      return c -> {
        if (e.afloopOp() == null) {
          index.remove(c, caseId, afloop(e.toewijzingNummer()));
        } else {
          index.schedule(c, caseId, afloop(e.toewijzingNummer()), null, e.afloopOp(), null);
        }
      };
    }

    @Override
    public Write toewijzingAfgelopen(CaseEvent.ToewijzingAfgelopen e) {
      return c -> index.remove(c, caseId, afloop(e.toewijzingNummer()));
    }

    @Override
    public Write overleden(CaseEvent.Overleden e) {
      return Write.NONE;
    }

    @Override
    public Write stapGezet(CaseEvent.StapGezet e) {
      return Write.NONE;
    }

    @Override
    public Write verhuizingGemeld(CaseEvent.VerhuizingGemeld e) {
      return Write.NONE;
    }

    @Override
    public Write grouped(CaseEvent.Grouped e) {
      throw new IllegalStateException("a group reaches the handler unpacked (GroupedEvents)");
    }
  }

  /** The index entry of a toewijzing's end: named apart from the deadlines, whose ids start with their code. */
  private static String afloop(long toewijzingNummer) {
    return "afloop:" + toewijzingNummer;
  }
}
