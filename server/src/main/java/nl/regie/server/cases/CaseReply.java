package nl.regie.server.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.regie.persistence.JsonSerializable;
import nl.regie.protocol.api.CaseView;
import nl.regie.protocol.codes.Retourcode;

/**
 * The answer of a case to a command. A typed refusal instead of {@code StatusReply.error}: the
 * HTTP layer needs to tell a fase conflict from an invalid body, and an exception would not cross
 * the network without Java serialization.
 */
public sealed interface CaseReply extends JsonSerializable {

  record Accepted(CaseView view) implements CaseReply {}

  /** The judgement of one iWmo berichtklasse: its retourcodes ({@code 0200} when accepted). */
  record Beoordeeld(List<Retourcode> retourcodes) implements CaseReply {
    public Beoordeeld {
      retourcodes = List.copyOf(retourcodes);
    }
  }

  /**
   * The judgement of several berichtklassen judged together (a verzoek: WMO315, WMO317): their
   * retourcodes by klassepad ({@code Client/AangevraagdProduct[1]}).
   */
  record KlassenBeoordeeld(Map<String, List<Retourcode>> perKlasse) implements CaseReply {
    public KlassenBeoordeeld {
      perKlasse = Map.copyOf(perKlasse);
    }
  }

  /**
   * The answer to a wake-up: how many alerts it raised, and the time it checked at (its node's
   * clock): a case on a node that has not yet seen the virtual clock's newest move checked too early.
   */
  record Checked(int alertsRaised, Instant checkedAt) implements CaseReply {}

  /** Nothing was persisted; {@code detail} says why for a person, {@code errors} per field. */
  record Rejected(Refusal refusal, String detail, List<String> errors) implements CaseReply {
    public Rejected {
      errors = List.copyOf(errors);
    }
  }

  enum Refusal {
    /** No case has this id. */
    NOT_FOUND,
    /** The command is not allowed in the case's current fase or state. */
    CONFLICT,
    /** The case is visible to whoever asked, but this action is not theirs to take. */
    FORBIDDEN,
    /** The command's content is wrong for this case (unknown product, dates out of order, …). */
    INVALID
  }

  static Rejected notFound(String caseId) {
    return new Rejected(Refusal.NOT_FOUND, "no case with id " + caseId, List.of());
  }

  static Rejected forbidden(String detail) {
    return new Rejected(Refusal.FORBIDDEN, detail, List.of());
  }

  static Rejected conflict(String detail) {
    return new Rejected(Refusal.CONFLICT, detail, List.of());
  }

  static Rejected invalid(List<String> errors) {
    return new Rejected(Refusal.INVALID, String.join("; ", errors), errors);
  }
}
