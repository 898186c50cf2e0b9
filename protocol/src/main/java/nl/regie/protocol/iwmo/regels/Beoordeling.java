package nl.regie.protocol.iwmo.regels;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Berichtsoort;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Retourcodes;

/**
 * The verdict of the stateless rules on one heenbericht: every rule it breaks, and the retourcodes
 * that follow for its retourbericht.
 *
 * @param soort the bericht's soort; null when the document was not recognisable as iWmo at all
 */
public record Beoordeling(Berichtsoort soort, List<Bevinding> bevindingen) {

  public Beoordeling {
    bevindingen = List.copyOf(bevindingen);
  }

  /** Whether no rule is broken; every berichtklasse then gets 0200 (or nothing, IV028). */
  @JsonIgnore
  public boolean isGoedgekeurd() {
    return bevindingen.isEmpty();
  }

  /** Whether the message is rejected as a whole at controleniveau 1 or 2 (retourcode 0001). */
  @JsonIgnore
  public boolean isTechnischAfgekeurd() {
    return bevindingen.stream().anyMatch(b -> b.niveau().isTechnisch());
  }

  /**
   * The rejections to put in the retourbericht: {@code Header: [0001]} when the message is
   * technically rejected (IV032: then only the header goes back), else each berichtklasse with the
   * codes of the rules it breaks. Klassen without codes are accepted; the retour builders give them
   * 0200. Merge the server's own (stateful) findings with {@link Retourcodes#samen}.
   */
  public Retourcodes retourcodes() {
    if (isTechnischAfgekeurd()) return Retourcodes.van(Klassepad.HEADER, Retourcode.R0001);
    Retourcodes codes = Retourcodes.GEEN;
    for (Bevinding b : bevindingen) codes = codes.met(b.pad(), b.retourcode());
    return codes;
  }

  /** The rules broken, e.g. {@code [CS002, TR134]}. */
  public Set<String> regels() {
    return bevindingen.stream().map(Bevinding::regel).collect(Collectors.toCollection(TreeSet::new));
  }
}
