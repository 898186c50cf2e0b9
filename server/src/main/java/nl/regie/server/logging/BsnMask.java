package nl.regie.server.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.regie.protocol.codes.Bsn;

/**
 * The last guard against a BSN in a log line: every nine-digit number that passes the elfproef
 * becomes {@code *****3653}. Regie's own code never logs a BSN; this catches what a library might
 * echo (a parse error quoting its input, a failed event's toString). A toewijzingnummer that
 * happens to pass the elfproef is masked too: a small loss for a log reader, none for a cliënt.
 */
public final class BsnMask {

  private static final Pattern NINE_DIGITS = Pattern.compile("(?<![0-9])[0-9]{9}(?![0-9])");

  private BsnMask() {}

  public static String mask(String text) {
    if (text == null || text.length() < 9) return text;
    Matcher m = NINE_DIGITS.matcher(text);
    if (!m.find()) return text;
    StringBuilder out = new StringBuilder(text.length());
    do {
      String digits = m.group();
      m.appendReplacement(out, Bsn.isValid(digits) ? "*****" + digits.substring(5) : digits);
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }
}
