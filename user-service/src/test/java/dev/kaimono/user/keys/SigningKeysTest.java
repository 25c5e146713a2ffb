package dev.kaimono.user.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;

import dev.kaimono.testsupport.TestTokens;

class SigningKeysTest {

    private static final JwtConfiguration JWT = new JwtConfiguration();

    @TempDir
    Path temp;

    @Test
    void instancesStartingTogetherOnAFreshDirectoryCreateOneKeyAndAllSignWithIt() throws Exception {
        Path directory = temp.resolve("keys");
        CountDownLatch start = new CountDownLatch(1);
        List<SigningKeys> instances;
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<SigningKeys>> starting = IntStream.range(0, 4)
                    .mapToObj(i -> threads.submit((Callable<SigningKeys>) () -> {
                        start.await();
                        return SigningKeys.from(withDirectory(directory));
                    }))
                    .toList();
            start.countDown();
            instances = starting.stream().map(SigningKeysTest::result).toList();
        }
        SigningKeys restarted = SigningKeys.from(withDirectory(directory));

        assertThat(Stream.concat(instances.stream(), Stream.of(restarted)).map(SigningKeys::active).distinct())
                .singleElement()
                .satisfies(key -> assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString()));
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly(KeyDirectory.ACTIVE);
        }
    }

    @Test
    void theKeyIsReadableByItsOwnerOnly() throws IOException {
        Path directory = temp.resolve("keys");

        SigningKeys.from(withDirectory(directory));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(KeyDirectory.ACTIVE))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
    }

    @Test
    void aTokenSignedBeforeARestartIsValidAfterIt() {
        Path directory = temp.resolve("keys");
        String token = sign(SigningKeys.from(withDirectory(directory)));

        SigningKeys restarted = SigningKeys.from(withDirectory(directory));

        assertThat(decoder(restarted).decode(token).getSubject()).isEqualTo("ann");
    }

    @Test
    void anExistingKeyIsUsedAndNeverReplaced() throws Exception {
        KeyPair existing = SigningKeys.newKeyPair();
        Files.writeString(temp.resolve(KeyDirectory.ACTIVE), privatePem(existing));
        byte[] before = Files.readAllBytes(temp.resolve(KeyDirectory.ACTIVE));

        SigningKeys keys = SigningKeys.from(withDirectory(temp));

        assertThat(keys.active().toRSAPublicKey()).isEqualTo(existing.getPublic());
        assertThat(Files.readAllBytes(temp.resolve(KeyDirectory.ACTIVE))).isEqualTo(before);
    }

    @Test
    void nextAndPreviousKeysArePublishedButOnlyTheActiveKeySigns() throws Exception {
        SigningKeys.from(withDirectory(temp));
        KeyPair next = SigningKeys.newKeyPair();
        KeyPair previous = SigningKeys.newKeyPair();
        Files.writeString(temp.resolve(KeyDirectory.NEXT), privatePem(next));
        Files.createDirectories(temp.resolve(KeyDirectory.PREVIOUS));
        Files.writeString(temp.resolve(KeyDirectory.PREVIOUS).resolve("20261201T100000Z.pem"), publicPem(previous.getPublic()));

        SigningKeys keys = SigningKeys.from(withDirectory(temp));
        String nextKid = thumbprint(next.getPublic());
        String previousKid = thumbprint(previous.getPublic());

        assertThat(keys.publicKeySet().getKeys()).extracting(JWK::getKeyID)
                .containsExactly(keys.active().getKeyID(), nextKid, previousKid);
        assertThat(keys.publicKeySet().getKeys()).noneMatch(JWK::isPrivate);
        assertThat(keys.keySet().getKeys()).filteredOn(JWK::isPrivate).extracting(JWK::getKeyID)
                .containsExactly(keys.active().getKeyID());
        assertThat(com.nimbusds.jwt.SignedJWT.parse(sign(keys)).getHeader().getKeyID()).isEqualTo(keys.active().getKeyID());
        assertThatThrownBy(() -> sign(keys, nextKid)).isInstanceOf(JwtEncodingException.class);
        JwtDecoder decoder = decoder(keys);
        for (var pair : List.of(next, previous)) {
            RSAKey signer = new RSAKey.Builder((java.security.interfaces.RSAPublicKey) pair.getPublic())
                    .privateKey(pair.getPrivate()).keyIDFromThumbprint().build();
            assertThat(decoder.decode(TestTokens.rs256(signer, TestTokens.claims("ann", "CUSTOMER").build())).getSubject())
                    .isEqualTo("ann");
        }
    }

    @Test
    void theKidOfAFileKeyIsItsRfc7638Thumbprint() throws Exception {
        // The example key of RFC 7638, section 3.1, and the thumbprint the RFC computes for it.
        String n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        PublicKey rfcKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, new Base64URL(n).decode()), BigInteger.valueOf(65537)));
        Files.createDirectories(temp.resolve(KeyDirectory.PREVIOUS));
        Files.writeString(temp.resolve(KeyDirectory.PREVIOUS).resolve("rfc7638.pem"), publicPem(rfcKey));

        SigningKeys keys = SigningKeys.from(withDirectory(temp));

        assertThat(keys.publicKeySet().getKeyByKeyId("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")).isNotNull();
    }

    @Test
    void aConfiguredSigningKeyWinsOverTheDirectoryWhichStaysUntouched() {
        KeyPair configured = SigningKeys.newKeyPair();
        Path directory = temp.resolve("keys");

        SigningKeys keys = SigningKeys.from(properties(privatePem(configured), "k8s-key", directory.toString(), List.of(), false));

        assertThat(keys.active().getKeyID()).isEqualTo("k8s-key");
        assertThat(directory).doesNotExist();
    }

    @Test
    void explicitlyConfiguredPreviousKeysArePublishedBesideTheDirectorysKeys() {
        KeyPair retired = SigningKeys.newKeyPair();

        SigningKeys keys = SigningKeys.from(properties(null, null, temp.toString(),
                List.of(new TokenProperties.PublicKey("retired-1", publicPem(retired.getPublic()))), false));

        assertThat(keys.publicKeySet().getKeys()).extracting(JWK::getKeyID)
                .containsExactly(keys.active().getKeyID(), "retired-1");
    }

    @Test
    void aPreviousKeyThatIsNotAPublicKeyStopsTheStartNamingTheFile() throws IOException {
        Files.createDirectories(temp.resolve(KeyDirectory.PREVIOUS));
        Files.writeString(temp.resolve(KeyDirectory.PREVIOUS).resolve("oops.pem"), privatePem(SigningKeys.newKeyPair()));

        assertThatIllegalStateException().isThrownBy(() -> SigningKeys.from(withDirectory(temp)))
                .withMessageContaining("oops.pem is not an RSA public key in X.509 PEM");
    }

    @Test
    void withoutAKeyOrADirectoryOnlyLocalRunsGenerateAKey() {
        assertThatIllegalStateException().isThrownBy(() -> SigningKeys.from(properties(null, null, "", List.of(), false)))
                .withMessageContaining("KAIMONO_JWT_KEY_DIR")
                .withMessageContaining("KAIMONO_JWT_SIGNING_KEY");

        assertThat(SigningKeys.from(properties(null, null, "", List.of(), true)).active().getKeyID()).startsWith("local-");
    }

    private static TokenProperties withDirectory(Path directory) {
        return properties(null, null, directory.toString(), List.of(), false);
    }

    private static TokenProperties properties(String signingKey, String signingKeyId, String keyDirectory,
            List<TokenProperties.PublicKey> previousKeys, boolean generateKeyIfMissing) {
        return new TokenProperties(TestTokens.ISSUER, TestTokens.AUDIENCE, Duration.ofMinutes(15), Duration.ofDays(30),
                Duration.ofDays(30), signingKey, signingKeyId, keyDirectory, previousKeys, generateKeyIfMissing);
    }

    private static String sign(SigningKeys keys) {
        return sign(keys, keys.active().getKeyID());
    }

    private static String sign(SigningKeys keys, String kid) {
        JwtEncoder encoder = JWT.jwtEncoder(keys);
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(TestTokens.ISSUER).audience(List.of(TestTokens.AUDIENCE))
                .subject("ann").issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(15))).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId(kid).build(), claims))
                .getTokenValue();
    }

    private static JwtDecoder decoder(SigningKeys keys) {
        return JWT.jwtDecoder(keys, properties(null, null, null, List.of(), false));
    }

    private static String thumbprint(PublicKey key) throws Exception {
        return new RSAKey.Builder((java.security.interfaces.RSAPublicKey) key).build().computeThumbprint().toString();
    }

    private static String privatePem(KeyPair pair) {
        return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    private static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
