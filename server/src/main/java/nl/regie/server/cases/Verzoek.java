package nl.regie.server.cases;

import java.time.LocalDate;
import java.util.List;
import nl.regie.protocol.codes.RedenAfwijzingVerzoek;
import nl.regie.protocol.codes.RedenVerzoek;
import nl.regie.protocol.codes.VerzoekAntwoord;
import nl.regie.protocol.iwmo.bericht.Product;
import nl.regie.protocol.cases.Omvang;
import nl.regie.protocol.cases.VerzoekProductSoort;
import nl.regie.protocol.cases.VerzoekStatus;

/**
 * One verzoek of an aanbieder that the case accepted, known by the aanbieder's ReferentieAanbieder:
 * one AangevraagdProduct of a WMO315 (each is answered on its own, OP274), or a whole WMO317 (one
 * answer for all of it, OP344). The gemeente answers it with a WMO319, or honours it with a WMO301
 * that carries the reference (TR379).
 *
 * @param berichtsoort {@code WMO315} or {@code WMO317}
 * @param berichtId the stored verzoek; the products of one WMO315 share it
 * @param redenVerzoek why a WMO317 was sent; null for a WMO315
 * @param redenAfwijzing set once a WMO319 rejected it
 * @param toewijzingNummers the toewijzingen that honoured it
 */
public record Verzoek(
    String aanbieder,
    String referentieAanbieder,
    String berichtsoort,
    long berichtId,
    LocalDate dagtekening,
    RedenVerzoek redenVerzoek,
    List<Gevraagd> producten,
    VerzoekStatus status,
    RedenAfwijzingVerzoek redenAfwijzing,
    List<Long> toewijzingNummers) {

  /**
   * A product as the verzoek names it: a current toewijzing kept or changed ({@code
   * toewijzingNummer}), or a product asked for ({@code product}: a productcode, a categorie of two
   * digits, or null for a budget without categorie).
   */
  public record Gevraagd(
      VerzoekProductSoort soort,
      Long toewijzingNummer,
      String product,
      LocalDate ingangsdatum,
      LocalDate einddatum,
      Omvang omvang,
      Long budget) {

    /** The iWmo form of a product as a verzoek names it. */
    static String product(Product product) {
      if (product == null) return null;
      return product.code() != null ? product.code() : product.categorie().code();
    }

    static Omvang omvang(nl.regie.protocol.iwmo.bericht.Omvang omvang) {
      return omvang == null ? null : new Omvang(Math.toIntExact(omvang.volume()), omvang.eenheid(), omvang.frequentie());
    }
  }

  public Verzoek {
    producten = List.copyOf(producten);
    toewijzingNummers = toewijzingNummers == null ? List.of() : List.copyOf(toewijzingNummers);
  }

  static Verzoek ontvangen(String aanbieder, String referentie, String berichtsoort, long berichtId, LocalDate dagtekening,
      RedenVerzoek reden, List<Gevraagd> producten) {
    return new Verzoek(aanbieder, referentie, berichtsoort, berichtId, dagtekening, reden, producten,
        VerzoekStatus.ONTVANGEN, null, List.of());
  }

  boolean is(String agb, String referentie) {
    return aanbieder.equals(agb) && referentieAanbieder.equals(referentie);
  }

  /** A WMO317: answered as a whole, and honoured by a WMO301 whose every product carries its reference (IV097). */
  boolean isWijziging() {
    return "WMO317".equals(berichtsoort);
  }

  Verzoek beantwoord(VerzoekAntwoord antwoord, RedenAfwijzingVerzoek reden) {
    VerzoekStatus next = antwoord == VerzoekAntwoord.VERZOEK_AFGEWEZEN ? VerzoekStatus.AFGEWEZEN : VerzoekStatus.IN_ONDERZOEK;
    return new Verzoek(aanbieder, referentieAanbieder, berichtsoort, berichtId, dagtekening, redenVerzoek, producten, next,
        reden, toewijzingNummers);
  }

  Verzoek gehonoreerd(List<Long> nummers) {
    return new Verzoek(aanbieder, referentieAanbieder, berichtsoort, berichtId, dagtekening, redenVerzoek, producten,
        VerzoekStatus.GEHONOREERD, null, nummers);
  }
}
