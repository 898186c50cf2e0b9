package nl.regie.protocol.regeling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.regie.protocol.kalender.Termijn;
import nl.regie.protocol.regeling.RegelingFile.TermijnEntry;
import nl.regie.protocol.cases.Kanaal;
import nl.regie.protocol.cases.Partij;

/**
 * Turns the {@code termijnen} of a rulebook file into {@link DeadlineRule}s. Every problem of every
 * rule goes to the file's {@link Problems} as {@code termijn <code>: field <x>: <reason>} (or
 * {@code termijn #<n>} when the code is missing), so that an editor sees them all at once.
 *
 * <p>What it guarantees of the rules it returns, so that the server need not check again:
 *
 * <ul>
 *   <li>codes are unique in the file and look like {@code D8} ({@code [A-Z][A-Za-z0-9_-]*});
 *   <li>the start is an event that can start a deadline (not {@link Gebeurtenis#isEinde() one that
 *       ends the case});
 *   <li>every {@code voldaan} event is of the start's {@link Scope} or case-wide, is not the start
 *       itself and does not end the case (those void a deadline, they do not meet it);
 *   <li>only {@link Gebeurtenis#TOEWIJZING_EINDE} has a negative termijn (a date known in advance);
 *   <li>a waarschuwing is negative and an escalatie positive (both relative to the due date);
 *   <li>{@code producten} only on a toewijzing-scope rule and only products of this regeling;
 *       {@code kanalen} only on a rule started by {@link Gebeurtenis#MELDING}.
 * </ul>
 */
final class DeadlineRuleReader {

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Za-z0-9_-]*");

  private final Set<String> productCodes;
  private final Problems problems;
  private final Set<String> codes = new HashSet<>();

  private DeadlineRuleReader(Set<String> productCodes, Problems problems) {
    this.productCodes = productCodes;
    this.problems = problems;
  }

  /**
   * The valid rules among {@code entries}, in file order. A rule with a problem is reported and left
   * out; the caller must throw when {@code problems} has anything, so a partial list is never used.
   *
   * @param productCodes the product codes of this regeling, for {@code producten}
   */
  static List<DeadlineRule> read(List<TermijnEntry> entries, Set<String> productCodes, Problems problems) {
    DeadlineRuleReader reader = new DeadlineRuleReader(productCodes, problems);
    List<DeadlineRule> regels = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      reader.read(i + 1, entries.get(i)).ifPresent(regels::add);
    }
    return regels;
  }

  private Optional<DeadlineRule> read(int nummer, TermijnEntry entry) {
    if (entry == null) {
      problems.add("termijn #" + nummer + ": empty entry");
      return Optional.empty();
    }
    Rule rule = new Rule(blank(entry.code()) ? "termijn #" + nummer : "termijn " + entry.code());
    code(rule, entry.code());
    if (blank(entry.omschrijving())) rule.problem("omschrijving", "missing");
    Optional<Gebeurtenis> start = start(rule, entry.start());
    Set<Gebeurtenis> voldaan = voldaan(rule, start, entry.voldaan());
    Optional<Termijn> termijn = termijn(rule, start, entry.termijn());
    Optional<Termijn> waarschuwing =
        relativeToDueDate(rule, "waarschuwing", entry.waarschuwing(), -1, "must be negative: a time before the due date, e.g. -1wd");
    Optional<Termijn> escalatie =
        relativeToDueDate(rule, "escalatie", entry.escalatie(), 1, "must be positive: a time after the due date, e.g. 2wd");
    Optional<Partij> verantwoordelijke = verantwoordelijke(rule, entry.verantwoordelijke());
    Set<Kanaal> kanalen = kanalen(rule, start, entry.kanalen());
    Set<String> producten = producten(rule, start, entry.producten());
    if (blank(entry.bron())) rule.problem("bron", "missing: say where the rule comes from (seed and line, iWmo rule, law)");
    if (rule.hasProblems()) return Optional.empty();
    return Optional.of(
        new DeadlineRule(
            entry.code(),
            entry.omschrijving(),
            start.orElseThrow(),
            voldaan,
            termijn.orElseThrow(),
            verantwoordelijke.orElseThrow(),
            waarschuwing,
            escalatie,
            kanalen,
            producten,
            entry.bron()));
  }

  private void code(Rule rule, String code) {
    if (blank(code)) {
      rule.problem("code", "missing");
    } else if (!CODE.matcher(code).matches()) {
      rule.problem("code", "must start with a capital letter, followed by letters, digits, _ or - (e.g. D8, D20a)");
    } else if (!codes.add(code)) {
      rule.problem("code", "listed twice");
    }
  }

  private static Optional<Gebeurtenis> start(Rule rule, String name) {
    if (blank(name)) {
      rule.problem("start", "missing");
      return Optional.empty();
    }
    Optional<Gebeurtenis> start = gebeurtenis(rule, "start", name);
    if (start.isPresent() && start.get().isEinde()) {
      rule.problem("start", name + " ends the case, so it cannot start a deadline");
      return Optional.empty();
    }
    return start;
  }

  private static Set<Gebeurtenis> voldaan(Rule rule, Optional<Gebeurtenis> start, List<String> names) {
    if (names == null || names.isEmpty()) {
      rule.problem("voldaan", "missing or empty: name the events that meet the deadline");
      return Set.of();
    }
    return eachOf(rule, "voldaan", names, name -> gebeurtenis(rule, "voldaan", name).filter(event -> canMeet(rule, start, event)));
  }

  private static boolean canMeet(Rule rule, Optional<Gebeurtenis> start, Gebeurtenis event) {
    if (event.isEinde()) {
      rule.problem("voldaan", event + " ends the case and voids every open deadline, it cannot meet one");
      return false;
    }
    if (start.isEmpty()) return true; // already reported; the scope cannot be checked
    if (event == start.get()) {
      rule.problem("voldaan", "contains the start event " + event + " itself");
      return false;
    }
    Scope scope = start.get().scope();
    if (event.scope() != scope && event.scope() != Scope.CASE) {
      rule.problem(
          "voldaan",
          event + " is about " + about(event.scope()) + ", but this deadline (start " + start.get() + ") is about "
              + about(scope) + ", so it can only be met by events about " + about(scope) + " or about the whole case");
      return false;
    }
    return true;
  }

  private static Optional<Termijn> termijn(Rule rule, Optional<Gebeurtenis> start, String text) {
    if (blank(text)) {
      rule.problem("termijn", "missing");
      return Optional.empty();
    }
    Optional<Termijn> termijn = parse(rule, "termijn", text);
    // Only an einddatum is known in advance, so only there can a deadline lie before its start.
    if (termijn.isPresent() && termijn.get().isNegatief() && start.isPresent() && start.get() != Gebeurtenis.TOEWIJZING_EINDE) {
      rule.problem("termijn", text + " is negative, which only a deadline started by " + Gebeurtenis.TOEWIJZING_EINDE
          + " can be (a time before a date known in advance)");
      return Optional.empty();
    }
    return termijn;
  }

  /** An optional waarschuwing or escalatie, whose sign must be {@code sign}. */
  private static Optional<Termijn> relativeToDueDate(Rule rule, String field, String text, int sign, String reason) {
    if (text == null) return Optional.empty();
    Optional<Termijn> termijn = parse(rule, field, text);
    if (termijn.isPresent() && Integer.signum(termijn.get().aantal()) != sign) {
      rule.problem(field, text + " " + reason);
      return Optional.empty();
    }
    return termijn;
  }

  private static Optional<Termijn> parse(Rule rule, String field, String text) {
    try {
      return Optional.of(Termijn.parse(text));
    } catch (IllegalArgumentException e) {
      rule.problem(field, e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<Partij> verantwoordelijke(Rule rule, String name) {
    if (blank(name)) {
      rule.problem("verantwoordelijke", "missing");
      return Optional.empty();
    }
    Optional<Partij> partij = Arrays.stream(Partij.values()).filter(p -> p.json().equals(name)).findFirst();
    if (partij.isEmpty()) {
      rule.problem("verantwoordelijke", "'" + name + "' is not one of "
          + Arrays.stream(Partij.values()).map(Partij::json).collect(Collectors.joining(", ")));
    }
    return partij;
  }

  private static Set<Kanaal> kanalen(Rule rule, Optional<Gebeurtenis> start, List<String> names) {
    if (names == null) return Set.of();
    if (start.isPresent() && start.get() != Gebeurtenis.MELDING) {
      rule.problem("kanalen", "only a deadline started by " + Gebeurtenis.MELDING + " can be limited to kanalen");
    }
    return eachOf(rule, "kanalen", names, name -> {
      try {
        return Optional.of(Kanaal.of(name));
      } catch (IllegalArgumentException e) {
        rule.problem("kanalen", "'" + name + "': " + e.getMessage());
        return Optional.empty();
      }
    });
  }

  private Set<String> producten(Rule rule, Optional<Gebeurtenis> start, List<String> codes) {
    if (codes == null) return Set.of();
    if (start.isPresent() && start.get().scope() != Scope.TOEWIJZING) {
      rule.problem("producten", "only a deadline about one toewijzing (start " + startsOf(Scope.TOEWIJZING)
          + ") can be limited to producten");
    }
    return eachOf(rule, "producten", codes, code -> {
      if (productCodes.contains(code)) return Optional.of(code);
      rule.problem("producten", "no product '" + code + "' in this regeling");
      return Optional.empty();
    });
  }

  private static Optional<Gebeurtenis> gebeurtenis(Rule rule, String field, String name) {
    Optional<Gebeurtenis> event = Arrays.stream(Gebeurtenis.values()).filter(g -> g.name().equals(name)).findFirst();
    if (event.isEmpty()) {
      rule.problem(field, "'" + name + "' is not an event (one of "
          + Arrays.stream(Gebeurtenis.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }
    return event;
  }

  /** Reads each value of a list field with {@code one}, reporting empty entries and repeats here. */
  private static <T> Set<T> eachOf(Rule rule, String field, List<String> values, Function<String, Optional<T>> one) {
    Set<T> read = new LinkedHashSet<>();
    Set<String> seen = new HashSet<>();
    for (String value : values) {
      if (blank(value)) {
        rule.problem(field, "empty entry");
      } else if (!seen.add(value)) {
        rule.problem(field, "'" + value + "' listed twice");
      } else {
        one.apply(value).ifPresent(read::add);
      }
    }
    return read;
  }

  private static String about(Scope scope) {
    return switch (scope) {
      case CASE -> "the whole case";
      case AANBIEDER -> "one aanbieder";
      case TOEWIJZING -> "one toewijzing";
    };
  }

  private static String startsOf(Scope scope) {
    return Arrays.stream(Gebeurtenis.values())
        .filter(g -> g.scope() == scope)
        .map(Enum::name)
        .collect(Collectors.joining(", "));
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /** The problems of one rule, each prefixed with which rule it is. */
  private final class Rule {
    private final String where;
    private boolean failed;

    Rule(String where) {
      this.where = where;
    }

    void problem(String field, String reason) {
      problems.add(where + ": field " + field + ": " + reason);
      failed = true;
    }

    boolean hasProblems() {
      return failed;
    }
  }
}
