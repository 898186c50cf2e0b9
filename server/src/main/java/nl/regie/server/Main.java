package nl.regie.server;

import nl.regie.persistence.DatabaseUnavailableException;

/**
 * Starts one Regie node with the configuration from application.conf and the environment. When it
 * cannot start it prints one line saying why and exits with status 1.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    try {
      RegieServer.start(RegieServer.defaultConfig());
    } catch (StartupException | DatabaseUnavailableException e) {
      System.err.println("regie: " + e.getMessage());
      System.exit(1);
    }
  }
}
