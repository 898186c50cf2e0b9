package nl.regie.loadtest.year;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.regie.protocol.iwmo.bericht.Wmo301;

/**
 * One case of the script: what it is (gemeente, cliënt, products, aanbieder), on which werkdag each
 * step happens, and what the run learned of it (its id, the WMO301 its aanbieder read). The steps
 * of one case fall on different days, and a day's steps all end before the next day's begin, so
 * the fields the run writes are never written by two users at once; the timeline's lock orders them.
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

  volatile String caseId;
  volatile Wmo301 wmo301;

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

  /** The fase the script ends in: every script runs to the stop of care. */
  public String expectedFase() {
    return "STOP";
  }
}
