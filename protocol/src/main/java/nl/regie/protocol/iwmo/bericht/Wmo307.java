package nl.regie.protocol.iwmo.bericht;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.regie.protocol.codes.Geslacht;
import nl.regie.protocol.codes.RedenBeeindiging;
import nl.regie.protocol.codes.StatusAanlevering;

/**
 * WMO307 Stop zorg: the aanbieder reports that delivery of a started product has ended (for good,
 * or for now with reden 20), within five werkdagen after the actual end (OP272). It copies the key
 * of the start it ends (OP072).
 */
public record Wmo307(Header header, Client client) implements Heenbericht {

  public Wmo307 {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(client, "client");
  }

  @Override
  public Berichtsoort soort() {
    return Berichtsoort.WMO307;
  }

  @Override
  public List<Klassepad> klassen() {
    return client.klassen();
  }

  /** The cliënt and the products whose delivery stopped. */
  public record Client(
      String bsn,
      Geboortedatum geboortedatum,
      Geslacht geslacht,
      VerkorteNaam naam,
      List<StopProduct> stopProducten) {

    public Client {
      Objects.requireNonNull(bsn, "bsn");
      Objects.requireNonNull(geboortedatum, "geboortedatum");
      Objects.requireNonNull(geslacht, "geslacht");
      Objects.requireNonNull(naam, "naam");
      stopProducten = stopProducten == null ? List.of() : List.copyOf(stopProducten);
    }

    List<Klassepad> klassen() {
      List<Klassepad> paden = new ArrayList<>();
      paden.add(Klassepad.CLIENT);
      for (int i = 0; i < stopProducten.size(); i++) paden.add(stopProduct(i));
      return paden;
    }
  }

  /**
   * The end of one product. Begindatum is that of the start being ended; Einddatum is on or after it
   * (TR018).
   */
  public record StopProduct(
      Long toewijzingNummer,
      Product product,
      LocalDate toewijzingIngangsdatum,
      LocalDate begindatum,
      RedenBeeindiging redenBeeindiging,
      LocalDate einddatum,
      StatusAanlevering statusAanlevering) {

    public StopProduct {
      Objects.requireNonNull(begindatum, "begindatum");
      Objects.requireNonNull(redenBeeindiging, "redenBeeindiging");
      Objects.requireNonNull(einddatum, "einddatum");
      Objects.requireNonNull(statusAanlevering, "statusAanlevering");
    }
  }

  public static Klassepad stopProduct(int i) {
    return Klassepad.CLIENT.kind(Berichtklasse.STOP_PRODUCT, i);
  }
}
