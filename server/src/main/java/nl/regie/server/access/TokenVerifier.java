package nl.regie.server.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Proves who asks from a bearer JWT, with Nimbus JOSE+JWT: HS256 with a shared secret (one node,
 * development, tests), or RS256/ES256 against the JWKS of an OIDC provider with its issuer and
 * audience (production). A token needs {@code sub} and {@code exp}; {@code exp} and {@code nbf}
 * are checked against the injected clock, with a minute of skew. Unsigned ({@code alg: none}) and
 * otherwise signed tokens are refused.
 */
public final class TokenVerifier {

  /** The skew Nimbus allows on {@code exp} and {@code nbf} ({@link DefaultJWTClaimsVerifier}'s default). */
  private static final Duration SKEW = Duration.ofSeconds(DefaultJWTClaimsVerifier.DEFAULT_MAX_CLOCK_SKEW_SECONDS);
  /** Enough for every client of a region at once; a token is a few hundred bytes. */
  private static final int REMEMBERED = 10_000;

  private final ConfigurableJWTProcessor<SecurityContext> processor;
  private final Clock clock;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private TokenVerifier(ConfigurableJWTProcessor<SecurityContext> processor, Clock clock) {
    this.processor = processor;
    this.clock = clock;
  }

  public static TokenVerifier hmac(byte[] secret, Clock clock) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(secret)));
    processor.setJWTClaimsSetVerifier(claims(null, null, clock));
    return new TokenVerifier(processor, clock);
  }

  public static TokenVerifier jwks(URL jwks, String issuer, String audience, Clock clock) {
    JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwks).retrying(true).build();
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
    processor.setJWTClaimsSetVerifier(claims(issuer, audience, clock));
    return new TokenVerifier(processor, clock);
  }

  private static DefaultJWTClaimsVerifier<SecurityContext> claims(String issuer, String audience, Clock clock) {
    JWTClaimsSet exact = issuer == null ? new JWTClaimsSet.Builder().build() : new JWTClaimsSet.Builder().issuer(issuer).build();
    return new DefaultJWTClaimsVerifier<>(audience, exact, Set.of("sub", "exp")) {
      @Override
      protected Date currentTime() {
        return Date.from(clock.instant());
      }
    };
  }

  /**
   * Who the token says asks; its unknown roles are ignored, an aanbieder without {@code agb} is
   * refused. A client sends the same token with every request until it expires, so a token once
   * verified is remembered, by its exact text, for as long as its {@code nbf} and {@code exp}
   * allow: its signature is checked once, not per request.
   */
  public Principal verify(String token) throws InvalidTokenException {
    Instant now = clock.instant();
    Verified known = verified.get(token);
    if (known != null && known.validAt(now)) return known.principal();
    Verified fresh = check(token);
    // Crude but bounded: a full map starts again rather than keeping an order of use per request.
    if (verified.size() >= REMEMBERED) verified.clear();
    verified.put(token, fresh);
    return fresh.principal();
  }

  /** A token whose signature and claims held: who it names and when it holds. */
  private record Verified(Principal principal, Instant from, Instant until) {

    boolean validAt(Instant now) {
      return !now.isBefore(from) && now.isBefore(until);
    }
  }

  private Verified check(String token) throws InvalidTokenException {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new InvalidTokenException(e.getMessage(), e);
    }
    try {
      Set<Role> roles = new HashSet<>();
      for (String claim : strings(claims.getStringListClaim("roles"))) Role.ofClaim(claim).ifPresent(roles::add);
      String agb = claims.getStringClaim("agb");
      if (roles.contains(Role.AANBIEDER) && (agb == null || !agb.matches("\\d{8}"))) {
        throw new InvalidTokenException("an aanbieder's token carries its agb, eight digits");
      }
      Principal principal = new Principal(claims.getSubject(), roles, new HashSet<>(strings(claims.getStringListClaim("gemeenten"))), agb);
      Instant from = claims.getNotBeforeTime() == null ? Instant.MIN : claims.getNotBeforeTime().toInstant().minus(SKEW);
      return new Verified(principal, from, claims.getExpirationTime().toInstant().plus(SKEW));
    } catch (ParseException e) {
      throw new InvalidTokenException("a claim has the wrong type: " + e.getMessage(), e);
    }
  }

  private static List<String> strings(List<String> claim) {
    return claim == null ? List.of() : new ArrayList<>(claim);
  }
}
