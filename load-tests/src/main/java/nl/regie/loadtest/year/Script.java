package nl.regie.loadtest.year;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import nl.regie.loadtest.Bsns;
import nl.regie.protocol.kalender.Werkdagen;
import nl.regie.protocol.regeling.DeadlineRule;
import nl.regie.protocol.regeling.Regeling;

/**
 * A profile made concrete, the same for the same seed: every case with its werkdagen, and the
 * alerts the rulebook makes due on the way: D3 and D7 of the toegang (which the profiles' step
 * times keep clear of, except where holidays shorten a term), D8 and D9 of the aanbieder (warned
 * and missed for one that answers late, warned, missed and escalated for the WMO302 of one that
 * never answers). Due dates, warnings, misses and escalations are computed as the server plans
 * them, by the regeling's calendar; which of them are raised, as the clock stops (see {@link
 * #expect}).
 */
public final class Script {

  /** Deadlines fall due by the Dutch calendar day (README, "Deadlines and alerts"). */
  public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private final Profile profile;
  private final List<ScriptedCase> cases = new ArrayList<>();
  private final List<ExpectedAlert> alerts = new ArrayList<>();
  private final TreeMap<LocalDate, List<Work>> days = new TreeMap<>();

  /** One step of one case. */
  public record Work(ScriptedCase c, Step step) {}

  public Script(Profile profile) {
    this.profile = profile;
    Regeling regeling = profile.rulebook();
    Werkdagen kalender = regeling.kalender();
    Random random = new Random(profile.seed());
    int werkdagenInJaar = kalender.werkdagenTussen(profile.start().minusDays(1), profile.start().plusYears(1).minusDays(1));
    int dagen = profile.dagen() > 0 ? Math.min(profile.dagen(), werkdagenInJaar) : werkdagenInJaar;
    int count = (int) Math.max(1, Math.round((double) profile.meldingenPerJaar() * dagen / werkdagenInJaar));
    List<Profile.GemeenteAandeel> gemeenten = profile.gemeentenMetAandeel();
    List<Profile.AanbiederProfiel> aanbieders = profile.alleAanbieders();
    Profile.Stappen s = profile.stappen();
    DeadlineRule d3 = regeling.deadlineRule("D3").orElseThrow();
    DeadlineRule d7 = regeling.deadlineRule("D7").orElseThrow();
    DeadlineRule d8 = regeling.deadlineRule("D8").orElseThrow();
    DeadlineRule d9 = regeling.deadlineRule("D9").orElseThrow();
    Set<String> bsns = new HashSet<>();
    for (int i = 0; i < count; i++) {
      LocalDate melding = kalender.plusWerkdagen(profile.start(), (int) ((long) i * dagen / count));
      String gemeente = pick(gemeenten, random).code();
      Profile.Mix mix = pickMix(profile.mix(), random);
      List<Profile.AanbiederProfiel> fitting = aanbieders.stream().filter(a -> a.producten().containsAll(mix.producten())).toList();
      Profile.AanbiederProfiel aanbieder = fitting.get(random.nextInt(fitting.size()));
      String bsn;
      do {
        bsn = Bsns.next(random);
      } while (!bsns.add(bsn));
      LocalDate screening = kalender.plusWerkdagen(melding, draw(s.screeningAfronden(), random));
      LocalDate onderzoek = kalender.plusWerkdagen(screening, draw(s.onderzoekAfronden(), random));
      LocalDate aanvraag = kalender.plusWerkdagen(onderzoek, draw(s.aanvraagOntvangen(), random));
      LocalDate toewijzen = kalender.plusWerkdagen(aanvraag, draw(s.toewijzen(), random));
      LocalDate ingang = kalender.plusWerkdagen(toewijzen, draw(s.ingang(), random));
      ScriptedCase c = new ScriptedCase(i, bsn, gemeente, aanbieder, mix.producten(), ingang, ingang.plusYears(1).minusDays(1));
      c.days.put(Step.MELDING, melding);
      c.days.put(Step.SCREENING_AFRONDEN, screening);
      c.days.put(Step.ONDERZOEK_AFRONDEN, onderzoek);
      c.days.put(Step.AANVRAAG_ONTVANGEN, aanvraag);
      c.days.put(Step.TOEWIJZEN, toewijzen);
      c.days.put(Step.LEES_301, kalender.plusWerkdagen(toewijzen, 1));
      // D8 runs from the WMO301 (sent with the beschikking), D9 from each toewijzing's ingangsdatum.
      LocalDate d8Due = d8.termijn().einde(toewijzen, kalender);
      LocalDate d9Due = d9.termijn().einde(ingang, kalender);
      LocalDate start = switch (aanbieder.gedrag()) {
        case optijd, nooit -> kalender.plusWerkdagen(ingang, 1);
        case laat -> kalender.plusWerkdagen(d9Due, 1);
      };
      if (aanbieder.gedrag() == Profile.Gedrag.laat) c.days.put(Step.WMO302, kalender.plusWerkdagen(d8Due, 1));
      LocalDate d8Met = switch (aanbieder.gedrag()) {
        case optijd -> c.day(Step.LEES_301);
        case laat -> c.day(Step.WMO302);
        case nooit -> null;
      };
      expect(c, d3, melding, onderzoek, kalender);
      expect(c, d7, aanvraag, toewijzen, kalender);
      expect(c, d8, toewijzen, d8Met, kalender);
      for (int p = 0; p < c.producten.size(); p++) expect(c, d9, ingang, start, kalender);
      c.days.put(Step.WMO305, start);
      c.days.put(Step.WMO307, kalender.plusWerkdagen(start, draw(s.zorgduur(), random)));
      cases.add(c);
      for (Map.Entry<Step, LocalDate> e : c.days.entrySet()) days.computeIfAbsent(e.getValue(), d -> new ArrayList<>()).add(new Work(c, e.getKey()));
    }
  }

  /**
   * The alerts of {@code rule}'s deadline, started on {@code from} and met by a step on {@code
   * met} (null: never), as the server raises them when the clock stops at 10:00 on every werkdag
   * and each step runs after the alerts of its stop: a warning when a stop falls after the warning
   * moment, before the miss and not after the step; a miss and an escalation when their moment is
   * not after the step.
   */
  private void expect(ScriptedCase c, DeadlineRule rule, LocalDate from, LocalDate met, Werkdagen kalender) {
    LocalDate due = rule.termijn().einde(from, kalender);
    Instant metAt = met == null ? Instant.MAX : stop(met);
    Instant missedAt = startOf(due.plusDays(1));
    rule.waarschuwing().ifPresent(w -> {
      LocalDate warnDay = w.einde(due, kalender);
      Instant firstStop = stop(kalender.volgendeWerkdag(warnDay));
      if (firstStop.isBefore(missedAt) && !firstStop.isAfter(metAt)) {
        alerts.add(new ExpectedAlert(c.index, rule.code(), "WARNING", startOf(warnDay)));
      }
    });
    if (!missedAt.isAfter(metAt)) alerts.add(new ExpectedAlert(c.index, rule.code(), "MISSED", missedAt));
    rule.escalatie().map(e -> startOf(e.einde(due, kalender).plusDays(1))).filter(at -> !at.isAfter(metAt))
        .ifPresent(at -> alerts.add(new ExpectedAlert(c.index, rule.code(), "ESCALATED", at)));
  }

  /** Where the clock stops on a werkdag (see {@link Timeline}). */
  static Instant stop(LocalDate werkdag) {
    return werkdag.atTime(Timeline.WORKING_HOUR).atZone(ZONE).toInstant();
  }

  static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZONE).toInstant();
  }

  private static int draw(Profile.Spreiding s, Random random) {
    return s.min() + random.nextInt(s.max() - s.min() + 1);
  }

  private static Profile.GemeenteAandeel pick(List<Profile.GemeenteAandeel> gemeenten, Random random) {
    int total = gemeenten.stream().mapToInt(Profile.GemeenteAandeel::aandeel).sum();
    int r = random.nextInt(total);
    for (Profile.GemeenteAandeel g : gemeenten) {
      r -= g.aandeel();
      if (r < 0) return g;
    }
    throw new IllegalStateException();
  }

  private static Profile.Mix pickMix(List<Profile.Mix> mix, Random random) {
    int total = mix.stream().mapToInt(Profile.Mix::aandeel).sum();
    int r = random.nextInt(total);
    for (Profile.Mix m : mix) {
      r -= m.aandeel();
      if (r < 0) return m;
    }
    throw new IllegalStateException();
  }

  public Profile profile() {
    return profile;
  }

  public List<ScriptedCase> cases() {
    return cases;
  }

  public List<ExpectedAlert> alerts() {
    return alerts;
  }

  /** The werkdagen with work, in order, with each day's steps. */
  public TreeMap<LocalDate, List<Work>> days() {
    return days;
  }

  /** The last moment the script needs the clock at: after its last step and its last expected alert. */
  public Instant end() {
    Instant lastStep = days.lastKey().plusDays(1).atStartOfDay(ZONE).toInstant();
    return alerts.stream().map(ExpectedAlert::moment).filter(m -> m.isAfter(lastStep)).max(Instant::compareTo).orElse(lastStep);
  }
}
