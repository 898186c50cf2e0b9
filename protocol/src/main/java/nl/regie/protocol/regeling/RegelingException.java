package nl.regie.protocol.regeling;

/** A rulebook that cannot be used. The message names the file, the rule and the field. */
public class RegelingException extends RuntimeException {

  public RegelingException(String message) {
    super(message);
  }

  public RegelingException(String message, Throwable cause) {
    super(message, cause);
  }
}
