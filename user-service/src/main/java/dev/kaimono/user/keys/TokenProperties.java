package dev.kaimono.user.keys;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are signed and what they say.
 *
 * @param issuer the {@code iss} claim
 * @param audience the {@code aud} claim every Kaimono service expects
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token
 * @param refreshFamilyLifetime how long after its login a refresh-token family dies, however often it was rotated
 * @param signingKey the active private key, PKCS#8 PEM ({@code KAIMONO_JWT_SIGNING_KEY})
 * @param signingKeyId the {@code kid} of the active key ({@code KAIMONO_JWT_SIGNING_KEY_ID})
 * @param keyDirectory where the active, next and previous keys are kept when no {@code signingKey} is set
 *        ({@code KAIMONO_JWT_KEY_DIR}; layout in {@code KeyDirectory})
 * @param previousKeys retired public keys still published in the JWK set while tokens they signed live
 * @param generateKeyIfMissing generate an ephemeral key when neither a key nor a key directory is configured
 *        (local runs only)
 */
@ConfigurationProperties("kaimono.security.jwt")
public record TokenProperties(
        @DefaultValue("urn:kaimono:user-service") String issuer,
        @DefaultValue("kaimono-api") String audience,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("30d") Duration refreshFamilyLifetime,
        String signingKey,
        String signingKeyId,
        String keyDirectory,
        @DefaultValue List<PublicKey> previousKeys,
        boolean generateKeyIfMissing) {

    /** A public key kept for verification after rotation. */
    public record PublicKey(String kid, String pem) {
    }
}
