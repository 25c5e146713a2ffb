package dev.kaimono.messaging;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import org.springframework.core.env.Environment;

/**
 * Who holds a relay lease: the instance's host and HTTP port, which a restarted instance gets back, so that after
 * a kill it takes its own lease over at once instead of waiting out the term. An instance on a random port
 * ({@code server.port=0}, tests) is a new owner every start.
 */
public final class RelayOwner {

    private RelayOwner() {
    }

    public static String of(Environment environment) {
        String port = environment.getProperty("server.port", "8080");
        String service = environment.getProperty("spring.application.name", "service");
        if ("0".equals(port)) {
            return service + "@" + UUID.randomUUID();
        }
        return service + "@" + hostName() + ":" + port;
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException e) {
            return "unknown-host-" + UUID.randomUUID();
        }
    }
}
