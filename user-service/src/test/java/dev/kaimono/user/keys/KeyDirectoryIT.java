package dev.kaimono.user.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import dev.kaimono.user.UserApi;
import dev.kaimono.testsupport.WithInfrastructure;

/** user-service started with {@code KAIMONO_JWT_KEY_DIR}: the key lives in the directory, shared with any other instance. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles("local")
@WithInfrastructure({WithInfrastructure.Service.POSTGRES, WithInfrastructure.Service.RABBITMQ})
class KeyDirectoryIT {

    private static final Path DIRECTORY = Path.of("target", "key-directory-it", UUID.randomUUID().toString()).toAbsolutePath();
    private static final String PASSWORD = "correct-horse-42";

    @DynamicPropertySource
    static void keyDirectory(DynamicPropertyRegistry registry) {
        registry.add("KAIMONO_JWT_KEY_DIR", DIRECTORY::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    TokenProperties properties;

    UserApi api;

    @BeforeEach
    void client() {
        api = new UserApi(port);
    }

    @Test
    void theServiceSignsWithTheOwnerOnlyKeyItMadeInTheDirectory() throws Exception {
        String email = UserApi.uniqueEmail();
        api.register(email, PASSWORD, "Ann").expectStatus().isCreated();
        String accessToken = (String) api.login(email, PASSWORD).expectStatus().isOk().expectBody(UserApi.JSON)
                .returnResult().getResponseBody().get("access_token");

        Path file = DIRECTORY.resolve(KeyDirectory.ACTIVE);
        String kid = new RSAKey.Builder(SigningKeys.publicKeyOf(RsaKeyConverters.pkcs8()
                .convert(new ByteArrayInputStream(Files.readAllBytes(file))))).build().computeThumbprint().toString();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SignedJWT.parse(accessToken).getHeader().getKeyID()).isEqualTo(kid);
        assertThat(jwks()).extracting(key -> key.get("kid")).containsExactly(kid);
    }

    @Test
    void tokensSignedByAnotherInstanceOnTheSameDirectoryAreAccepted() {
        String email = UserApi.uniqueEmail();
        String id = (String) api.register(email, PASSWORD, "Ann").expectStatus().isCreated().expectBody(UserApi.JSON)
                .returnResult().getResponseBody().get("id");
        SigningKeys otherInstance = SigningKeys.from(properties);
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(properties.issuer()).audience(List.of(properties.audience()))
                .subject(id).claim("roles", List.of("CUSTOMER")).issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5)))
                .build();
        String token = new JwtConfiguration().jwtEncoder(otherInstance).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(otherInstance.active().getKeyID()).build(), claims))
                .getTokenValue();

        RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/api/users/me").header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo(email);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> jwks() {
        return (List<Map<String, Object>>) RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody(UserApi.JSON).returnResult().getResponseBody().get("keys");
    }
}
