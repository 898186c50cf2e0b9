package nl.regie.server.access;

import com.typesafe.config.Config;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How Regie knows who asks ({@code regie.auth}): a shared HS256 secret ({@code
 * REGIE_JWT_SECRET}, at least 32 bytes), or the JWKS of an OIDC provider ({@code
 * REGIE_JWT_JWKS_URL}) with the issuer and audience its tokens must carry. Neither: development
 * mode, on the embedded database only.
 */
public record AuthSettings(Optional<byte[]> secret, Optional<URL> jwks, String issuer, String audience) {

  public static AuthSettings from(Config regie) {
    String secret = regie.getString("auth.jwt-secret");
    String jwks = regie.getString("auth.jwks-url");
    if (!secret.isBlank() && !jwks.isBlank()) {
      throw new IllegalArgumentException("set either REGIE_JWT_SECRET or REGIE_JWT_JWKS_URL, not both");
    }
    if (!secret.isBlank() && secret.getBytes(StandardCharsets.UTF_8).length < 32) {
      throw new IllegalArgumentException("REGIE_JWT_SECRET must be at least 32 bytes (HS256)");
    }
    String issuer = regie.getString("auth.issuer");
    String audience = regie.getString("auth.audience");
    URL url = null;
    if (!jwks.isBlank()) {
      if (issuer.isBlank() || audience.isBlank()) {
        throw new IllegalArgumentException("with REGIE_JWT_JWKS_URL, set REGIE_JWT_ISSUER and REGIE_JWT_AUDIENCE too");
      }
      try {
        url = URI.create(jwks).toURL();
      } catch (IllegalArgumentException | MalformedURLException e) {
        throw new IllegalArgumentException("REGIE_JWT_JWKS_URL is not a URL: " + jwks);
      }
    }
    return new AuthSettings(secret.isBlank() ? Optional.empty() : Optional.of(secret.getBytes(StandardCharsets.UTF_8)),
        Optional.ofNullable(url), issuer, audience);
  }

  public boolean configured() {
    return secret.isPresent() || jwks.isPresent();
  }
}
