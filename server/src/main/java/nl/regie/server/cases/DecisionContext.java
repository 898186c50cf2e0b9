package nl.regie.server.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import nl.regie.protocol.aanbieder.Aanbiedersregister;
import nl.regie.protocol.regeling.Regeling;
import nl.regie.protocol.regeling.Regelingen;

/**
 * What a decider may consult besides the case and the command: the moment of the decision (from
 * the injected clock), the zone that turns it into a day, the rulebooks, and the register of
 * aanbieders and their onderaannemers.
 */
record DecisionContext(Instant now, ZoneId zone, Regelingen regelingen, Aanbiedersregister aanbieders) {

  LocalDate today() {
    return LocalDate.ofInstant(now, zone);
  }

  /** The moment {@code einddatum} has passed: the start of the next day. Null for an open end. */
  Instant afloopOp(LocalDate einddatum) {
    return einddatum == null ? null : einddatum.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** The rulebook of {@code state}'s case; empty before its melding. */
  Optional<Regeling> regeling(CaseState state) {
    return state.isNew() ? Optional.empty() : regelingen.find(state.melding().regeling());
  }
}
