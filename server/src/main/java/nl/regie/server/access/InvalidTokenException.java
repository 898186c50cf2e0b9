package nl.regie.server.access;

/** A bearer token that does not prove who asks: malformed, unsigned, wrongly signed, expired, not yet valid. */
public final class InvalidTokenException extends Exception {

  public InvalidTokenException(String message) {
    super(message);
  }

  public InvalidTokenException(String message, Throwable cause) {
    super(message, cause);
  }
}
