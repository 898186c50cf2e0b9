package nl.regie.server.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The query string of a listing ({@code ?gemeente=&after=&limit=}): each parameter read once, each
 * bad one a line of the 400's problem list, and a parameter nobody asked for a problem too (a typo
 * must not silently widen a listing).
 */
public final class QueryParameters {

  private final Map<String, String> params;
  private final List<String> errors = new ArrayList<>();

  public QueryParameters(Map<String, String> params, Set<String> known) {
    this.params = params;
    params.keySet().stream().filter(name -> !known.contains(name)).sorted().forEach(name -> errors.add(name + ": unknown parameter"));
  }

  /** The text of {@code name}, or null; when given it must pass {@code valid}, else {@code expected} is the problem. */
  public String text(String name, Predicate<String> valid, String expected) {
    String value = params.get(name);
    if (value != null && !valid.test(value)) errors.add(name + ": " + expected);
    return value;
  }

  public String text(String name) {
    return params.get(name);
  }

  /** A CBS gemeentecode, or null. */
  public String gemeente(String name) {
    return text(name, v -> v.matches("[0-9]{4}"), "a CBS gemeentecode (four digits)");
  }

  public long number(String name, long fallback) {
    String value = params.get(name);
    if (value == null) return fallback;
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      errors.add(name + ": a whole number");
      return fallback;
    }
  }

  /** A page size, 100 unless asked, between 1 and {@code max}. */
  public int limit(int max) {
    long limit = number("limit", 100);
    if (limit < 1 || limit > max) errors.add("limit: between 1 and " + max);
    return (int) Math.max(1, Math.min(limit, max));
  }

  /** An ISO-8601 instant ({@code 2026-12-03T10:15:30Z}), or null. */
  public Instant instant(String name) {
    String value = params.get(name);
    if (value == null) return null;
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(name + ": an ISO-8601 instant such as 2026-12-03T10:15:30Z");
      return null;
    }
  }

  public List<String> errors() {
    return errors;
  }

  public boolean valid() {
    return errors.isEmpty();
  }
}
