package nl.regie.protocol.regeling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which segments may be assigned together ("Stapelen", seed 002). Each segment's description says
 * which others it stacks with ({@code wel}) and which not ({@code niet}); the seeds do not always
 * agree with themselves (002: 1A2 says it stacks with logeren, logeren says it does not). Two
 * segments stack when they are the same, or when at least one side allows it and neither side
 * forbids it: a conflict in the source is read as a "no", since a wrong refusal is put right by a
 * consulent and a wrong toewijzing is paid for.
 */
public record Stapelregels(Map<String, Set<String>> wel, Map<String, Set<String>> niet) {

  public Stapelregels {
    wel = Map.copyOf(wel);
    niet = Map.copyOf(niet);
  }

  public boolean stapelbaar(String a, String b) {
    if (a.equals(b)) return true;
    boolean allowed = lists(wel, a, b) || lists(wel, b, a);
    boolean forbidden = lists(niet, a, b) || lists(niet, b, a);
    return allowed && !forbidden;
  }

  private static boolean lists(Map<String, Set<String>> rules, String segment, String other) {
    return rules.getOrDefault(segment, Set.of()).contains(other);
  }

  /** The first forbidden pair among {@code products}, described for a person, if there is one. */
  public Optional<String> conflict(Collection<Product> products) {
    List<Product> list = new ArrayList<>(products);
    for (int i = 0; i < list.size(); i++) {
      for (int j = i + 1; j < list.size(); j++) {
        Product a = list.get(i);
        Product b = list.get(j);
        if (!stapelbaar(a.segment(), b.segment())) {
          return Optional.of(
              String.format(
                  "%s (%s, segment %s) may not be combined with %s (%s, segment %s)",
                  a.code(), a.naam(), a.segment(), b.code(), b.naam(), b.segment()));
        }
      }
    }
    return Optional.empty();
  }
}
