package nl.regie.server.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import nl.regie.protocol.cases.DeadlineStatus;
import nl.regie.protocol.regeling.DeadlineRule;
import nl.regie.protocol.regeling.Gebeurtenis;
import nl.regie.protocol.regeling.Regelingen;
import nl.regie.protocol.regeling.Scope;

/**
 * One deadline of a case, as its events left it. Its dates were fixed when it was set, so a later
 * change of the rulebook does not move a running deadline.
 *
 * @param id unique within the case: code, scope key and, for a second instance, a sequence
 * @param omschrijving what it asks, when its event carried it (see {@link #omschrijving(Deadline, CaseState, Regelingen)})
 * @param responsible the party that must act, e.g. {@code aanbieder:12345678}
 * @param key what in the case it is about: the AGB code (AANBIEDER scope), the toewijzingnummer
 *     (TOEWIJZING) or empty (CASE)
 * @param voldaan the events that meet it (from the rule, kept so that a rulebook change does not
 *     alter a running deadline)
 * @param due the last day on which it is met
 * @param warnAt when a warning goes out, if ever
 * @param missedAt the start of the day after {@code due}
 * @param escalateAt when a missed deadline escalates, if ever
 * @param warned whether the warning went out
 */
public record Deadline(
    String id,
    String code,
    String omschrijving,
    String responsible,
    Scope scope,
    String key,
    Set<Gebeurtenis> voldaan,
    LocalDate due,
    Instant warnAt,
    Instant missedAt,
    Instant escalateAt,
    DeadlineStatus status,
    boolean warned) {

  public Deadline {
    voldaan = Set.copyOf(voldaan);
  }

  /**
   * What the deadline asks, for people: its rule's omschrijving in the case's regeling. Deadlines set
   * before 2026-12-07 carry it in their event; later ones leave it to the rulebook (it is the same
   * sentence in every case, and was a third of a case's journal), and a rule since removed from it
   * shows its code.
   */
  static String omschrijving(Deadline d, CaseState state, Regelingen regelingen) {
    if (d.omschrijving() != null) return d.omschrijving();
    return state.melding() == null ? d.code() : regelingen.find(state.melding().regeling())
        .flatMap(r -> r.deadlineRule(d.code())).map(DeadlineRule::omschrijving).orElse(d.code());
  }

  /** Whether {@code o} meets this deadline: one of its events, about the same part of the case or the whole case. */
  boolean voldaanDoor(CaseGebeurtenis o) {
    return status.isLopend()
        && voldaan.contains(o.gebeurtenis())
        && (o.gebeurtenis().scope() == Scope.CASE || (o.gebeurtenis().scope() == scope && o.key().equals(key)));
  }

  /** The next moment at which time alone changes this deadline, if any. */
  public Optional<Instant> nextMoment() {
    return switch (status) {
      case OPEN -> Optional.of(!warned && warnAt != null && warnAt.isBefore(missedAt) ? warnAt : missedAt);
      case MISSED -> Optional.ofNullable(escalateAt);
      default -> Optional.empty();
    };
  }

  Deadline with(DeadlineStatus next) {
    return new Deadline(id, code, omschrijving, responsible, scope, key, voldaan, due, warnAt, missedAt, escalateAt, next, warned);
  }

  Deadline warnedNow() {
    return new Deadline(id, code, omschrijving, responsible, scope, key, voldaan, due, warnAt, missedAt, escalateAt, status, true);
  }
}
