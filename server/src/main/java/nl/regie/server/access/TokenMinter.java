package nl.regie.server.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Signs HS256 tokens with the shared secret: for development mode, the {@code token} command and tests. */
public final class TokenMinter {

  private final MACSigner signer;
  private final Clock clock;

  public TokenMinter(byte[] secret, Clock clock) {
    try {
      this.signer = new MACSigner(secret);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the JWT secret must be at least 32 bytes", e);
    }
    this.clock = clock;
  }

  public String mint(Principal principal, Duration validFor) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .subject(principal.sub())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(validFor)))
        .claim("roles", principal.roles().stream().map(Role::claim).sorted().toList());
    if (!principal.gemeenten().isEmpty()) claims.claim("gemeenten", List.copyOf(new java.util.TreeSet<>(principal.gemeenten())));
    if (principal.agb() != null) claims.claim("agb", principal.agb());
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return jwt.serialize();
  }
}
