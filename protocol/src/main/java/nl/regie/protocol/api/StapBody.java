package nl.regie.protocol.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Body of a step of the werkwijze ({@code matchingsgesprek-gehouden}, {@code calamiteit-gemeld},
 * …): the day it happened, the aanbieder (AGB code) or toewijzing it is about where the step is
 * about one, and a free {@code toelichting}.
 */
public record StapBody(LocalDate op, String aanbieder, Long toewijzingNummer, String toelichting) implements Validatable {

  @Override
  public List<String> problems() {
    return new Violations()
        .required(op, "op")
        .check(aanbieder, a -> a.matches("[0-9]{8}"), "aanbieder", "an AGB code of eight digits")
        .maxLength(toelichting, 1000, "toelichting")
        .list();
  }
}
