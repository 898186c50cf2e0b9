package nl.regie.protocol.iwmo.bericht;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.regie.protocol.codes.RedenVerzoek;

/**
 * WMO317 Verzoek om wijziging (VOW): the aanbieder asks to change a cliënt's current toewijzingen.
 * It names every current toewijzing as unchanged or to be changed (TR349) and may ask for new
 * products. Answered by a 318, then within five werkdagen by a 301 or a 319 (OP346).
 */
public record Wmo317(Header header, Client client) implements Heenbericht {

  public Wmo317 {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(client, "client");
  }

  @Override
  public Berichtsoort soort() {
    return Berichtsoort.WMO317;
  }

  @Override
  public List<Klassepad> klassen() {
    return client.klassen();
  }

  /** The cliënt (by BSN only) and the request. */
  public record Client(String bsn, Verzoek verzoek) {
    public Client {
      Objects.requireNonNull(bsn, "bsn");
      Objects.requireNonNull(verzoek, "verzoek");
    }

    List<Klassepad> klassen() {
      List<Klassepad> paden = new ArrayList<>();
      paden.add(Klassepad.CLIENT);
      paden.add(VERZOEK);
      for (int i = 0; i < verzoek.ongewijzigdeProducten().size(); i++) paden.add(ongewijzigdProduct(i));
      for (int i = 0; i < verzoek.teWijzigenProducten().size(); i++) paden.add(teWijzigenProduct(i));
      for (int i = 0; i < verzoek.nieuweProducten().size(); i++) paden.add(nieuwProduct(i));
      return paden;
    }
  }

  /** The request, identified by the aanbieder's ReferentieAanbieder. */
  public record Verzoek(
      String referentieAanbieder,
      RedenVerzoek redenVerzoek,
      List<OngewijzigdProduct> ongewijzigdeProducten,
      List<TeWijzigenProduct> teWijzigenProducten,
      List<NieuwProduct> nieuweProducten) {

    public Verzoek {
      Objects.requireNonNull(referentieAanbieder, "referentieAanbieder");
      Objects.requireNonNull(redenVerzoek, "redenVerzoek");
      ongewijzigdeProducten =
          ongewijzigdeProducten == null ? List.of() : List.copyOf(ongewijzigdeProducten);
      teWijzigenProducten = teWijzigenProducten == null ? List.of() : List.copyOf(teWijzigenProducten);
      nieuweProducten = nieuweProducten == null ? List.of() : List.copyOf(nieuweProducten);
    }
  }

  /** A current toewijzing that is to continue unchanged. */
  public record OngewijzigdProduct(long toewijzingNummer) {}

  /** A current toewijzing to change from GewensteIngangsdatum on. */
  public record TeWijzigenProduct(
      long toewijzingNummer,
      LocalDate gewensteIngangsdatum,
      LocalDate einddatum,
      Omvang omvang,
      Long budget) {

    public TeWijzigenProduct {
      Objects.requireNonNull(gewensteIngangsdatum, "gewensteIngangsdatum");
    }

    public Periode periode() {
      return new Periode(gewensteIngangsdatum, einddatum);
    }
  }

  /** A product to assign in addition. */
  public record NieuwProduct(
      Product product, LocalDate gewensteIngangsdatum, LocalDate einddatum, Omvang omvang, Long budget) {

    public NieuwProduct {
      Objects.requireNonNull(gewensteIngangsdatum, "gewensteIngangsdatum");
    }

    public Periode periode() {
      return new Periode(gewensteIngangsdatum, einddatum);
    }
  }

  public static final Klassepad VERZOEK = Klassepad.CLIENT.kind(Berichtklasse.VERZOEK);

  public static Klassepad ongewijzigdProduct(int i) {
    return VERZOEK.kind(Berichtklasse.ONGEWIJZIGD_PRODUCT, i);
  }

  public static Klassepad teWijzigenProduct(int i) {
    return VERZOEK.kind(Berichtklasse.TE_WIJZIGEN_PRODUCT, i);
  }

  public static Klassepad nieuwProduct(int i) {
    return VERZOEK.kind(Berichtklasse.NIEUW_PRODUCT, i);
  }
}
