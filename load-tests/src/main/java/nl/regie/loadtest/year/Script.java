package nl.regie.loadtest.year;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import nl.regie.loadtest.Bsns;
import nl.regie.protocol.kalender.Werkdagen;
import nl.regie.protocol.regeling.DeadlineRule;
import nl.regie.protocol.regeling.Product;
import nl.regie.protocol.regeling.Regeling;

/**
 * A profile made concrete, the same for the same seed: every case with its werkdagen, and the
 * alerts the rulebook makes due on the way: D3 and D7 of the toegang (which the profiles' step
 * times keep clear of, except where holidays shorten a term), D8 and D9 of the aanbieder (warned
 * and missed for one that answers late, warned, missed and escalated for the WMO302 of one that
 * never answers), D14a and D14 of the backoffice (warned when it answers a verzoek on the fourth
 * or fifth werkdag), and for lange zorg D18 (the plan van aanpak: late or never), D19 (no
 * verlenging asked: warned and missed) and D11 (the WMO307 of a late aanbieder). Due dates, warnings, misses and escalations are computed as the server plans
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
  private final Set<String> planVanAanpak;

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
    DeadlineRule d11 = regeling.deadlineRule("D11").orElseThrow();
    DeadlineRule d14a = regeling.deadlineRule("D14a").orElseThrow();
    DeadlineRule d14 = regeling.deadlineRule("D14").orElseThrow();
    DeadlineRule d18 = regeling.deadlineRule("D18").orElseThrow();
    DeadlineRule d19 = regeling.deadlineRule("D19").orElseThrow();
    this.planVanAanpak = d18.producten();
    Profile.Aandelen a = profile.aandelen();
    Set<String> bsns = new HashSet<>();
    for (int i = 0; i < count; i++) {
      LocalDate melding = kalender.plusWerkdagen(profile.start(), (int) ((long) i * dagen / count));
      String gemeente = pick(gemeenten, Profile.GemeenteAandeel::aandeel, random).code();
      Profile.Mix mix = pick(profile.mix(), Profile.Mix::aandeel, random);
      List<Profile.AanbiederProfiel> fitting = aanbieders.stream().filter(x -> x.producten().containsAll(mix.producten())).toList();
      Profile.AanbiederProfiel aanbieder = fitting.get(random.nextInt(fitting.size()));
      String bsn;
      do {
        bsn = Bsns.next(random);
      } while (!bsns.add(bsn));
      boolean optijd = aanbieder.gedrag() == Profile.Gedrag.optijd;
      boolean lange = random.nextDouble() < a.langeZorg();
      boolean vot = optijd && random.nextDouble() < a.toewijzingsverzoek();
      boolean votGehonoreerd = random.nextDouble() < a.gehonoreerd();
      String nieuw = optijd && !lange && random.nextDouble() < a.wijzigingsverzoek() ? nieuwProduct(regeling, aanbieder, mix.producten(), a) : null;
      boolean vowGehonoreerd = random.nextDouble() < a.gehonoreerd();
      boolean declaratie = random.nextDouble() < a.declaratie();

      LocalDate screening = kalender.plusWerkdagen(melding, draw(s.screeningAfronden(), random));
      LocalDate onderzoek = kalender.plusWerkdagen(screening, draw(s.onderzoekAfronden(), random));
      LocalDate aanvraag = kalender.plusWerkdagen(onderzoek, draw(s.aanvraagOntvangen(), random));
      // A WMO315 comes the werkdag after the aanvraag; the beschikking answers it.
      LocalDate verzoek315 = kalender.plusWerkdagen(aanvraag, 1);
      LocalDate toewijzen = kalender.plusWerkdagen(vot ? verzoek315 : aanvraag, draw(s.toewijzen(), random));
      LocalDate ingang = kalender.plusWerkdagen(toewijzen, draw(s.ingang(), random));
      LocalDate einde = lange ? kalender.plusWerkdagen(ingang, draw(s.langeZorgduur(), random)) : ingang.plusYears(1).minusDays(1);
      ScriptedCase c = new ScriptedCase(i, bsn, gemeente, aanbieder, mix.producten(), ingang, einde);
      c.langeZorg = lange;
      c.toewijzingsverzoek = vot;
      c.toewijzingsverzoekGehonoreerd = vot && votGehonoreerd;
      c.days.put(Step.MELDING, melding);
      c.days.put(Step.SCREENING_AFRONDEN, screening);
      c.days.put(Step.ONDERZOEK_AFRONDEN, onderzoek);
      c.days.put(Step.AANVRAAG_ONTVANGEN, aanvraag);
      if (vot) c.days.put(Step.WMO315, verzoek315);
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
      if (vot) expect(c, d14a, verzoek315, toewijzen, kalender);
      expect(c, d8, toewijzen, d8Met, kalender);
      for (int p = 0; p < c.producten.size(); p++) expect(c, d9, ingang, start, kalender);
      c.days.put(Step.WMO305, start);

      // The stop: lange zorg on its einddatum, reported the werkdag after (a late aanbieder: after D11 fell due);
      // other care after its drawn duration, and after what a WMO317 brings.
      LocalDate stop = kalender.plusWerkdagen(start, draw(s.zorgduur(), random));
      if (nieuw != null) {
        LocalDate vow = kalender.plusWerkdagen(start, 2);
        LocalDate antwoord = kalender.plusWerkdagen(vow, draw(s.verzoekAntwoord(), random));
        LocalDate lees = kalender.plusWerkdagen(antwoord, 1);
        c.nieuwProduct = nieuw;
        c.wijzigingsverzoekGehonoreerd = vowGehonoreerd;
        c.days.put(Step.WMO317, vow);
        c.days.put(Step.VERZOEK_BEANTWOORDEN, antwoord);
        c.days.put(Step.LEES_ANTWOORD, lees);
        expect(c, d14, vow, antwoord, kalender);
        LocalDate laatste = lees;
        c.nieuweIngang = kalender.plusWerkdagen(antwoord, 2);
        if (vowGehonoreerd) {
          LocalDate nieuwStart = kalender.plusWerkdagen(c.nieuweIngang, 1);
          c.days.put(Step.WMO305_NIEUW, nieuwStart);
          expect(c, d8, antwoord, lees, kalender);
          expect(c, d9, c.nieuweIngang, nieuwStart, kalender);
          laatste = nieuwStart;
        }
        if (!stop.isAfter(laatste)) stop = kalender.plusWerkdagen(laatste, 1);
      }
      if (lange) {
        LocalDate d11Due = d11.termijn().einde(einde, kalender);
        stop = aanbieder.gedrag() == Profile.Gedrag.laat ? kalender.plusWerkdagen(d11Due, 1) : kalender.plusWerkdagen(einde, 1);
        c.zorgEinde = einde;
        // D18: a plan van aanpak within three months of the start (the WMO305's begindatum, the ingangsdatum).
        LocalDate d18Due = d18.termijn().einde(ingang, kalender);
        LocalDate plan = switch (aanbieder.gedrag()) {
          case optijd -> kalender.plusWerkdagen(start, draw(s.planVanAanpak(), random));
          case laat -> kalender.plusWerkdagen(d18Due, 1);
          case nooit -> null;
        };
        if (plan != null) c.days.put(Step.PLAN_VAN_AANPAK, plan);
        for (String p : c.producten) {
          if (!planVanAanpakVoor(p)) continue;
          expect(c, d18, ingang, plan == null ? stop : plan, kalender);
        }
        // D19 asks a verlenging eight weeks before the einddatum; care that is meant to end asks none: only the stop meets it.
        // D11 waits for the WMO307 after the einddatum.
        for (int p = 0; p < c.producten.size(); p++) {
          expect(c, d19, einde, stop, kalender);
          expect(c, d11, einde, stop, kalender);
        }
      } else {
        c.zorgEinde = stop;
      }
      c.days.put(Step.WMO307, stop);
      if (declaratie) {
        // The first month of care, billed once it has ended and care has started, on a day of its own.
        LocalDate day = kalender.plusWerkdagen(YearMonth.from(ingang).atEndOfMonth(), 1);
        if (!day.isAfter(start)) day = kalender.plusWerkdagen(start, 1);
        while (c.days.containsValue(day)) day = kalender.plusWerkdagen(day, 1);
        c.days.put(Step.WMO323, day);
      }
      cases.add(c);
      for (Map.Entry<Step, LocalDate> e : c.days.entrySet()) days.computeIfAbsent(e.getValue(), d -> new ArrayList<>()).add(new Work(c, e.getKey()));
    }
  }

  /**
   * The product a WMO317 asks for: the first of the profile's that the case does not have, that
   * stacks with the case's products and that the aanbieder delivers; null when none fits.
   */
  private static String nieuwProduct(Regeling regeling, Profile.AanbiederProfiel aanbieder, List<String> producten, Profile.Aandelen a) {
    for (String code : a.nieuweProducten()) {
      if (producten.contains(code) || !aanbieder.producten().contains(code)) continue;
      List<Product> all = new ArrayList<>();
      for (String p : producten) all.add(regeling.product(p).orElseThrow());
      Product nieuw = regeling.product(code).orElseThrow();
      all.add(nieuw);
      if (regeling.stapelconflict(all).isEmpty() && nieuw.combinatieCompleet(all)) return code;
    }
    return null;
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

  /** One of {@code options}, each as likely as its share ({@code aandeel}) of their sum. */
  private static <T> T pick(List<T> options, ToIntFunction<T> aandeel, Random random) {
    int r = random.nextInt(options.stream().mapToInt(aandeel).sum());
    for (T option : options) {
      r -= aandeel.applyAsInt(option);
      if (r < 0) return option;
    }
    throw new IllegalStateException("a share below zero");
  }

  /** Whether a toewijzing of {@code product} owes a plan van aanpak (D18). */
  boolean planVanAanpakVoor(String product) {
    return planVanAanpak.isEmpty() || planVanAanpak.contains(product);
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
