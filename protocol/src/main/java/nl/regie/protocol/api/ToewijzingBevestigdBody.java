package nl.regie.protocol.api;

import java.util.List;

/**
 * Body of {@code toewijzing-bevestigd}: the aanbieder confirmed its toewijzingen (what a WMO302
 * says).
 */
public record ToewijzingBevestigdBody(String aanbieder) implements Validatable {

  @Override
  public List<String> problems() {
    return new Violations()
        .required(aanbieder, "aanbieder")
        .check(aanbieder, a -> a.matches("[0-9]{8}"), "aanbieder", "an AGB code of eight digits")
        .list();
  }
}
