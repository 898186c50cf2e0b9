package nl.regie.protocol.iwmo.bericht;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.regie.protocol.codes.Geslacht;
import nl.regie.protocol.codes.StatusAanlevering;

/**
 * WMO305 Start zorg: the aanbieder reports that delivery of toegewezen products has started, within
 * five werkdagen after the actual start (OP271). StatusAanlevering 3 withdraws an earlier report.
 */
public record Wmo305(Header header, Client client) implements Heenbericht {

  public Wmo305 {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(client, "client");
  }

  @Override
  public Berichtsoort soort() {
    return Berichtsoort.WMO305;
  }

  @Override
  public List<Klassepad> klassen() {
    return client.klassen();
  }

  /** The cliënt and the products whose delivery started. */
  public record Client(
      String bsn,
      Geboortedatum geboortedatum,
      Geslacht geslacht,
      VerkorteNaam naam,
      List<StartProduct> startProducten) {

    public Client {
      Objects.requireNonNull(bsn, "bsn");
      Objects.requireNonNull(geboortedatum, "geboortedatum");
      Objects.requireNonNull(geslacht, "geslacht");
      Objects.requireNonNull(naam, "naam");
      startProducten = startProducten == null ? List.of() : List.copyOf(startProducten);
    }

    List<Klassepad> klassen() {
      List<Klassepad> paden = new ArrayList<>();
      paden.add(Klassepad.CLIENT);
      for (int i = 0; i < startProducten.size(); i++) paden.add(startProduct(i));
      return paden;
    }
  }

  /**
   * The start of one product. Its logical key is ToewijzingNummer, Product and Begindatum.
   *
   * @param toewijzingNummer null only in the taakgerichte variant (no toewijzing)
   */
  public record StartProduct(
      Long toewijzingNummer,
      Product product,
      LocalDate toewijzingIngangsdatum,
      LocalDate begindatum,
      StatusAanlevering statusAanlevering) {

    public StartProduct {
      Objects.requireNonNull(begindatum, "begindatum");
      Objects.requireNonNull(statusAanlevering, "statusAanlevering");
    }
  }

  public static Klassepad startProduct(int i) {
    return Klassepad.CLIENT.kind(Berichtklasse.START_PRODUCT, i);
  }
}
