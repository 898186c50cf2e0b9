package nl.regie.protocol.aanbieder;

/** A register file that cannot be used. The message starts with the file and names the aanbieder and field. */
public class AanbiedersregisterException extends RuntimeException {

  public AanbiedersregisterException(String message) {
    super(message);
  }

  public AanbiedersregisterException(String message, Throwable cause) {
    super(message, cause);
  }
}
