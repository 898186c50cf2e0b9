package nl.regie.server.cases;

import java.util.List;
import java.util.Map;

/**
 * The state that snapshots are sampled with: a case replayed from the event samples through most
 * of its life (handed over, toegewezen, care started and interrupted, a verzoek honoured, a
 * declaratie answered, deadlines set, alerted and met). Its snapshot is committed in {@code
 * src/test/resources/state/v3}; the shape before, with history lines instead of events, in {@code
 * state/v1}.
 */
final class CaseStateSamples {

  /**
   * The state's current shape: v3 has toewijzingen with their gemeente and the moment they were
   * fixed; v2 kept the case's events without those; v1 kept rendered history lines.
   */
  static final String VERSION = "v3";

  static final String CASE_ID = "2b1c7a52-8f7e-4e0e-9d3a-5b1f6c2d9e01";

  static final List<String> LIFE = List.of("MeldingOntvangen", "ScreeningGestart", "ScreeningAfgerond", "Overgedragen",
      "OnderzoekAfgerond", "AanvraagOntvangen", "Toegewezen", "BerichtVerstuurd", "DeadlineSet", "DeadlineAlerted",
      "ToewijzingBevestigd", "DeadlineMet", "ZorgGestart", "BerichtklasseBeoordeeld", "ZorgGestopt", "VerzoekOntvangen",
      "VerzoekBeantwoord", "DeclaratieOntvangen", "PrestatieToegekend", "DeclaratieBeantwoord", "AntwoordBevestigd",
      "VerzoekGehonoreerd");

  private CaseStateSamples() {}

  static CaseState replayed() {
    Map<String, CaseEvent> samples = CaseEventSamples.all();
    CaseState state = CaseState.empty(CASE_ID);
    for (String name : LIFE) state = state.apply(samples.get(name));
    return state;
  }
}
