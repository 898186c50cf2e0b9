package nl.regie.protocol.aanbieder;

import java.util.List;
import java.util.Optional;

/**
 * An aanbieder the centrumgemeente admitted to a regeling (a toegelaten aanbieder), with the
 * onderaannemers it may engage. One with onderaannemers is their hoofdaanbieder: it is liable for
 * their care and all berichten about it go through it (004 §2.2).
 *
 * @param agb its AGB code, eight digits
 * @param onderaannemers in the order of the file; empty when it engages none
 */
public record Aanbieder(String agb, String naam, List<Onderaannemer> onderaannemers) {

  public Aanbieder {
    onderaannemers = List.copyOf(onderaannemers);
  }

  /** Its onderaannemer with AGB {@code agb}, if it has one. */
  public Optional<Onderaannemer> onderaannemer(String agb) {
    return onderaannemers.stream().filter(o -> o.agb().equals(agb)).findFirst();
  }

  /** "12345678 (Naam)", for messages. */
  public String beschrijving() {
    return agb + " (" + naam + ")";
  }
}
