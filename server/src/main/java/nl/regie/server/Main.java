package nl.regie.server;

import java.time.Clock;
import java.util.Arrays;
import nl.regie.persistence.DatabaseUnavailableException;
import nl.regie.server.access.DevelopmentMode;
import nl.regie.server.access.TokenCommand;

/**
 * Starts one Regie node with the configuration from application.conf and the environment; with
 * {@code token …} it mints a bearer token instead ({@link TokenCommand}). When it cannot do either
 * it prints one line saying why and exits with status 1.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    try {
      if (args.length > 0 && args[0].equals("token")) {
        System.out.println(token(args));
        return;
      }
      RegieServer.start(RegieServer.defaultConfig());
    } catch (StartupException | DatabaseUnavailableException | IllegalArgumentException e) {
      System.err.println("regie: " + e.getMessage());
      System.exit(1);
    }
  }

  /** A token signed with the configured secret or, with none, development mode's. */
  private static String token(String[] args) {
    RegieSettings settings = RegieSettings.from(RegieServer.defaultConfig());
    if (settings.auth().jwks().isPresent()) {
      throw new IllegalArgumentException("tokens come from the OIDC provider at REGIE_JWT_JWKS_URL; Regie mints only HS256 ones");
    }
    byte[] secret = settings.auth().secret().orElseGet(() -> DevelopmentMode.secret(settings.dataDir()));
    return TokenCommand.run(Arrays.asList(args).subList(1, args.length), secret, Clock.systemUTC());
  }
}
