package nl.regie.protocol.iwmo.bericht;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a berichtklasse sits in a bericht: the klassen from the root down, each with its index
 * (from 0) among its siblings of that klasse. Written as {@code Client/StartProduct[1]} (the
 * second StartProduct); an index 0 of a klasse that occurs once is left out ({@code Header},
 * {@code Client}, but {@code Declaratie/Client[0]/Prestatie[2]} in a declaratie).
 *
 * <p>Paths are how rules, the server and the retour builders agree on which part of a heenbericht
 * a retourcode belongs to. Each message record offers the paths of its klassen.
 */
public record Klassepad(List<Stap> stappen) implements Comparable<Klassepad> {

  /** One step down: a klasse and its index among siblings of that klasse. */
  public record Stap(Berichtklasse klasse, int index) {
    public Stap {
      if (index < 0) throw new IllegalArgumentException("index < 0");
    }

    @Override
    public String toString() {
      return toString(false);
    }

    String toString(boolean herhaalbaar) {
      return index == 0 && !herhaalbaar ? klasse.element() : klasse.element() + "[" + index + "]";
    }
  }

  public static final Klassepad HEADER = van(Berichtklasse.HEADER);
  public static final Klassepad CLIENT = van(Berichtklasse.CLIENT);
  public static final Klassepad ANTWOORD = van(Berichtklasse.ANTWOORD);
  public static final Klassepad DECLARATIE = van(Berichtklasse.DECLARATIE);

  private static final Pattern STAP = Pattern.compile("(\\w+)(?:\\[(\\d+)])?");

  public Klassepad {
    stappen = List.copyOf(stappen);
    if (stappen.isEmpty()) throw new IllegalArgumentException("a klassepad has at least one step");
  }

  public static Klassepad van(Berichtklasse klasse) {
    return new Klassepad(List.of(new Stap(klasse, 0)));
  }

  public static Klassepad van(Berichtklasse klasse, int index) {
    return new Klassepad(List.of(new Stap(klasse, index)));
  }

  /** The path of the {@code index}-th child klasse {@code klasse} under this one. */
  public Klassepad kind(Berichtklasse klasse, int index) {
    List<Stap> langer = new ArrayList<>(stappen);
    langer.add(new Stap(klasse, index));
    return new Klassepad(langer);
  }

  public Klassepad kind(Berichtklasse klasse) {
    return kind(klasse, 0);
  }

  /** The klasse this path ends in. */
  public Berichtklasse klasse() {
    return laatste().klasse();
  }

  public int index() {
    return laatste().index();
  }

  public Optional<Klassepad> ouder() {
    return stappen.size() == 1
        ? Optional.empty()
        : Optional.of(new Klassepad(stappen.subList(0, stappen.size() - 1)));
  }

  /** Whether this path is {@code ander} or lies below it. */
  public boolean ligtOnder(Klassepad ander) {
    return stappen.size() >= ander.stappen.size()
        && stappen.subList(0, ander.stappen.size()).equals(ander.stappen);
  }

  private Stap laatste() {
    return stappen.get(stappen.size() - 1);
  }

  @JsonValue
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    Stap vorige = null;
    for (Stap s : stappen) {
      if (vorige != null) sb.append('/');
      // The Clients of a declaratie repeat, unlike the one Client of every other bericht.
      boolean herhaalbaar =
          s.klasse().herhaalbaar()
              || (s.klasse() == Berichtklasse.CLIENT && vorige != null && vorige.klasse() == Berichtklasse.DECLARATIE);
      sb.append(s.toString(herhaalbaar));
      vorige = s;
    }
    return sb.toString();
  }

  /** Reads the form {@link #toString()} writes; {@code Naam} means {@code Naam[0]}. */
  @JsonCreator
  public static Klassepad valueOf(String tekst) {
    List<Stap> stappen = new ArrayList<>();
    for (String deel : tekst.split("/", -1)) {
      Matcher m = STAP.matcher(deel);
      if (!m.matches()) throw new IllegalArgumentException("not a klassepad: '" + tekst + "'");
      int index = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      stappen.add(new Stap(Berichtklasse.vanElement(m.group(1)), index));
    }
    return new Klassepad(stappen);
  }

  /** Document order: parents before children, siblings by klasse and index. */
  @Override
  public int compareTo(Klassepad ander) {
    int n = Math.min(stappen.size(), ander.stappen.size());
    for (int i = 0; i < n; i++) {
      Stap a = stappen.get(i);
      Stap b = ander.stappen.get(i);
      int c = a.klasse().compareTo(b.klasse());
      if (c == 0) c = Integer.compare(a.index(), b.index());
      if (c != 0) return c;
    }
    return Integer.compare(stappen.size(), ander.stappen.size());
  }
}
