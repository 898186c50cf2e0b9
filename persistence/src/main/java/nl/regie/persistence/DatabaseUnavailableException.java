package nl.regie.persistence;

/** The database cannot be reached or used; the message is one line for the operator. */
public class DatabaseUnavailableException extends RuntimeException {

  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
