package nl.regie.protocol.regeling;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of one rulebook file, so that one run shows them all. Each message says
 * where (a product, a segment, a termijn) and which field; {@link #throwIfAny} puts the file name in
 * front.
 */
final class Problems {
  private final String fileName;
  private final List<String> messages = new ArrayList<>();

  Problems(String fileName) {
    this.fileName = fileName;
  }

  void add(String message) {
    messages.add(message);
  }

  void require(boolean condition, String message) {
    if (!condition) add(message);
  }

  /** How many problems were reported so far, to tell whether a step added any. */
  int count() {
    return messages.size();
  }

  /** @throws RegelingException {@code <file>: <problem>; <problem>…} if anything was reported */
  void throwIfAny() {
    if (!messages.isEmpty()) {
      throw new RegelingException(fileName + ": " + String.join("; ", messages));
    }
  }
}
