package nl.regie.server;

/** The server cannot start; the message is the one line an operator needs. */
public class StartupException extends RuntimeException {

  public StartupException(String message) {
    super(message);
  }

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
