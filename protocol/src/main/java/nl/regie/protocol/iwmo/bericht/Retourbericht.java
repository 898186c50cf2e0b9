package nl.regie.protocol.iwmo.bericht;

/**
 * A bericht that answers a heenbericht with retourcodes per berichtklasse: 302, 306, 308, 316,
 * 318, 320 and 325. Its content repeats the heenbericht's (or, for 325, the rejected part of it);
 * {@link #retourcodes()} holds the codes, the header's under {@link Klassepad#HEADER}.
 */
public sealed interface Retourbericht extends Bericht
    permits Wmo302, Wmo306, Wmo308, Wmo316, Wmo318, Wmo320, Wmo325 {

  Retourcodes retourcodes();

  /** Whether the heenbericht was accepted entirely: no klasse has a rejecting code. */
  default boolean heenIsGoedgekeurd() {
    return !retourcodes().heeftAfkeur();
  }
}
