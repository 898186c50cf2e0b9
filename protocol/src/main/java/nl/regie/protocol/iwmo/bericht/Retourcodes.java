package nl.regie.protocol.iwmo.bericht;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.regie.protocol.codes.Retourcode;

/**
 * Retourcodes per berichtklasse of one bericht, keyed by {@link Klassepad} in document order.
 * Immutable; {@link #met} and {@link #samen} return new instances.
 *
 * <p>Used both ways: the rules and the server collect the codes for a heenbericht (usually only
 * rejections; the retour builders fill in {@code 0200} for the rest), and a parsed retourbericht
 * carries the codes it was given. In JSON it is an object from path to codes: {@code
 * {"Header": ["0200"], "Client/StartProduct[1]": ["9019"]}}.
 */
public record Retourcodes(SortedMap<Klassepad, List<Retourcode>> perKlasse) {

  public static final Retourcodes GEEN = new Retourcodes(new TreeMap<>());

  public Retourcodes {
    TreeMap<Klassepad, List<Retourcode>> kopie = new TreeMap<>();
    perKlasse.forEach(
        (pad, codes) -> {
          if (!codes.isEmpty()) kopie.put(pad, List.copyOf(new LinkedHashSet<>(codes)));
        });
    perKlasse = Collections.unmodifiableSortedMap(kopie);
  }

  @JsonCreator
  public static Retourcodes van(Map<Klassepad, List<Retourcode>> perKlasse) {
    return perKlasse == null ? GEEN : new Retourcodes(new TreeMap<>(perKlasse));
  }

  public static Retourcodes van(Klassepad pad, Retourcode... codes) {
    return GEEN.met(pad, codes);
  }

  @JsonValue
  public SortedMap<Klassepad, List<Retourcode>> perKlasse() {
    return perKlasse;
  }

  /** The codes of the klasse at {@code pad}; empty when it has none. */
  public List<Retourcode> van(Klassepad pad) {
    return perKlasse.getOrDefault(pad, List.of());
  }

  /** These codes plus {@code codes} at {@code pad} (a code already there is not repeated). */
  public Retourcodes met(Klassepad pad, Retourcode... codes) {
    TreeMap<Klassepad, List<Retourcode>> nieuw = new TreeMap<>(perKlasse);
    List<Retourcode> lijst = new ArrayList<>(van(pad));
    Collections.addAll(lijst, codes);
    nieuw.put(pad, lijst);
    return new Retourcodes(nieuw);
  }

  /** The union of these and {@code andere}, codes per klasse in order of first appearance. */
  public Retourcodes samen(Retourcodes andere) {
    Retourcodes uit = this;
    for (Map.Entry<Klassepad, List<Retourcode>> e : andere.perKlasse.entrySet()) {
      uit = uit.met(e.getKey(), e.getValue().toArray(Retourcode[]::new));
    }
    return uit;
  }

  public boolean isLeeg() {
    return perKlasse.isEmpty();
  }

  /** The klassen with at least one rejecting code ({@link Retourcode#isAfkeur()}). */
  public Set<Klassepad> afgekeurd() {
    return perKlasse.entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(Retourcode::isAfkeur))
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Whether any klasse is rejected. */
  public boolean heeftAfkeur() {
    return !afgekeurd().isEmpty();
  }

  /** Whether the klasse {@code pad} itself carries a rejection. */
  public boolean isAfgekeurd(Klassepad pad) {
    return van(pad).stream().anyMatch(Retourcode::isAfkeur);
  }

  /** Whether any klasse at or below {@code pad} is rejected. */
  public boolean heeftAfkeurOnder(Klassepad pad) {
    return afgekeurd().stream().anyMatch(p -> p.ligtOnder(pad));
  }

  /** Whether the whole message is rejected for technical reasons ({@code 0001}, IV032 level 2). */
  public boolean isTechnischAfgekeurd() {
    return perKlasse.values().stream().anyMatch(l -> l.contains(Retourcode.R0001));
  }
}
