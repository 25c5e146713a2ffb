package dev.kaimono.user.keys;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.converter.RsaKeyConverters;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The key set of user-service: one active RSA key that signs, plus retired public keys that still
 * verify. Loaded from configuration (PEM); in local runs a key can be generated at start.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final RSAKey active;
    private final JWKSet keySet;

    private SigningKeys(RSAKey active, List<RSAKey> retired) {
        this.active = active;
        List<JWK> all = new ArrayList<>();
        all.add(active);
        all.addAll(retired);
        this.keySet = new JWKSet(all);
    }

    static SigningKeys from(TokenProperties properties) {
        List<RSAKey> retired = properties.previousKeys().stream()
                .map(key -> rsaKey(RsaKeyConverters.x509().convert(stream(key.pem())), null, key.kid()))
                .toList();
        if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
            RSAPrivateKey privateKey = RsaKeyConverters.pkcs8().convert(stream(properties.signingKey()));
            String kid = properties.signingKeyId() == null || properties.signingKeyId().isBlank()
                    ? "key-1" : properties.signingKeyId();
            return new SigningKeys(rsaKey(publicKeyOf(privateKey), privateKey, kid), retired);
        }
        if (!properties.generateKeyIfMissing()) {
            throw new IllegalStateException("No JWT signing key: set KAIMONO_JWT_SIGNING_KEY to an RSA private key "
                    + "in PKCS#8 PEM (e.g. openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048) and "
                    + "KAIMONO_JWT_SIGNING_KEY_ID to its key id. Only the 'local' profile generates one.");
        }
        RSAKey generated = generate();
        log.warn("No JWT signing key configured: generated an ephemeral RSA key (kid={}) for this local run; "
                + "tokens it signs become invalid when user-service restarts", generated.getKeyID());
        return new SigningKeys(generated, retired);
    }

    /** The private key that signs new tokens. */
    public RSAKey active() {
        return active;
    }

    /** Every key, private parts included (for the encoder and the local decoder). */
    public JWKSet keySet() {
        return keySet;
    }

    /** What {@code /.well-known/jwks.json} publishes: public parts only. */
    public JWKSet publicKeySet() {
        return keySet.toPublicJWKSet();
    }

    private static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return rsaKey((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate(),
                    "local-" + UUID.randomUUID().toString().substring(0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM cannot generate RSA keys", e);
        }
    }

    private static RSAKey rsaKey(RSAPublicKey publicKey, RSAPrivateKey privateKey, String kid) {
        RSAKey.Builder builder = new RSAKey.Builder(publicKey).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
        if (privateKey != null) {
            builder.privateKey(privateKey);
        }
        return builder.build();
    }

    private static RSAPublicKey publicKeyOf(RSAPrivateKey privateKey) {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("The JWT signing key must be an RSA private key with CRT parameters (PKCS#8)");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("Cannot derive the public key of the JWT signing key", e);
        }
    }

    private static ByteArrayInputStream stream(String pem) {
        return new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.UTF_8));
    }
}
