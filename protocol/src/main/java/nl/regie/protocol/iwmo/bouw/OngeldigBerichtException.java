package nl.regie.protocol.iwmo.bouw;

import java.util.List;
import nl.regie.protocol.iwmo.regels.Bevinding;

/**
 * A bericht Regie was asked to make breaks iWmo rules; it is not made. The findings say which.
 * This is a bug or bad input on Regie's side, never something to send to a partner.
 */
public class OngeldigBerichtException extends IllegalArgumentException {

  private final transient List<Bevinding> bevindingen;

  public OngeldigBerichtException(String bericht, List<Bevinding> bevindingen) {
    super(bericht + " breaks iWmo rules: " + bevindingen);
    this.bevindingen = List.copyOf(bevindingen);
  }

  public List<Bevinding> bevindingen() {
    return bevindingen;
  }
}
