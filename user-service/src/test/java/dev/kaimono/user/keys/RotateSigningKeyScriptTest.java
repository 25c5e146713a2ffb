package dev.kaimono.user.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.jwk.JWK;

/** {@code tools/rotate-signing-key} run against a key directory, read back the way user-service reads it at start. */
class RotateSigningKeyScriptTest {

    private static final Path SCRIPT = Path.of("..", "tools", "rotate-signing-key").toAbsolutePath().normalize();

    @TempDir
    Path directory;

    @BeforeAll
    static void opensslIsThere() throws Exception {
        assumeTrue(new ProcessBuilder("openssl", "version").start().waitFor() == 0, "openssl is needed");
    }

    @Test
    void aRotationPublishesTheNextKeyThenSignsWithItWhileTheOldKeyStillVerifiesUntilPruned() throws Exception {
        String first = SigningKeys.from(withDirectory()).active().getKeyID();

        Result prepared = run("prepare");
        SigningKeys afterPrepare = SigningKeys.from(withDirectory());
        String next = afterPrepare.publicKeySet().getKeys().get(1).getKeyID();

        assertThat(prepared.exitCode()).isZero();
        assertThat(prepared.output()).contains("restart every user-service instance");
        assertThat(permissions(directory.resolve(KeyDirectory.NEXT))).isEqualTo("rw-------");
        assertThat(afterPrepare.active().getKeyID()).isEqualTo(first);
        assertThat(kids(afterPrepare)).containsExactly(first, next);
        assertThat(run("prepare").exitCode()).as("a second prepare keeps the prepared key").isEqualTo(1);

        Result activated = run("activate");
        SigningKeys afterActivate = SigningKeys.from(withDirectory());

        assertThat(activated.exitCode()).isZero();
        assertThat(activated.output()).contains("restart every user-service instance");
        assertThat(afterActivate.active().getKeyID()).isEqualTo(next);
        assertThat(kids(afterActivate)).containsExactly(next, first);
        assertThat(permissions(directory.resolve(KeyDirectory.ACTIVE))).isEqualTo("rw-------");
        assertThat(directory.resolve(KeyDirectory.NEXT)).doesNotExist();

        assertThat(run("prune").exitCode()).isZero();
        assertThat(kids(SigningKeys.from(withDirectory()))).as("retired just now: kept").containsExactly(next, first);
        try (Stream<Path> retired = Files.list(directory.resolve(KeyDirectory.PREVIOUS))) {
            for (Path file : retired.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(61))));
            }
        }
        Result pruned = run("prune");

        assertThat(pruned.exitCode()).isZero();
        assertThat(pruned.output()).contains("Pruned:");
        assertThat(kids(SigningKeys.from(withDirectory()))).containsExactly(next);
        try (Stream<Path> left = Files.list(directory)) {
            assertThat(left.map(file -> file.getFileName().toString())).as("no temporary files left")
                    .containsExactlyInAnyOrder(KeyDirectory.ACTIVE, KeyDirectory.PREVIOUS);
        }
    }

    @Test
    void pruneKeepsKeysYoungerThanTheGivenAge() throws Exception {
        SigningKeys.from(withDirectory());
        run("prepare");
        run("activate");
        try (Stream<Path> retired = Files.list(directory.resolve(KeyDirectory.PREVIOUS))) {
            for (Path file : retired.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(61))));
            }
        }

        assertThat(run("prune", "--older-than", "2h").exitCode()).isZero();

        assertThat(SigningKeys.from(withDirectory()).publicKeySet().getKeys()).hasSize(2);
    }

    @Test
    void withoutACommandItExplainsItsUsage() throws Exception {
        Process process = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(output).contains("Usage: tools/rotate-signing-key <key-dir> prepare", "prune [--older-than DURATION]");
    }

    private TokenProperties withDirectory() {
        return new TokenProperties("urn:kaimono:user-service", "kaimono-api", Duration.ofMinutes(15), Duration.ofDays(30),
                Duration.ofDays(30), null, null, directory.toString(), List.of(), false);
    }

    private static List<String> kids(SigningKeys keys) {
        return keys.publicKeySet().getKeys().stream().map(JWK::getKeyID).toList();
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(String... arguments) throws Exception {
        List<String> command = Stream.concat(Stream.of("bash", SCRIPT.toString(), directory.toString()), Stream.of(arguments))
                .toList();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Result(process.exitValue(), output);
    }
}
