package nl.regie.server.access;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code regie-server.jar token --role aanbieder --agb 12345678}: mints a token with the secret the
 * server verifies with ({@code REGIE_JWT_SECRET}, or development mode's in the data folder), for
 * curl, scripts and load tests. Options: {@code --role} (repeatable, or comma-separated), {@code
 * --gemeente} (CBS codes, likewise), {@code --agb}, {@code --sub}, {@code --valid} (an ISO-8601
 * duration, default P30D).
 */
public final class TokenCommand {

  /** What the command line asked for, or why it is wrong. */
  record Request(Principal principal, Duration validFor) {}

  private TokenCommand() {}

  /** Mints the token {@code args} ask for with {@code secret}; an {@link IllegalArgumentException} says what is wrong. */
  public static String run(List<String> args, byte[] secret, Clock clock) {
    Request request = parse(args);
    return new TokenMinter(secret, clock).mint(request.principal(), request.validFor());
  }

  static Request parse(List<String> args) {
    Set<Role> roles = new HashSet<>();
    Set<String> gemeenten = new HashSet<>();
    String agb = null;
    String sub = null;
    Duration valid = Duration.ofDays(30);
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (i + 1 >= args.size()) throw new IllegalArgumentException(option + " needs a value");
      String value = args.get(++i);
      switch (option) {
        case "--role" -> {
          for (String claim : value.split(",")) {
            roles.add(Role.ofClaim(claim.strip()).orElseThrow(() -> new IllegalArgumentException(
                "--role is one of " + Arrays.stream(Role.values()).map(Role::claim).toList() + ", not " + claim)));
          }
        }
        case "--gemeente" -> {
          for (String code : value.split(",")) {
            if (!code.strip().matches("\\d{4}")) throw new IllegalArgumentException("--gemeente is a CBS code of four digits, not " + code);
            gemeenten.add(code.strip());
          }
        }
        case "--agb" -> {
          if (!value.matches("\\d{8}")) throw new IllegalArgumentException("--agb is an AGB code of eight digits, not " + value);
          agb = value;
        }
        case "--sub" -> sub = value;
        case "--valid" -> valid = validity(value);
        default -> throw new IllegalArgumentException("unknown option " + option
            + "; the options are --role, --gemeente, --agb, --sub and --valid");
      }
    }
    if (roles.isEmpty()) throw new IllegalArgumentException("--role is needed");
    if (roles.contains(Role.AANBIEDER) && agb == null) throw new IllegalArgumentException("an aanbieder needs --agb");
    List<Role> gemeenteRoles = new ArrayList<>(List.of(Role.TOEGANG, Role.BACKOFFICE, Role.SUPERVISOR));
    gemeenteRoles.retainAll(roles);
    if (!gemeenteRoles.isEmpty() && gemeenten.isEmpty()) {
      throw new IllegalArgumentException(gemeenteRoles.get(0).claim() + " needs --gemeente (the CBS codes it acts for)");
    }
    if (sub == null) sub = roles.stream().map(Role::claim).sorted().findFirst().orElseThrow() + (agb != null ? "-" + agb : "");
    return new Request(new Principal(sub, roles, gemeenten, agb), valid);
  }

  private static Duration validity(String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--valid is an ISO-8601 duration (P30D, PT8H), not " + text);
    }
  }
}
