package nl.regie.protocol.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code aanbieder-wisselen}: toewijzing {@code toewijzingNummer} goes to {@code aanbieder}
 * (AGB code) from {@code per}; the old one ends the day before (004 §5.7).
 */
public record AanbiederWisselenBody(Long toewijzingNummer, String aanbieder, LocalDate per) implements Validatable {

  @Override
  public List<String> problems() {
    return new Violations()
        .required(toewijzingNummer, "toewijzingNummer")
        .required(aanbieder, "aanbieder")
        .check(aanbieder, a -> a.matches("[0-9]{8}"), "aanbieder", "an AGB code of eight digits")
        .required(per, "per")
        .list();
  }
}
