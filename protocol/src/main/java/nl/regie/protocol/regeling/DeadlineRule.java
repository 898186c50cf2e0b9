package nl.regie.protocol.regeling;

import java.util.Optional;
import java.util.Set;
import nl.regie.protocol.kalender.Termijn;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Partij;

/**
 * One deadline rule of a regeling (D1…D26 and the iWmo reply times): which event starts it, which
 * events meet it, how long it runs, who must act, when a warning goes out and when a missed one
 * escalates to a supervisor.
 *
 * <p>A rule read from a rulebook ({@link RegelingLoader}) has been checked so that the server need
 * not check again: its start is not an event that {@linkplain Gebeurtenis#isEinde() ends the case};
 * every {@code voldaan} event is of the start's scope or case-wide, is not the start and does not
 * end the case; only a {@link Gebeurtenis#TOEWIJZING_EINDE} rule has a negative termijn; a
 * waarschuwing is negative and an escalatie positive; {@code producten} only on a toewijzing-scope
 * rule, {@code kanalen} only on a {@link Gebeurtenis#MELDING} rule.
 *
 * @param code the rule's code, unique in its regeling (e.g. {@code D8})
 * @param omschrijving what must happen, in a sentence for the person who must do it
 * @param start the event that starts a deadline; its {@link Gebeurtenis#scope()} is the rule's
 * @param voldaan the events that meet it (of the same scope, or case-wide)
 * @param termijn the length, counted from the start event's date; the due date is the last day on
 *     which the deadline is still met ({@link Termijn#einde})
 * @param responsible who must act (the rulebook file's {@code verantwoordelijke})
 * @param waarschuwing when a warning goes out, relative to the due date (negative, e.g. {@code
 *     -1wd}); empty: no warning
 * @param escalatie how long a missed deadline may stay missed, counted from the due date, before it
 *     escalates to a supervisor (e.g. {@code 2wd}); empty: it does not escalate
 * @param kanalen only meldingen that came in through these kanalen start it; empty: all
 * @param producten only toewijzingen of these product codes start it (TOEWIJZING scope); empty: all
 * @param bron where the rule comes from (seed and line, iWmo rule)
 */
public record DeadlineRule(
    String code,
    String omschrijving,
    Gebeurtenis start,
    Set<Gebeurtenis> voldaan,
    Termijn termijn,
    Partij responsible,
    Optional<Termijn> waarschuwing,
    Optional<Termijn> escalatie,
    Set<Kanaal> kanalen,
    Set<String> producten,
    String bron) {

  public DeadlineRule {
    voldaan = Set.copyOf(voldaan);
    kanalen = Set.copyOf(kanalen);
    producten = Set.copyOf(producten);
  }

  public Scope scope() {
    return start.scope();
  }

  /** Whether {@code event} meets a deadline of this rule (an event that ends the case does not: it voids it). */
  public boolean voldaanDoor(Gebeurtenis event) {
    return voldaan.contains(event);
  }
}
