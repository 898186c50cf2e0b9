package nl.regie.protocol.iwmo.bericht;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.regie.protocol.codes.Eenheid;
import nl.regie.protocol.codes.Productcategorie;

/**
 * WMO323 Declaratie: the aanbieder declares what it delivered in one calendar month, for any number
 * of cliënten, one Prestatie per toewijzing, product and productperiode (IV089). Answered by a 325
 * within ten werkdagen (OP090x4).
 */
public record Wmo323(Header header, Declaratie declaratie) implements Heenbericht {

  public Wmo323 {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(declaratie, "declaratie");
  }

  @Override
  public Berichtsoort soort() {
    return Berichtsoort.WMO323;
  }

  @Override
  public List<Klassepad> klassen() {
    List<Klassepad> paden = new ArrayList<>();
    paden.add(Klassepad.DECLARATIE);
    List<Client> clienten = declaratie.clienten();
    for (int i = 0; i < clienten.size(); i++) {
      paden.add(client(i));
      for (int j = 0; j < clienten.get(i).prestaties().size(); j++) paden.add(prestatie(i, j));
    }
    return paden;
  }

  /**
   * @param totaalIngediendBedrag the sum of all prestaties, debet minus credit (TR358)
   */
  public record Declaratie(
      String declaratieNummer,
      Periode declaratiePeriode,
      LocalDate declaratieDagtekening,
      Bedrag totaalIngediendBedrag,
      List<Client> clienten) {

    public Declaratie {
      Objects.requireNonNull(declaratieNummer, "declaratieNummer");
      Objects.requireNonNull(declaratiePeriode, "declaratiePeriode");
      Objects.requireNonNull(declaratieDagtekening, "declaratieDagtekening");
      Objects.requireNonNull(totaalIngediendBedrag, "totaalIngediendBedrag");
      clienten = clienten == null ? List.of() : List.copyOf(clienten);
    }
  }

  /** The prestaties for one cliënt; also the shape of a cliënt in a WMO325. */
  public record Client(String bsn, List<Prestatie> prestaties) {
    public Client {
      Objects.requireNonNull(bsn, "bsn");
      prestaties = prestaties == null ? List.of() : List.copyOf(prestaties);
    }
  }

  /**
   * One declared delivery.
   *
   * @param productTarief in eurocent per eenheid; null exactly when Eenheid is 83, euro's (CD087)
   * @param ingediendBedrag GeleverdVolume × ProductTarief, or GeleverdVolume for eenheid 83
   */
  public record Prestatie(
      ProductReferentie productReferentie,
      long toewijzingNummer,
      Productcategorie productCategorie,
      String productCode,
      Periode productPeriode,
      long geleverdVolume,
      Eenheid eenheid,
      Long productTarief,
      Bedrag ingediendBedrag) {

    public Prestatie {
      Objects.requireNonNull(productReferentie, "productReferentie");
      Objects.requireNonNull(productCategorie, "productCategorie");
      Objects.requireNonNull(productCode, "productCode");
      Objects.requireNonNull(productPeriode, "productPeriode");
      Objects.requireNonNull(eenheid, "eenheid");
      Objects.requireNonNull(ingediendBedrag, "ingediendBedrag");
    }
  }

  public static Klassepad client(int i) {
    return Klassepad.DECLARATIE.kind(Berichtklasse.CLIENT, i);
  }

  public static Klassepad prestatie(int client, int prestatie) {
    return client(client).kind(Berichtklasse.PRESTATIE, prestatie);
  }
}
