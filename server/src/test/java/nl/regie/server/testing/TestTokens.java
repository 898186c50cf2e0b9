package nl.regie.server.testing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import nl.regie.protocol.codes.Gemeenten;
import nl.regie.server.access.Principal;
import nl.regie.server.access.Role;
import nl.regie.server.access.TokenMinter;

/**
 * The secret every server under test verifies with, and tokens signed with it. Valid for ten years
 * of the system clock, so that a test's virtual clock may run ahead of the day it runs.
 */
public final class TestTokens {

  public static final String SECRET = "regie-test-secret-that-is-long-enough-for-hs256";
  private static final TokenMinter MINTER = new TokenMinter(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
  private static final Set<String> ALL_GEMEENTEN = Gemeenten.all().stream().map(g -> g.code()).collect(Collectors.toSet());

  private TestTokens() {}

  public static String mint(Principal principal) {
    return MINTER.mint(principal, Duration.ofDays(3650));
  }

  /**
   * A token that may do everything a test of the case life needs: toegang, backoffice, supervisor
   * of every gemeente, and admin (which also posts berichten in any aanbieder's name).
   */
  public static String everything() {
    return EVERYTHING;
  }

  /** The same, signed with another server's {@code secret} (a development-mode server's, say). */
  public static String everything(byte[] secret) {
    return new TokenMinter(secret, Clock.systemUTC()).mint(EVERYONE, Duration.ofDays(3650));
  }

  private static final Principal EVERYONE =
      new Principal("test-everything", Set.of(Role.TOEGANG, Role.BACKOFFICE, Role.SUPERVISOR, Role.ADMIN), ALL_GEMEENTEN, null);
  private static final String EVERYTHING = mint(EVERYONE);

  /** {@code role} of {@code gemeenten}. */
  public static String of(Role role, String... gemeenten) {
    return mint(new Principal("test-" + role.claim() + "-" + String.join("-", gemeenten), Set.of(role), Set.of(gemeenten), null));
  }

  public static String aanbieder(String agb) {
    return mint(new Principal("test-aanbieder-" + agb, Set.of(Role.AANBIEDER), Set.of(), agb));
  }

  public static String admin() {
    return mint(new Principal("test-admin", Set.of(Role.ADMIN), Set.of(), null));
  }
}
