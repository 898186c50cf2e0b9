package nl.regie.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens as an OIDC provider (RS256 and ES256 keys published as a JWKS over HTTP, with issuer and
 * audience) and a shared secret (HS256) issue them, judged on an injected clock: what proves who
 * asks, and each way a token fails to.
 */
class TokenVerifierTest {

  static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String ISSUER = "https://idp.venlo.example/realms/regie";
  static final String AUDIENCE = "regie";
  static final byte[] SECRET = "a-shared-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);

  static RSAKey rsa;
  static ECKey ec;
  static HttpServer idp;
  static TokenVerifier oidc;
  static final TokenVerifier shared = TokenVerifier.hmac(SECRET, CLOCK);

  @BeforeAll
  static void publishKeys() throws Exception {
    rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    byte[] jwks = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString().getBytes(StandardCharsets.UTF_8);
    idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    idp.createContext("/certs", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, jwks.length);
      exchange.getResponseBody().write(jwks);
      exchange.close();
    });
    idp.start();
    oidc = TokenVerifier.jwks(new URL("http://127.0.0.1:" + idp.getAddress().getPort() + "/certs"), ISSUER, AUDIENCE, CLOCK);
  }

  @AfterAll
  static void stop() {
    idp.stop(0);
  }

  static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder().subject("medewerker-17").issuer(ISSUER).audience(AUDIENCE)
        .issueTime(Date.from(NOW.minusSeconds(60))).expirationTime(Date.from(NOW.plus(Duration.ofMinutes(5))))
        .claim("roles", List.of("backoffice", "supervisor", "onbekend")).claim("gemeenten", List.of("0983"));
  }

  static String sign(JWSSigner signer, JWSAlgorithm alg, String keyId, JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(keyId).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  static String rs256(JWTClaimsSet claims) throws JOSEException {
    return sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, "rsa-1", claims);
  }

  @Test
  void anOidcProvidersTokensProveWhoAsks() throws Exception {
    Principal byRsa = oidc.verify(rs256(claims().build()));
    assertEquals(new Principal("medewerker-17", Set.of(Role.BACKOFFICE, Role.SUPERVISOR), Set.of("0983"), null), byRsa);
    Principal byEc = oidc.verify(sign(new ECDSASigner(ec), JWSAlgorithm.ES256, "ec-1",
        claims().claim("roles", List.of("aanbieder")).claim("agb", "12345678").build()));
    assertEquals(new Principal("medewerker-17", Set.of(Role.AANBIEDER), Set.of("0983"), "12345678"), byEc);
  }

  @Test
  void anOidcTokenOfAnotherIssuerAudienceOrKeyProvesNothing() throws Exception {
    assertThrows(InvalidTokenException.class, () -> oidc.verify(rs256(claims().issuer("https://elders.example").build())));
    assertThrows(InvalidTokenException.class, () -> oidc.verify(rs256(claims().audience("andere-app").build())));
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    assertThrows(InvalidTokenException.class,
        () -> oidc.verify(sign(new RSASSASigner(stranger), JWSAlgorithm.RS256, "rsa-1", claims().build())));
    // A token signed with HS256 is not one of the provider's, whatever the secret.
    assertThrows(InvalidTokenException.class, () -> oidc.verify(sign(new MACSigner(SECRET), JWSAlgorithm.HS256, null, claims().build())));
    assertThrows(InvalidTokenException.class, () -> oidc.verify(new PlainJWT(claims().build()).serialize()));
  }

  @Test
  void timesAreJudgedOnRegiesClockWithAMinuteOfSkew() throws Exception {
    assertThrows(InvalidTokenException.class,
        () -> oidc.verify(rs256(claims().expirationTime(Date.from(NOW.minus(Duration.ofMinutes(2)))).build())));
    assertThrows(InvalidTokenException.class,
        () -> oidc.verify(rs256(claims().notBeforeTime(Date.from(NOW.plus(Duration.ofMinutes(2)))).build())));
    oidc.verify(rs256(claims().expirationTime(Date.from(NOW.minusSeconds(30))).build()));
    oidc.verify(rs256(claims().notBeforeTime(Date.from(NOW.plusSeconds(30))).build()));
  }

  @Test
  void aTokenVerifiedOnceIsStillJudgedOnTheClockAtEveryUse() throws Exception {
    AtomicReference<Instant> now = new AtomicReference<>(NOW);
    Clock moving = new Clock() {
      @Override
      public Instant instant() {
        return now.get();
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }
    };
    TokenVerifier verifier = TokenVerifier.hmac(SECRET, moving);
    String token = sign(new MACSigner(SECRET), JWSAlgorithm.HS256, null, new JWTClaimsSet.Builder().subject("t")
        .notBeforeTime(Date.from(NOW.plusSeconds(120))).expirationTime(Date.from(NOW.plusSeconds(600)))
        .claim("roles", List.of("toegang")).build());
    assertThrows(InvalidTokenException.class, () -> verifier.verify(token), "not yet");
    now.set(NOW.plusSeconds(61));
    assertEquals("t", verifier.verify(token).sub(), "within the minute of skew before nbf");
    assertEquals("t", verifier.verify(token).sub(), "remembered");
    now.set(NOW.plusSeconds(659));
    assertEquals("t", verifier.verify(token).sub(), "within the minute of skew after exp");
    now.set(NOW.plusSeconds(661));
    assertThrows(InvalidTokenException.class, () -> verifier.verify(token), "expired, though verified before");
  }

  @Test
  void aSharedSecretsTokens() throws Exception {
    JWTClaimsSet plain = new JWTClaimsSet.Builder().subject("t").expirationTime(Date.from(NOW.plusSeconds(600)))
        .claim("roles", List.of("toegang")).claim("gemeenten", List.of("0983", "0935")).build();
    assertEquals(new Principal("t", Set.of(Role.TOEGANG), Set.of("0983", "0935"), null),
        shared.verify(sign(new MACSigner(SECRET), JWSAlgorithm.HS256, null, plain)));
    assertThrows(InvalidTokenException.class, () -> shared.verify(new PlainJWT(plain).serialize()));
    assertThrows(InvalidTokenException.class, () -> shared.verify(rs256(plain)));
    assertThrows(InvalidTokenException.class, () -> shared.verify("eyJhbGciOiJIUzI1NiJ9.bm9wZQ.c2ln"));
    JWTClaimsSet noExpiry = new JWTClaimsSet.Builder().subject("t").claim("roles", List.of("toegang")).build();
    assertThrows(InvalidTokenException.class, () -> shared.verify(sign(new MACSigner(SECRET), JWSAlgorithm.HS256, null, noExpiry)));
    JWTClaimsSet aanbiederWithoutAgb = new JWTClaimsSet.Builder().subject("t").expirationTime(Date.from(NOW.plusSeconds(600)))
        .claim("roles", List.of("aanbieder")).build();
    assertThrows(InvalidTokenException.class,
        () -> shared.verify(sign(new MACSigner(SECRET), JWSAlgorithm.HS256, null, aanbiederWithoutAgb)));
    JWTClaimsSet rolesNotAList = new JWTClaimsSet.Builder().subject("t").expirationTime(Date.from(NOW.plusSeconds(600)))
        .claim("roles", 7).build();
    assertThrows(InvalidTokenException.class, () -> shared.verify(sign(new MACSigner(SECRET), JWSAlgorithm.HS256, null, rolesNotAList)));
  }
}
