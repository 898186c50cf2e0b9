package nl.regie.server.cases;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import nl.regie.persistence.Werkvoorraad;

/**
 * The work queue's {@code next}/{@code after}: where a page ended, as an opaque token, so that
 * clients keep it and hand it back instead of building one (the order's key may change). The token
 * is the base64url of {@code <due>/<caseId>}, with {@code -} for a case without a running deadline.
 */
final class WerkvoorraadCursor {

  private static final String NO_DUE = "-";

  private WerkvoorraadCursor() {}

  static String encode(Werkvoorraad.After after) {
    String due = after.due() == null ? NO_DUE : after.due().toString();
    return Base64.getUrlEncoder().withoutPadding().encodeToString((due + "/" + after.caseId()).getBytes(StandardCharsets.UTF_8));
  }

  /** The position {@code token} names, or empty when it is not one {@link #encode} wrote. */
  static Optional<Werkvoorraad.After> decode(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int slash = text.indexOf('/');
      if (slash < 0 || slash == text.length() - 1) return Optional.empty();
      String due = text.substring(0, slash);
      return Optional.of(new Werkvoorraad.After(due.equals(NO_DUE) ? null : LocalDate.parse(due), text.substring(slash + 1)));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
