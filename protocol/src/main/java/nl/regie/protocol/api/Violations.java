package nl.regie.protocol.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Collects what is wrong with a request body, each as {@code field: reason}, so that one answer
 * names every problem at once.
 */
public final class Violations {

  private final List<String> problems = new ArrayList<>();

  public Violations required(Object value, String field) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      problems.add(field + ": required");
    }
    return this;
  }

  /** Adds {@code field: reason} when {@code value} is present and fails {@code test}. */
  public <T> Violations check(T value, Predicate<T> test, String field, String reason) {
    if (value != null && !test.test(value)) problems.add(field + ": " + reason);
    return this;
  }

  public Violations notAfter(LocalDate earlier, LocalDate later, String earlierField, String laterField) {
    if (earlier != null && later != null && earlier.isAfter(later)) {
      problems.add(earlierField + ": must not be after " + laterField);
    }
    return this;
  }

  public Violations maxLength(String value, int max, String field) {
    return check(value, v -> v.length() <= max, field, "at most " + max + " characters");
  }

  public Violations add(String problem) {
    problems.add(problem);
    return this;
  }

  public Violations addAll(List<String> more) {
    problems.addAll(more);
    return this;
  }

  public List<String> list() {
    return List.copyOf(problems);
  }
}
