package dev.kaimono.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints access tokens the way user-service does (RS256, {@code iss}, {@code aud}, {@code sub}, {@code roles}),
 * and the forgeries the gateway must refuse.
 */
public final class Tokens {

    public static final String ISSUER = "urn:kaimono:user-service";
    public static final String AUDIENCE = "kaimono-api";

    /** The two keys user-service publishes (several keys, so keys can rotate). */
    public static final RSAKey CURRENT_KEY = rsaKey("kaimono-test-current");
    public static final RSAKey PREVIOUS_KEY = rsaKey("kaimono-test-previous");

    /** A key nobody publishes, once under a published kid (forged signature), once under its own. */
    private static final RSAKey IMPOSTOR_UNDER_PUBLISHED_KID = rsaKey(CURRENT_KEY.getKeyID());
    private static final RSAKey UNPUBLISHED_KEY = rsaKey("kaimono-test-unpublished");

    private Tokens() {
    }

    public static JWKSet publishedKeys() {
        return new JWKSet(List.<JWK>of(CURRENT_KEY, PREVIOUS_KEY)).toPublicJWKSet();
    }

    public static String shopper() {
        return signed(CURRENT_KEY, claims(newSubject(), "CUSTOMER").build());
    }

    public static String admin() {
        return signed(CURRENT_KEY, claims(newSubject(), "CUSTOMER", "ADMIN").build());
    }

    public static String newSubject() {
        return UUID.randomUUID().toString();
    }

    /** The claims of a valid token for the subject, issued now and valid for 15 minutes. */
    public static JWTClaimsSet.Builder claims(String subject, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("roles", List.of(roles))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
    }

    public static String signed(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String expired() {
        Instant past = Instant.now().minus(Duration.ofMinutes(20));
        return signed(CURRENT_KEY, claims(newSubject(), "CUSTOMER")
                .issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(15))))
                .build());
    }

    public static String fromOtherIssuer() {
        return signed(CURRENT_KEY, claims(newSubject(), "CUSTOMER").issuer("urn:someone:else").build());
    }

    public static String forOtherAudience() {
        return signed(CURRENT_KEY, claims(newSubject(), "CUSTOMER").audience("another-api").build());
    }

    public static String unsigned() {
        return new PlainJWT(claims(newSubject(), "ADMIN").build()).serialize();
    }

    /** HS256 with the published kid: the classic attempt to use a public key as an HMAC secret. */
    public static String hmacSigned() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                    .keyID(CURRENT_KEY.getKeyID()).build(), claims(newSubject(), "ADMIN").build());
            jwt.sign(new MACSigner(CURRENT_KEY.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String withUnknownKid() {
        return signed(UNPUBLISHED_KEY, claims(newSubject(), "CUSTOMER").build());
    }

    public static String withForgedSignature() {
        return signed(IMPOSTOR_UNDER_PUBLISHED_KID, claims(newSubject(), "ADMIN").build());
    }

    private static RSAKey rsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
