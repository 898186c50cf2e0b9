package nl.regie.protocol.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.regie.protocol.cases.AlertLevel;

/**
 * A warning, miss or escalation of one deadline of one case. {@code responsible} names the party,
 * e.g. {@code aanbieder:12345678} or {@code backoffice:0983}; {@code at} is when it was raised.
 */
public record AlertView(
    long id,
    String caseId,
    String gemeente,
    String code,
    String omschrijving,
    AlertLevel level,
    LocalDate due,
    String responsible,
    Instant at) {}
