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
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Proves who asks from a bearer JWT, with Nimbus JOSE+JWT: HS256 with a shared secret (one node,
 * development, tests), or RS256/ES256 against the JWKS of an OIDC provider with its issuer and
 * audience (production). A token needs {@code sub} and {@code exp}; {@code exp} and {@code nbf}
 * are checked against the injected clock, with a minute of skew. Unsigned ({@code alg: none}) and
 * otherwise signed tokens are refused.
 */
public final class TokenVerifier {

  private final ConfigurableJWTProcessor<SecurityContext> processor;

  private TokenVerifier(ConfigurableJWTProcessor<SecurityContext> processor) {
    this.processor = processor;
  }

  public static TokenVerifier hmac(byte[] secret, Clock clock) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(secret)));
    processor.setJWTClaimsSetVerifier(claims(null, null, clock));
    return new TokenVerifier(processor);
  }

  public static TokenVerifier jwks(URL jwks, String issuer, String audience, Clock clock) {
    JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwks).retrying(true).build();
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
    processor.setJWTClaimsSetVerifier(claims(issuer, audience, clock));
    return new TokenVerifier(processor);
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

  /** Who the token says asks; its unknown roles are ignored, an aanbieder without {@code agb} is refused. */
  public Principal verify(String token) throws InvalidTokenException {
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
      return new Principal(claims.getSubject(), roles, new HashSet<>(strings(claims.getStringListClaim("gemeenten"))), agb);
    } catch (ParseException e) {
      throw new InvalidTokenException("a claim has the wrong type: " + e.getMessage(), e);
    }
  }

  private static List<String> strings(List<String> claim) {
    return claim == null ? List.of() : new ArrayList<>(claim);
  }
}
