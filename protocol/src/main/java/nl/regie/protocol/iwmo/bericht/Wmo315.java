package nl.regie.protocol.iwmo.bericht;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.regie.protocol.codes.Geslacht;
import nl.regie.protocol.codes.JaNee;

/**
 * WMO315 Verzoek om toewijzing (VOT): the aanbieder asks the gemeente to assign products to a
 * cliënt. Answered by a 316, then within five werkdagen by a 301 or a 319 (OP274).
 */
public record Wmo315(Header header, Client client) implements Heenbericht {

  public Wmo315 {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(client, "client");
  }

  @Override
  public Berichtsoort soort() {
    return Berichtsoort.WMO315;
  }

  @Override
  public List<Klassepad> klassen() {
    return client.klassen();
  }

  /** The cliënt and the products requested for them. */
  public record Client(
      String bsn,
      Geboortedatum geboortedatum,
      Geslacht geslacht,
      VerkorteNaam naam,
      String commentaar,
      List<AangevraagdProduct> aangevraagdeProducten) {

    public Client {
      Objects.requireNonNull(bsn, "bsn");
      Objects.requireNonNull(geboortedatum, "geboortedatum");
      Objects.requireNonNull(geslacht, "geslacht");
      Objects.requireNonNull(naam, "naam");
      aangevraagdeProducten =
          aangevraagdeProducten == null ? List.of() : List.copyOf(aangevraagdeProducten);
    }

    List<Klassepad> klassen() {
      List<Klassepad> paden = new ArrayList<>();
      paden.add(Klassepad.CLIENT);
      for (int i = 0; i < aangevraagdeProducten.size(); i++) paden.add(aangevraagdProduct(i));
      return paden;
    }
  }

  /**
   * One requested product, identified by the aanbieder's ReferentieAanbieder (unique in the message,
   * TR383, and for the aanbieder, TR347).
   */
  public record AangevraagdProduct(
      String referentieAanbieder,
      Long beschikkingNummer,
      Product product,
      LocalDate beschikkingIngangsdatum,
      LocalDate toewijzingIngangsdatum,
      LocalDate toewijzingEinddatum,
      Omvang omvang,
      Long budget,
      Verwijzer verwijzer,
      JaNee raamcontract,
      String commentaar) {

    public AangevraagdProduct {
      Objects.requireNonNull(referentieAanbieder, "referentieAanbieder");
      Objects.requireNonNull(toewijzingIngangsdatum, "toewijzingIngangsdatum");
      Objects.requireNonNull(verwijzer, "verwijzer");
    }

    public Periode periode() {
      return new Periode(toewijzingIngangsdatum, toewijzingEinddatum);
    }
  }

  public static Klassepad aangevraagdProduct(int i) {
    return Klassepad.CLIENT.kind(Berichtklasse.AANGEVRAAGD_PRODUCT, i);
  }
}
