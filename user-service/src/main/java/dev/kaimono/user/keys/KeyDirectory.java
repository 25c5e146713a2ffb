package dev.kaimono.user.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.converter.RsaKeyConverters;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Signing keys kept in a directory that survives restarts and that every instance of user-service
 * mounts ({@code KAIMONO_JWT_KEY_DIR}), so tokens outlive a restart and all instances sign alike:
 * <pre>
 * signing-key.pem        the active key: RSA private key, PKCS#8 PEM, 0600. Made at the first start
 *                        (directory 0700), exactly once however many instances start together.
 * next-signing-key.pem   optional RSA private key, PKCS#8 PEM: published in the JWK set, never signs
 * previous/*.pem         retired public keys, X.509 SubjectPublicKeyInfo PEM: published, verify only
 * </pre>
 * Each key's {@code kid} is its RFC 7638 JWK thumbprint (SHA-256, base64url), the same on every instance
 * and after every restart. {@code tools/rotate-signing-key} prepares, activates and prunes keys.
 */
final class KeyDirectory {

    static final String ACTIVE = "signing-key.pem";
    static final String NEXT = "next-signing-key.pem";
    static final String PREVIOUS = "previous";

    private static final Logger log = LoggerFactory.getLogger(KeyDirectory.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private KeyDirectory() {
    }

    /** The keys of the directory: the active one that signs, and the public ones that only verify. */
    record Keys(RSAKey active, List<RSAKey> verifyOnly) {
    }

    /** Reads the keys, creating the directory and the active key first when they do not exist. */
    static Keys load(Path directory) {
        try {
            Path active = directory.resolve(ACTIVE);
            if (!Files.exists(active)) {
                createActiveKey(directory, active);
            }
            warnIfOthersCanRead(active);
            List<RSAKey> verifyOnly = new ArrayList<>();
            Path next = directory.resolve(NEXT);
            if (Files.exists(next)) {
                warnIfOthersCanRead(next);
                verifyOnly.add(rsaKey(SigningKeys.publicKeyOf(privateKey(next)), null));
            }
            Path previous = directory.resolve(PREVIOUS);
            if (Files.isDirectory(previous)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(previous, "*.pem")) {
                    List<Path> sorted = new ArrayList<>();
                    files.forEach(sorted::add);
                    sorted.sort(null);
                    for (Path file : sorted) {
                        verifyOnly.add(rsaKey(publicKey(file), null));
                    }
                }
            }
            RSAPrivateKey privateKey = privateKey(active);
            return new Keys(rsaKey(SigningKeys.publicKeyOf(privateKey), privateKey), verifyOnly);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the JWT signing keys in " + directory, e);
        }
    }

    /**
     * Writes a new key to a temporary file of the directory and links it into place, which fails when the
     * key exists: an instance that loses the race to another one uses the other's key, and an existing
     * key is never overwritten.
     */
    private static void createActiveKey(Path directory, Path active) throws IOException {
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        Files.createDirectories(directory, posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY)}
                : new FileAttribute<?>[0]);
        Path temporary = Files.createTempFile(directory, ".signing-key-", ".tmp", posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0]);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(pkcs8Pem(SigningKeys.newKeyPair()).getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            Files.createLink(active, temporary);
            log.info("Created the JWT signing key {}", active);
        } catch (FileAlreadyExistsException e) {
            log.info("Another instance created the JWT signing key {} first: using it", active);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void warnIfOthersCanRead(Path privateKeyFile) throws IOException {
        if (privateKeyFile.getFileSystem().supportedFileAttributeViews().contains("posix")
                && Files.getPosixFilePermissions(privateKeyFile).stream().anyMatch(GROUP_OR_OTHERS::contains)) {
            log.warn("The private key {} is accessible to others than its owner: chmod 600 it", privateKeyFile);
        }
    }

    private static RSAKey rsaKey(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        RSAKey.Builder builder = new RSAKey.Builder(publicKey).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
        if (privateKey != null) {
            builder.privateKey(privateKey);
        }
        try {
            return builder.keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot compute the JWK thumbprint of a signing key", e);
        }
    }

    private static RSAPrivateKey privateKey(Path file) throws IOException {
        try {
            return RsaKeyConverters.pkcs8().convert(new ByteArrayInputStream(Files.readAllBytes(file)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not an RSA private key in PKCS#8 PEM (-----BEGIN PRIVATE KEY-----); "
                    + "convert one with: openssl pkcs8 -topk8 -nocrypt -in KEY -out " + file.getFileName(), e);
        }
    }

    private static RSAPublicKey publicKey(Path file) throws IOException {
        try {
            return RsaKeyConverters.x509().convert(new ByteArrayInputStream(Files.readAllBytes(file)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not an RSA public key in X.509 PEM (-----BEGIN PUBLIC KEY-----); "
                    + "make one with: openssl pkey -in PRIVATE-KEY -pubout -out " + file.getFileName(), e);
        }
    }

    private static String pkcs8Pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
