package nl.regie.server.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.regie.protocol.codes.Gemeenten;

/**
 * Authentication for a newcomer on the embedded database, with nothing configured: a random
 * secret kept in the data folder ({@code jwt-secret}, readable by its owner only), and a ready
 * token per role beside it ({@code tokens/<role>.jwt}), valid for ten years. Never for a shared
 * database: there, an unconfigured server refuses to start.
 */
public final class DevelopmentMode {

  /** The aanbieder of the development tokens (the README's walk assigns it). */
  public static final String AANBIEDER = "12345678";
  static final Duration VALID = Duration.ofDays(3653);

  private DevelopmentMode() {}

  /** The secret under {@code dataDir}, made the first time. */
  public static byte[] secret(Path dataDir) {
    Path file = dataDir.resolve("jwt-secret");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(dataDir);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // Windows: the folder's own permissions apply.
        }
      }
      return Files.readString(file).trim().getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the development secret in " + file, e);
    }
  }

  /** Writes a token per role to {@code dataDir/tokens}; the gemeente roles act for every gemeente. */
  public static Map<Role, Path> writeTokens(Path dataDir, byte[] secret, Clock clock) {
    TokenMinter minter = new TokenMinter(secret, clock);
    Set<String> gemeenten = Gemeenten.all().stream().map(g -> g.code()).collect(Collectors.toSet());
    Map<Role, Path> written = new TreeMap<>();
    try {
      Path folder = Files.createDirectories(dataDir.resolve("tokens"));
      for (Role role : Role.values()) {
        Principal principal = new Principal("dev-" + role.claim(), Set.of(role),
            role == Role.AANBIEDER || role == Role.ADMIN ? Set.of() : gemeenten, role == Role.AANBIEDER ? AANBIEDER : null);
        Path file = folder.resolve(role.claim() + ".jwt");
        Files.writeString(file, minter.mint(principal, VALID));
        written.put(role, file);
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the development tokens in " + dataDir, e);
    }
  }
}
