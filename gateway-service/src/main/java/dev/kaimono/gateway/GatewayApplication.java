package dev.kaimono.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of gateway-service: routing, JWT validation, rate limiting and response aggregation. */
@SpringBootApplication
public class GatewayApplication {

    /** Reactor Netty's system property for the number of event-loop threads (server and client share them). */
    static final String EVENT_LOOPS = "reactor.netty.ioWorkerCount";

    public static void main(String[] args) {
        oneEventLoopPerProcessor();
        SpringApplication.run(GatewayApplication.class, args);
    }

    /**
     * One event loop per processor the JVM may use, unless {@value #EVENT_LOOPS} says otherwise. Reactor Netty
     * starts at least four, which on two cores (or a container limited to one) only adds switching between
     * threads that never block (ADR 0030).
     */
    static void oneEventLoopPerProcessor() {
        if (System.getProperty(EVENT_LOOPS) == null) {
            System.setProperty(EVENT_LOOPS, Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
    }
}
