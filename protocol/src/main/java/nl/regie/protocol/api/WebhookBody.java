package nl.regie.protocol.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Body of {@code POST /admin/v1/webhooks}: POST every alert of {@code gemeente} (of {@code level}
 * only, when given: {@code WARNING}, {@code MISSED} or {@code ESCALATED}) to {@code url}.
 */
public record WebhookBody(String gemeente, String level, String url) implements Validatable {

  private static final Set<String> LEVELS = Set.of("WARNING", "MISSED", "ESCALATED");

  @Override
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (gemeente == null || !gemeente.matches("[0-9]{4}")) problems.add("gemeente: a CBS gemeentecode (four digits)");
    if (level != null && !LEVELS.contains(level)) problems.add("level: one of WARNING, MISSED, ESCALATED, or absent for every level");
    if (!isHttpUrl(url)) problems.add("url: an absolute http or https URL");
    return problems;
  }

  private static boolean isHttpUrl(String url) {
    if (url == null || url.length() > 2000) return false;
    try {
      URI uri = new URI(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
