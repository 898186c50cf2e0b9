package nl.regie.protocol.api;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Body of {@code POST /admin/v1/clock} under the virtual clock: move it on by {@code advance} (an
 * ISO-8601 duration or period such as {@code PT2H}, {@code P3D}, {@code P1M}) or to {@code set}.
 */
public record ClockChangeBody(String advance, OffsetDateTime set) implements Validatable {

  @Override
  public List<String> problems() {
    if ((advance == null) == (set == null)) return List.of("give either advance or set");
    return List.of();
  }
}
