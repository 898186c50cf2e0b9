package nl.regie.protocol.iwmo.bouw;

import java.time.Clock;
import java.time.ZoneOffset;
import nl.regie.protocol.iwmo.bericht.Heenbericht;
import nl.regie.protocol.iwmo.regels.Beoordeling;
import nl.regie.protocol.iwmo.regels.StatelozeRegels;
import nl.regie.protocol.iwmo.xml.IwmoXml;

/** The check every bericht Regie makes passes before it leaves a builder. */
final class Controle {

  private Controle() {}

  /** The standard rules, with the system date on the Dagtekening so TR135 holds by definition. */
  static StatelozeRegels standaard(Heenbericht bericht) {
    Clock klok = Clock.fixed(bericht.header().dagtekening().atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    return StatelozeRegels.standaard(klok);
  }

  /**
   * Returns {@code bericht} when it passes {@code regels} and its schema.
   *
   * @throws OngeldigBerichtException when a rule is broken
   * @throws nl.regie.protocol.iwmo.xml.IwmoXmlException when the schema is not met
   */
  static <T extends Heenbericht> T gecontroleerd(T bericht, StatelozeRegels regels) {
    Beoordeling b = regels.beoordeel(bericht);
    if (!b.isGoedgekeurd()) throw new OngeldigBerichtException(bericht.soort().name(), b.bevindingen());
    IwmoXml.write(bericht);
    return bericht;
  }
}
