package nl.regie.protocol.iwmo.bericht;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.regie.protocol.codes.Geslacht;
import nl.regie.protocol.codes.JuridischeStatus;
import nl.regie.protocol.codes.RedenWijziging;
import nl.regie.protocol.codes.SoortRelatie;
import nl.regie.protocol.codes.WettelijkeVertegenwoordiging;

/**
 * WMO301 Toewijzing: the gemeente tells one aanbieder which products it may deliver to one cliënt.
 * It lists all the cliënt's toewijzingen for that aanbieder that are valid on or after its
 * Dagtekening, plus those changed since the previous 301 (OP087).
 */
public record Wmo301(Header header, Client client) implements Heenbericht {

  public Wmo301 {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(client, "client");
  }

  @Override
  public Berichtsoort soort() {
    return Berichtsoort.WMO301;
  }

  @Override
  public List<Klassepad> klassen() {
    return client.klassen();
  }

  /** The cliënt and everything assigned to them. */
  public record Client(
      String bsn,
      Geboortedatum geboortedatum,
      Geslacht geslacht,
      VolledigeNaam naam,
      Communicatie communicatie,
      JuridischeStatus juridischeStatus,
      WettelijkeVertegenwoordiging wettelijkeVertegenwoordiging,
      String commentaar,
      List<Relatie> relaties,
      List<Contact> contactgegevens,
      List<ToegewezenProduct> toegewezenProducten) {

    public Client {
      Objects.requireNonNull(bsn, "bsn");
      Objects.requireNonNull(geboortedatum, "geboortedatum");
      Objects.requireNonNull(geslacht, "geslacht");
      Objects.requireNonNull(naam, "naam");
      relaties = relaties == null ? List.of() : List.copyOf(relaties);
      contactgegevens = contactgegevens == null ? List.of() : List.copyOf(contactgegevens);
      toegewezenProducten = toegewezenProducten == null ? List.of() : List.copyOf(toegewezenProducten);
    }

    List<Klassepad> klassen() {
      List<Klassepad> paden = new ArrayList<>();
      paden.add(Klassepad.CLIENT);
      for (int i = 0; i < relaties.size(); i++) {
        paden.add(relatie(i));
        paden.add(relatieContact(i));
      }
      for (int i = 0; i < contactgegevens.size(); i++) paden.add(contact(i));
      for (int i = 0; i < toegewezenProducten.size(); i++) paden.add(toegewezenProduct(i));
      return paden;
    }
  }

  /** A person the gemeente names as contact for the cliënt (OP076), numbered per cliënt (OP071). */
  public record Relatie(
      String nummer,
      Integer volgorde,
      SoortRelatie soort,
      Geboortedatum geboortedatum,
      Geslacht geslacht,
      VolledigeNaam naam,
      Contact contact) {

    public Relatie {
      Objects.requireNonNull(nummer, "nummer");
      Objects.requireNonNull(soort, "soort");
      Objects.requireNonNull(naam, "naam");
      Objects.requireNonNull(contact, "contact");
    }
  }

  /**
   * One toewijzing. The latest by Toewijzingsdatum and -tijd decides its content (OP033x1).
   *
   * @param product null only with a budget (CD079)
   * @param einddatum null when open-ended
   * @param omvang mandatory when Product has a code; never with a budget (CD041, CD077)
   * @param budget in eurocent; null unless the toewijzing is a budget
   */
  public record ToegewezenProduct(
      long toewijzingNummer,
      String referentieAanbieder,
      Product product,
      LocalDate toewijzingsdatum,
      LocalTime toewijzingstijd,
      LocalDate ingangsdatum,
      LocalDate einddatum,
      RedenWijziging redenWijziging,
      Omvang omvang,
      Long budget,
      String commentaar) {

    public ToegewezenProduct {
      Objects.requireNonNull(toewijzingsdatum, "toewijzingsdatum");
      Objects.requireNonNull(toewijzingstijd, "toewijzingstijd");
      Objects.requireNonNull(ingangsdatum, "ingangsdatum");
    }

    public Periode periode() {
      return new Periode(ingangsdatum, einddatum);
    }

    /** A toewijzing deleted with RedenWijziging 13 or 01 and Einddatum = Ingangsdatum (TR302). */
    @JsonIgnore
    public boolean isVervallen() {
      return (redenWijziging == RedenWijziging.VERWIJDERD
              || redenWijziging == RedenWijziging.ADMINISTRATIEVE_CORRECTIE_VERVALLEN)
          && ingangsdatum.equals(einddatum);
    }
  }

  public static Klassepad relatie(int i) {
    return Klassepad.CLIENT.kind(Berichtklasse.RELATIE, i);
  }

  /** The Contact of the {@code i}-th Relatie. */
  public static Klassepad relatieContact(int i) {
    return relatie(i).kind(Berichtklasse.CONTACT);
  }

  /** The {@code i}-th Contact in Contactgegevens. */
  public static Klassepad contact(int i) {
    return Klassepad.CLIENT.kind(Berichtklasse.CONTACT, i);
  }

  public static Klassepad toegewezenProduct(int i) {
    return Klassepad.CLIENT.kind(Berichtklasse.TOEGEWEZEN_PRODUCT, i);
  }
}
