package nl.regie.loadtest.year;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.regie.protocol.codes.Gemeenten;
import nl.regie.protocol.regeling.Product;
import nl.regie.protocol.regeling.Regeling;
import nl.regie.protocol.regeling.Regelingen;

/**
 * A region's year as data ({@code load-tests/src/main/resources/profiles/<naam>.yaml}): its
 * gemeenten, aanbieders and what they deliver, how many meldingen, the mix of products, how long
 * each step takes and how aanbieders answer. {@link #load} checks it against the rulebook, so a
 * simulated toewijzing is one the server accepts.
 *
 * @param dagen the werkdagen from {@code start} that get meldingen; 0: the whole year
 * @param werkers how many Gatling users work the day's steps at once
 */
public record Profile(
    String naam,
    String regeling,
    long seed,
    LocalDate start,
    int meldingenPerJaar,
    int dagen,
    int werkers,
    boolean alleGemeenten,
    List<GemeenteAandeel> gemeenten,
    List<AanbiederProfiel> aanbieders,
    GegenereerdeAanbieders gegenereerdeAanbieders,
    List<Mix> mix,
    Aandelen aandelen,
    Meekijkers meekijkers,
    Stappen stappen) {

  /** How an aanbieder answers its berichten. */
  public enum Gedrag { optijd, laat, nooit }

  public record GemeenteAandeel(String code, String naam, int aandeel) {}

  public record AanbiederProfiel(String agb, String naam, Gedrag gedrag, List<String> producten) {}

  /** Aanbieders from a pattern: {@code aantal} of them, AGB codes counting up, shares late and never. */
  public record GegenereerdeAanbieders(int aantal, String agbVanaf, double laat, double nooit, List<List<String>> soorten) {}

  public record Mix(List<String> producten, int aandeel) {}

  /**
   * Shares of the cases (0 to 1) that take a longer path. Verzoeken come from aanbieders that
   * answer on time: a WMO315 once the aanvraag is in, answered by the beschikking; a WMO317 during
   * care asking for one of {@code nieuweProducten} (the first that stacks with the case's and that
   * the aanbieder delivers; a case where none fits asks nothing). The gemeente honours the share
   * {@code gehonoreerd} of them with a WMO301 and rejects the rest with a WMO319. A declaratie
   * (WMO323) bills the first month of care. Lange zorg runs to the toewijzing's einddatum, over
   * three months: the aanbieder owes a plan van aanpak (D18), asks no verlenging (D19) and stops
   * care with a WMO307 after the einddatum (D11).
   */
  public record Aandelen(double toewijzingsverzoek, double wijzigingsverzoek, double gehonoreerd, List<String> nieuweProducten,
      double declaratie, double langeZorg) {}

  /**
   * Who watches the streams for the whole run: dashboards on the case stream (the first sees every
   * gemeente, the others share them out) and supervisors on the alert stream (the same), as SSE and
   * WebSocket in turn, each with its own token.
   */
  public record Meekijkers(int dashboards, int supervisors) {}

  /** Werkdagen, drawn evenly between {@code min} and {@code max}. */
  public record Spreiding(int min, int max) {}

  /**
   * @param verzoekAntwoord from a WMO317 to the gemeente's answer
   * @param langeZorgduur lange zorg: from the ingangsdatum to the einddatum, which ends the care
   * @param planVanAanpak lange zorg: from the WMO305 to the plan van aanpak of an aanbieder on time
   */
  public record Stappen(Spreiding screeningAfronden, Spreiding onderzoekAfronden, Spreiding aanvraagOntvangen,
      Spreiding toewijzen, Spreiding ingang, Spreiding zorgduur, Spreiding verzoekAntwoord, Spreiding langeZorgduur,
      Spreiding planVanAanpak) {

    List<Spreiding> all() {
      return Arrays.asList(screeningAfronden, onderzoekAfronden, aanvraagOntvangen, toewijzen, ingang, zorgduur,
          verzoekAntwoord, langeZorgduur, planVanAanpak);
    }
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  /** A shipped profile by name ({@code smoke}, {@code region}, {@code national}) or a YAML file by path. */
  public static Profile load(String nameOrPath) {
    try {
      Path file = Path.of(nameOrPath);
      if (Files.isRegularFile(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          return YAML.readValue(in, Profile.class).checked();
        }
      }
      try (InputStream in = Profile.class.getResourceAsStream("/profiles/" + nameOrPath + ".yaml")) {
        if (in == null) throw new IllegalArgumentException("no profile " + nameOrPath + " (shipped: smoke, region, national; or a path to a YAML file)");
        return YAML.readValue(in, Profile.class).checked();
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("profile " + nameOrPath + " cannot be read: " + e.getMessage(), e);
    }
  }

  public Regeling rulebook() {
    return Regelingen.shipped().find(regeling).orElseThrow(() -> new IllegalArgumentException("profile " + naam + ": no regeling " + regeling));
  }

  /** The gemeenten with their weights: the listed ones, or every gemeente of the CBS list. */
  public List<GemeenteAandeel> gemeentenMetAandeel() {
    if (alleGemeenten) return Gemeenten.all().stream().map(g -> new GemeenteAandeel(g.code(), g.naam(), 1)).toList();
    return gemeenten;
  }

  /** The listed aanbieders and the generated ones. */
  public List<AanbiederProfiel> alleAanbieders() {
    List<AanbiederProfiel> all = new ArrayList<>(aanbieders == null ? List.of() : aanbieders);
    GegenereerdeAanbieders g = gegenereerdeAanbieders;
    if (g != null) {
      long first = Long.parseLong(g.agbVanaf());
      int laat = (int) Math.round(g.aantal() * g.laat());
      int nooit = (int) Math.round(g.aantal() * g.nooit());
      for (int i = 0; i < g.aantal(); i++) {
        // Spread the late and silent ones over the soorten: every tenth-ish, not the first few.
        int slot = (int) ((i * 7919L) % g.aantal());
        Gedrag gedrag = slot < nooit ? Gedrag.nooit : slot < nooit + laat ? Gedrag.laat : Gedrag.optijd;
        all.add(new AanbiederProfiel(String.format("%08d", first + i), "Aanbieder " + (i + 1), gedrag, g.soorten().get(i % g.soorten().size())));
      }
    }
    return all;
  }

  private Profile checked() {
    List<String> problems = new ArrayList<>();
    Regeling r = rulebook();
    if (meldingenPerJaar < 1) problems.add("meldingenPerJaar: at least 1");
    if (werkers < 1) problems.add("werkers: at least 1");
    if (start == null || !r.kalender().isWerkdag(start)) problems.add("start: a werkdag");
    for (GemeenteAandeel g : gemeentenMetAandeel()) {
      if (Gemeenten.find(g.code()).isEmpty()) problems.add("gemeente " + g.code() + ": not a CBS gemeentecode");
      else if (!alleGemeenten && !Gemeenten.find(g.code()).get().naam().equals(g.naam())) {
        problems.add("gemeente " + g.code() + ": the CBS list calls it " + Gemeenten.find(g.code()).get().naam() + ", not " + g.naam());
      }
    }
    if (gemeentenMetAandeel().isEmpty()) problems.add("gemeenten: at least one");
    List<AanbiederProfiel> all = alleAanbieders();
    if (all.isEmpty()) problems.add("aanbieders: at least one");
    Set<String> agbs = all.stream().map(AanbiederProfiel::agb).collect(Collectors.toSet());
    if (agbs.size() != all.size()) problems.add("aanbieders: an AGB code twice");
    for (AanbiederProfiel a : all) {
      if (a.agb() == null || !a.agb().matches("[0-9]{8}")) problems.add("aanbieder " + a.agb() + ": an AGB code is eight digits");
      for (String p : a.producten()) if (r.product(p).isEmpty()) problems.add("aanbieder " + a.agb() + ": no product " + p + " in " + regeling);
    }
    for (Mix m : mix) {
      List<Product> products = new ArrayList<>();
      for (String p : m.producten()) {
        r.product(p).ifPresentOrElse(products::add, () -> problems.add("mix " + m.producten() + ": no product " + p + " in " + regeling));
      }
      if (products.size() != m.producten().size()) continue;
      r.stapelconflict(products).ifPresent(c -> problems.add("mix " + m.producten() + ": the rulebook does not stack them (" + c + ")"));
      for (Product p : products) {
        if (!p.combinatieCompleet(products)) problems.add("mix " + m.producten() + ": " + p.code() + " only with one of " + p.alleenMet());
        if (p.geldigTot() != null && p.geldigTot().isBefore(start)) problems.add("mix " + m.producten() + ": " + p.code() + " ends " + p.geldigTot());
      }
      if (all.stream().noneMatch(a -> a.producten().containsAll(m.producten()))) {
        problems.add("mix " + m.producten() + ": no aanbieder delivers all of them");
      }
    }
    for (Spreiding s : stappen.all()) if (s == null || s.min() < 1 || s.max() < s.min()) problems.add("stappen: each 1 <= min <= max");
    if (aandelen == null) {
      problems.add("aandelen: required");
    } else {
      for (double share : List.of(aandelen.toewijzingsverzoek(), aandelen.wijzigingsverzoek(), aandelen.gehonoreerd(),
          aandelen.declaratie(), aandelen.langeZorg())) {
        if (share < 0 || share > 1) problems.add("aandelen: each between 0 and 1");
      }
      for (String p : aandelen.nieuweProducten()) if (r.product(p).isEmpty()) problems.add("aandelen.nieuweProducten: no product " + p + " in " + regeling);
    }
    // Lange zorg must outlast D18's three months and its escalation, so that its alerts come before the stop.
    if (stappen.langeZorgduur() != null && stappen.langeZorgduur().min() < 75) problems.add("stappen.langeZorgduur: at least 75 werkdagen");
    if (stappen.planVanAanpak() != null && stappen.planVanAanpak().max() > 40) problems.add("stappen.planVanAanpak: at most 40 werkdagen (before D18 warns)");
    if (meekijkers == null || meekijkers.dashboards() < 0 || meekijkers.supervisors() < 0) problems.add("meekijkers: dashboards and supervisors, 0 or more");
    if (!problems.isEmpty()) throw new IllegalArgumentException("profile " + naam + ": " + String.join("; ", problems));
    return this;
  }
}
