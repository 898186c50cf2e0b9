package nl.regie.protocol.iwmo.regels;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Heenbericht;
import nl.regie.protocol.iwmo.bericht.Klassepad;

/** One run of the rules over one heenbericht: its context and the findings so far. */
final class Toets {

  final Heenbericht bericht;
  /** The Dagtekening in the header, which many rules compare with. */
  final LocalDate dagtekening;
  /** The receiver's system date (TR135). */
  final LocalDate vandaag;

  final Productcodelijst productcodes;
  final Predicate<String> gemeentecodeBestaat;
  private final List<Bevinding> bevindingen = new ArrayList<>();

  Toets(Heenbericht bericht, LocalDate vandaag, Productcodelijst productcodes, Predicate<String> gemeentecodeBestaat) {
    this.bericht = bericht;
    this.dagtekening = bericht.header().dagtekening();
    this.vandaag = vandaag;
    this.productcodes = productcodes;
    this.gemeentecodeBestaat = gemeentecodeBestaat;
  }

  /** A broken rule within the message (controleniveau 2): the message is rejected with 0001. */
  void eis(boolean voldaan, String regel, Klassepad pad, String melding) {
    if (!voldaan) {
      bevindingen.add(new Bevinding(regel, Controleniveau.BERICHTINHOUD, pad, Retourcode.R0001, melding));
    }
  }

  /** A broken rule against an outside source (controleniveau 4), with its own code. */
  void extern(boolean voldaan, String regel, Klassepad pad, Retourcode code, String melding) {
    if (!voldaan) bevindingen.add(new Bevinding(regel, Controleniveau.EXTERNE_BRON, pad, code, melding));
  }

  /**
   * A rule the standard puts at controleniveau 3 but whose breach shows within this one message
   * (e.g. a ReferentieNummer used twice in it).
   */
  void overstijgend(boolean voldaan, String regel, Klassepad pad, Retourcode code, String melding) {
    if (!voldaan) {
      bevindingen.add(new Bevinding(regel, Controleniveau.BERICHTOVERSTIJGEND, pad, code, melding));
    }
  }

  List<Bevinding> bevindingen() {
    return List.copyOf(bevindingen);
  }
}
