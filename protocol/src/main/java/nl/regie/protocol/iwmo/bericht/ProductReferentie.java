package nl.regie.protocol.iwmo.bericht;

import java.util.Objects;

/**
 * CDT_Referentie of a Prestatie: its own ReferentieNummer and, for a credit prestatie, the
 * ReferentieNummer of the debet prestatie it cancels (CD060).
 */
public record ProductReferentie(String referentieNummer, String vorigReferentieNummer) {
  public ProductReferentie {
    Objects.requireNonNull(referentieNummer, "referentieNummer");
  }
}
