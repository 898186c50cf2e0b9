package nl.regie.protocol.iwmo.bericht;

import java.util.Objects;
import nl.regie.protocol.codes.DebetCredit;

/**
 * CDT_BedragMetDC and CDT_TotaalBedragMetDC: an amount in eurocent (IV024), never negative, with
 * debet or credit. A zero amount is debet (CS325).
 */
public record Bedrag(long bedrag, DebetCredit debetCredit) {
  public Bedrag {
    Objects.requireNonNull(debetCredit, "debetCredit");
    if (bedrag < 0) throw new IllegalArgumentException("bedrag < 0; use debetCredit");
  }

  public static final Bedrag NUL = new Bedrag(0, DebetCredit.DEBET);

  /** The amount with its sign: debet positive, credit negative. */
  public long saldo() {
    return debetCredit == DebetCredit.CREDIT ? -bedrag : bedrag;
  }

  /** The amount for a signed saldo: negative becomes credit, zero debet. */
  public static Bedrag vanSaldo(long saldo) {
    return saldo < 0 ? new Bedrag(-saldo, DebetCredit.CREDIT) : new Bedrag(saldo, DebetCredit.DEBET);
  }
}
