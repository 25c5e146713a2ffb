package dev.kaimono.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens for tests, honest and forged: RS256 with a key of the test's own, HMAC-signed,
 * unsigned ({@code alg=none}), expired, for another audience or issuer.
 */
public final class TestTokens {

    public static final String ISSUER = "urn:kaimono:user-service";
    public static final String AUDIENCE = "kaimono-api";

    private TestTokens() {
    }

    /** A fresh 2048-bit RSA key with the given {@code kid}. */
    public static RSAKey rsaKey(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims of a valid 15-minute token for the subject with the roles. */
    public static JWTClaimsSet.Builder claims(String subject, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("roles", List.of(roles));
    }

    public static String rs256(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HS256 token, e.g. signed with the RSA public key as the secret (the classic confusion attack). */
    public static String hs256(byte[] secret, String kid, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
            jwt.sign(new MACSigner(secret.length >= 32 ? secret : pad(secret)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsecured JWT: header {@code {"alg":"none"}} and an empty signature. */
    public static String unsigned(JWTClaimsSet claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = encoder.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    private static byte[] pad(byte[] secret) {
        byte[] padded = new byte[32];
        System.arraycopy(secret, 0, padded, 0, secret.length);
        return padded;
    }
}
