package dev.kaimono.user.keys;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The key set of user-service: one active RSA key that signs, plus public keys that only verify (the
 * next key of a rotation, retired ones). The active key comes, in this order of precedence, from
 * {@code KAIMONO_JWT_SIGNING_KEY}, from the {@link KeyDirectory} {@code KAIMONO_JWT_KEY_DIR}, or, in
 * local runs only, is generated for the life of the process.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final RSAKey active;
    private final JWKSet keySet;

    private SigningKeys(RSAKey active, List<RSAKey> verifyOnly) {
        this.active = active;
        Map<String, JWK> byKid = new LinkedHashMap<>();
        byKid.put(active.getKeyID(), active);
        verifyOnly.forEach(key -> byKid.putIfAbsent(key.getKeyID(), key));
        this.keySet = new JWKSet(new ArrayList<>(byKid.values()));
    }

    static SigningKeys from(TokenProperties properties) {
        List<RSAKey> configured = properties.previousKeys().stream()
                .map(key -> rsaKey(RsaKeyConverters.x509().convert(stream(key.pem())), null, key.kid()))
                .toList();
        boolean directory = properties.keyDirectory() != null && !properties.keyDirectory().isBlank();
        if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
            if (directory) {
                log.warn("KAIMONO_JWT_SIGNING_KEY is set, so it signs: the key directory {} (KAIMONO_JWT_KEY_DIR) "
                        + "is not used", properties.keyDirectory());
            }
            RSAPrivateKey privateKey = RsaKeyConverters.pkcs8().convert(stream(properties.signingKey()));
            String kid = properties.signingKeyId() == null || properties.signingKeyId().isBlank()
                    ? "key-1" : properties.signingKeyId();
            return new SigningKeys(rsaKey(publicKeyOf(privateKey), privateKey, kid), configured);
        }
        if (directory) {
            KeyDirectory.Keys keys = KeyDirectory.load(Path.of(properties.keyDirectory()));
            log.info("Signing JWTs with the key of {} (kid={}); {} more published for verification",
                    properties.keyDirectory(), keys.active().getKeyID(), keys.verifyOnly().size() + configured.size());
            List<RSAKey> verifyOnly = new ArrayList<>(keys.verifyOnly());
            verifyOnly.addAll(configured);
            return new SigningKeys(keys.active(), verifyOnly);
        }
        if (!properties.generateKeyIfMissing()) {
            throw new IllegalStateException("No JWT signing key: set KAIMONO_JWT_KEY_DIR to a directory every instance "
                    + "shares and that survives restarts (the key is made there at the first start), or set "
                    + "KAIMONO_JWT_SIGNING_KEY to an RSA private key in PKCS#8 PEM (e.g. openssl genpkey -algorithm RSA "
                    + "-pkeyopt rsa_keygen_bits:2048) and KAIMONO_JWT_SIGNING_KEY_ID to its key id. Only the 'local' "
                    + "profile generates a key of its own.");
        }
        KeyPair pair = newKeyPair();
        RSAKey generated = rsaKey((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate(),
                "local-" + UUID.randomUUID().toString().substring(0, 8));
        log.warn("No JWT signing key configured: generated an ephemeral RSA key (kid={}) for this local run. Tokens it "
                + "signs die with this process (a restart logs every shopper out) and other instances sign with keys "
                + "of their own: set KAIMONO_JWT_KEY_DIR to keep the key in a directory", generated.getKeyID());
        return new SigningKeys(generated, configured);
    }

    /** The private key that signs new tokens. */
    public RSAKey active() {
        return active;
    }

    /** Every key, the private part of the active one included (for the encoder and the local decoder). */
    public JWKSet keySet() {
        return keySet;
    }

    /** What {@code /.well-known/jwks.json} publishes: public parts only. */
    public JWKSet publicKeySet() {
        return keySet.toPublicJWKSet();
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM cannot generate RSA keys", e);
        }
    }

    static RSAPublicKey publicKeyOf(RSAPrivateKey privateKey) {
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

    private static RSAKey rsaKey(RSAPublicKey publicKey, RSAPrivateKey privateKey, String kid) {
        RSAKey.Builder builder = new RSAKey.Builder(publicKey).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
        if (privateKey != null) {
            builder.privateKey(privateKey);
        }
        return builder.build();
    }

    private static ByteArrayInputStream stream(String pem) {
        return new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.UTF_8));
    }
}
