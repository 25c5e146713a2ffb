package dev.kaimono.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for user-service's {@code /.well-known/jwks.json} in a service's integration tests, with
 * the private key to mint tokens it accepts. Point the service at it with
 * {@code kaimono.security.jwt.jwk-set-uri = TestJwks.shared().uri()}.
 */
public final class TestJwks {

    private static TestJwks shared;

    private final RSAKey key = TestTokens.rsaKey("test-" + UUID.randomUUID().toString().substring(0, 8));
    private final HttpServer server;

    private TestJwks() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** One JWK set server per test JVM. */
    public static synchronized TestJwks shared() {
        if (shared == null) {
            shared = new TestJwks();
        }
        return shared;
    }

    public String uri() {
        return "http://%s:%d/.well-known/jwks.json".formatted(server.getAddress().getHostString(), server.getAddress().getPort());
    }

    /** A valid access token for the subject with the roles, signed with the published key. */
    public String token(UUID subject, String... roles) {
        return TestTokens.rs256(key, TestTokens.claims(subject.toString(), roles).build());
    }

    public RSAKey key() {
        return key;
    }
}
