package nl.regie.server.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Periode;
import nl.regie.protocol.iwmo.bericht.Product;
import nl.regie.protocol.iwmo.bericht.Wmo317;
import nl.regie.protocol.iwmo.regels.Stapeling;
import nl.regie.protocol.cases.VerzoekProductSoort;
import nl.regie.server.cases.CaseCommand.WijzigingVerzoeken;

/**
 * Judges a WMO317 (verzoek om wijziging) against the cliënt's toewijzingen at this case: TR349,
 * TR350, TR351, TR357, TR361 on its products and TR347, TR374 on the verzoek. A VOW is one
 * coherent request (OP308, OP344): accepted only when no klasse has a finding. Pure.
 *
 * <p>"Actueel" (TR349) is a toewijzing valid on or after the VOW's Dagtekening, which is the
 * "huidige datum" of the aanbieder who wrote it: judging on the day it arrives would make a
 * toewijzing that ended in between a reason to refuse a correct VOW. Only the aanbieder's own
 * toewijzingen count: it knows no others (a WMO301 lists one aanbieder's, OP087). A toewijzing whose
 * care stopped for good (WMO307) is no longer current for Regie, which leaves it out of its next
 * WMO301 to the aanbieder, so it need not and may not be named.
 */
final class Wijzigingsverzoeken {

  static final String VERZOEK = Wmo317.VERZOEK.toString();

  /** A product as the VOW wants it, for the overlap rule: its klasse, product and care period. */
  private record Gewenst(String pad, boolean bestaand, Product product, Periode periode) {}

  private Wijzigingsverzoeken() {}

  static Verzoeken.Oordeel judge(CaseState state, WijzigingVerzoeken c, Instant now) {
    Wmo317.Verzoek v = c.client().verzoek();
    Map<String, List<Retourcode>> codes = new LinkedHashMap<>();
    codes.put(Verzoeken.CLIENT, new ArrayList<>());
    codes.put(VERZOEK, new ArrayList<>());
    Map<Long, Toewijzing> actueel = actueel(state, c.aanbieder(), c.client().bsn(), c.dagtekening());
    List<Gewenst> gewenst = new ArrayList<>();

    for (int i = 0; i < v.ongewijzigdeProducten().size(); i++) {
      String pad = Wmo317.ongewijzigdProduct(i).toString();
      Toewijzing t = actueel.get(v.ongewijzigdeProducten().get(i).toewijzingNummer());
      codes.put(pad, new ArrayList<>());
      if (t == null) {
        codes.get(pad).add(Retourcode.R9350);
      } else {
        gewenst.add(new Gewenst(pad, true, Product.van(t.product()), new Periode(t.ingangsdatum(), t.einddatum())));
      }
    }
    for (int i = 0; i < v.teWijzigenProducten().size(); i++) {
      String pad = Wmo317.teWijzigenProduct(i).toString();
      Wmo317.TeWijzigenProduct p = v.teWijzigenProducten().get(i);
      Toewijzing t = actueel.get(p.toewijzingNummer());
      codes.put(pad, new ArrayList<>());
      if (t == null) {
        codes.get(pad).add(Retourcode.R9351);
        continue;
      }
      // TR357: a change that does not start in the future changes the whole period.
      if (!p.gewensteIngangsdatum().isAfter(c.dagtekening()) && !p.gewensteIngangsdatum().equals(t.ingangsdatum())) {
        codes.get(pad).add(Retourcode.R9357);
      }
      // After the change the toewijzing still runs from its own ingangsdatum, now to the wished einddatum.
      gewenst.add(new Gewenst(pad, true, Product.van(t.product()), new Periode(t.ingangsdatum(), p.einddatum())));
    }
    for (int i = 0; i < v.nieuweProducten().size(); i++) {
      String pad = Wmo317.nieuwProduct(i).toString();
      Wmo317.NieuwProduct p = v.nieuweProducten().get(i);
      codes.put(pad, new ArrayList<>());
      gewenst.add(new Gewenst(pad, false, p.product(), p.periode()));
    }

    Set<Long> genoemd = new HashSet<>();
    v.ongewijzigdeProducten().forEach(p -> genoemd.add(p.toewijzingNummer()));
    v.teWijzigenProducten().forEach(p -> genoemd.add(p.toewijzingNummer()));
    if (!genoemd.containsAll(actueel.keySet())) codes.get(VERZOEK).add(Retourcode.R9349);
    overlap(gewenst, codes);
    if (c.referentieBezet() || Verzoeken.gebruikt(state, c.aanbieder(), v.referentieAanbieder(), c.berichtId())) {
      codes.get(VERZOEK).add(Retourcode.R9347);
    }
    if (c.elders() || Verzoeken.onderhanden(state, c.aanbieder()).isPresent()) codes.get(VERZOEK).add(Retourcode.R9374);

    boolean aangenomen = codes.values().stream().allMatch(List::isEmpty);
    codes.replaceAll((pad, found) -> found.isEmpty() ? List.of(Retourcode.R0200) : List.copyOf(found));
    List<CaseEvent> effect = aangenomen
        ? List.of(new CaseEvent.VerzoekOntvangen(List.of(Verzoek.ontvangen(c.aanbieder(), v.referentieAanbieder(), "WMO317",
            c.berichtId(), c.dagtekening(), v.redenVerzoek(), gevraagd(v))), now))
        : List.of();
    return new Verzoeken.Oordeel(codes, effect);
  }

  /** The klassen of the WMO317 of {@code client}, by klassepad, in document order. */
  static List<String> klassen(Wmo317.Client client) {
    Wmo317.Verzoek v = client.verzoek();
    List<String> paden = new ArrayList<>(List.of(Verzoeken.CLIENT, VERZOEK));
    for (int i = 0; i < v.ongewijzigdeProducten().size(); i++) paden.add(Wmo317.ongewijzigdProduct(i).toString());
    for (int i = 0; i < v.teWijzigenProducten().size(); i++) paden.add(Wmo317.teWijzigenProduct(i).toString());
    for (int i = 0; i < v.nieuweProducten().size(); i++) paden.add(Wmo317.nieuwProduct(i).toString());
    return paden;
  }

  /** The aanbieder's current toewijzingen of this cliënt, by number. */
  private static Map<Long, Toewijzing> actueel(CaseState state, String aanbieder, String bsn, LocalDate dagtekening) {
    if (!state.melding().bsn().equals(bsn)) return Map.of();
    return state.actieveToewijzingen().stream()
        .filter(t -> t.aanbieder().equals(aanbieder))
        .filter(t -> t.einddatum() == null || !t.einddatum().isBefore(dagtekening))
        .collect(Collectors.toMap(Toewijzing::nummer, t -> t, (a, b) -> a, LinkedHashMap::new));
  }

  /**
   * TR361: the same product more than once only with care periods that do not overlap, checked
   * where a current toewijzing (kept or changed) is involved; two new products are TR410, a rule
   * within the bericht. The finding goes to the later klasse of a pair.
   */
  private static void overlap(List<Gewenst> gewenst, Map<String, List<Retourcode>> codes) {
    for (int i = 0; i < gewenst.size(); i++) {
      for (int j = 0; j < i; j++) {
        Gewenst a = gewenst.get(j);
        Gewenst b = gewenst.get(i);
        if ((a.bestaand() || b.bestaand()) && Stapeling.zelfdeProduct(a.product(), b.product()) && a.periode().overlapt(b.periode())
            && !codes.get(b.pad()).contains(Retourcode.R9361)) {
          codes.get(b.pad()).add(Retourcode.R9361);
        }
      }
    }
  }

  private static List<Verzoek.Gevraagd> gevraagd(Wmo317.Verzoek v) {
    List<Verzoek.Gevraagd> producten = new ArrayList<>();
    v.ongewijzigdeProducten().forEach(p -> producten.add(new Verzoek.Gevraagd(
        VerzoekProductSoort.ONGEWIJZIGD, p.toewijzingNummer(), null, null, null, null, null)));
    v.teWijzigenProducten().forEach(p -> producten.add(new Verzoek.Gevraagd(VerzoekProductSoort.TE_WIJZIGEN, p.toewijzingNummer(),
        null, p.gewensteIngangsdatum(), p.einddatum(), Verzoek.Gevraagd.omvang(p.omvang()), p.budget())));
    v.nieuweProducten().forEach(p -> producten.add(new Verzoek.Gevraagd(VerzoekProductSoort.NIEUW, null,
        Verzoek.Gevraagd.product(p.product()), p.gewensteIngangsdatum(), p.einddatum(), Verzoek.Gevraagd.omvang(p.omvang()), p.budget())));
    return producten;
  }
}
