package dev.kaimono.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.RepeatedTest;

import dev.kaimono.testsupport.ReadmeAccessTable;
import dev.kaimono.testsupport.WithInfrastructure;

/**
 * Every request on a kept-alive connection is answered, also after one that arrived before the answer to the one
 * ahead of it (HTTP/1.1 pipelining, or a client quick to reuse its connection) and was then answered at once: a
 * proxied request and a request the gateway refuses itself (401) sent together, then, once both are answered, a
 * third. Reactor Netty 1.3.6 and 1.3.7 stopped reading such a connection after the queued refusal, so the third
 * request was never answered (reactor-netty#4361, ADR 0026).
 */
@WithInfrastructure(WithInfrastructure.Service.REDIS)
class KeepAliveIT extends GatewayITSupport {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

    @RepeatedTest(5)
    void answersEveryRequestSentAheadOnOneConnection() throws IOException {
        String product = "/api/products/" + ReadmeAccessTable.SAMPLE_ID;
        String answers;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            send(out, request(product) + request("/api/orders"));
            readUntilStatusLines(socket.getInputStream(), received, 2);
            send(out, request(product));
            readUntilStatusLines(socket.getInputStream(), received, 3);
            answers = received.toString(StandardCharsets.UTF_8);
        }

        assertThat(STATUS_LINE.matcher(answers).results().map(status -> status.group(1)))
                .as("the status of each answer on the connection, in order").containsExactly("200", "401", "200");
    }

    private String request(String path) {
        return "GET " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "X-Forwarded-For: " + clientAddress + "\r\n"
                + "\r\n";
    }

    private static void send(OutputStream out, String requests) throws IOException {
        out.write(requests.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads what the connection answers until it holds the given number of status lines or stays silent for 5 s. */
    private static void readUntilStatusLines(InputStream in, ByteArrayOutputStream received, int wanted) throws IOException {
        byte[] buffer = new byte[8192];
        try {
            while (count(received) < wanted) {
                int read = in.read(buffer);
                if (read < 0) {
                    return;
                }
                received.write(buffer, 0, read);
            }
        }
        catch (SocketTimeoutException silent) {
            // what arrived so far is the answer: the assertion names what is missing
        }
    }

    private static long count(ByteArrayOutputStream received) {
        Matcher statuses = STATUS_LINE.matcher(received.toString(StandardCharsets.UTF_8));
        return statuses.results().count();
    }
}
