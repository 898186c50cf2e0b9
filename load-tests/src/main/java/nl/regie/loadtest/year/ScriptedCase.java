package nl.regie.loadtest.year;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.regie.protocol.iwmo.bericht.Wmo301;

/**
 * One case of the script: what it is (gemeente, cliënt, products, aanbieder, the paths it takes),
 * on which werkdag each step happens, and what the run learned of it (its id, the WMO301s its
 * aanbieder read, the WMO319s it returned). The steps of one case fall on different days, and a
 * day's steps all end before the next day's begin, so the fields the run writes are never written
 * by two users at once; the timeline's lock orders them.
 */
public final class ScriptedCase {

  final int index;
  final String bsn;
  final String gemeente;
  final Profile.AanbiederProfiel aanbieder;
  final List<String> producten;
  final Map<Step, LocalDate> days = new EnumMap<>(Step.class);
  final LocalDate ingang;
  final LocalDate einde;
  /** The einddatum the WMO307 gives: the day it is sent, or for lange zorg the toewijzing's einddatum. */
  LocalDate zorgEinde;
  /** A WMO315 before the beschikking, and whether the beschikking honours it (else a WMO319 per product rejects it). */
  boolean toewijzingsverzoek;
  boolean toewijzingsverzoekGehonoreerd;
  /** A WMO317 during care for {@code nieuwProduct}, wished from {@code nieuweIngang} to the einddatum, and whether it is honoured. */
  String nieuwProduct;
  LocalDate nieuweIngang;
  boolean wijzigingsverzoekGehonoreerd;
  boolean langeZorg;

  volatile String caseId;
  /** The newest WMO301 read, and the first (the beschikking's products, which the declaratie bills). */
  volatile Wmo301 wmo301;
  volatile Wmo301 eersteWmo301;
  volatile int gelezen301;
  volatile int beantwoord319;
  /** When the first request of each of its steps went out (System.nanoTime), to time the streams by. */
  final List<Long> stappenVerstuurd = Collections.synchronizedList(new ArrayList<>());

  ScriptedCase(int index, String bsn, String gemeente, Profile.AanbiederProfiel aanbieder, List<String> producten,
      LocalDate ingang, LocalDate einde) {
    this.index = index;
    this.bsn = bsn;
    this.gemeente = gemeente;
    this.aanbieder = aanbieder;
    this.producten = producten;
    this.ingang = ingang;
    this.einde = einde;
  }

  public String caseId() {
    return caseId;
  }

  public LocalDate day(Step step) {
    return days.get(step);
  }

  boolean wijzigingsverzoek() {
    return nieuwProduct != null;
  }

  /** The ReferentieAanbieder of the WMO315's product {@code p}, and of the WMO317: unique per aanbieder. */
  String referentie(int p) {
    return "V" + index + "P" + p;
  }

  String wijzigingReferentie() {
    return "W" + index;
  }

  /** The WMO301s its aanbieder reads by the end: the beschikking's, and the honoured WMO317's. */
  int wmo301s() {
    return wijzigingsverzoekGehonoreerd ? 2 : 1;
  }

  /** The WMO319s it gets: one per product of a rejected WMO315, one for a rejected WMO317. */
  int wmo319s() {
    return (toewijzingsverzoek && !toewijzingsverzoekGehonoreerd ? producten.size() : 0)
        + (wijzigingsverzoek() && !wijzigingsverzoekGehonoreerd ? 1 : 0);
  }

  /** The fase the script ends in: every script runs to the stop of care. */
  public String expectedFase() {
    return "STOP";
  }
}
