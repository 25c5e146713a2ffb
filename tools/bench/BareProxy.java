import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * The floor under any gateway built on Reactor Netty (issue 12): a proxy that forwards method, path and headers
 * to one backend and streams the answer back, and does nothing else — no routing table, security, rate limit,
 * breaker, observation or error handling. tools/gateway-benchmark runs it with the gateway's own libraries and
 * JVM options to show how much of the distance to nginx is the runtime and how much is the gateway's work.
 *
 * <p>usage (source launch): java -cp '&lt;gateway's lib dir&gt;/*' BareProxy.java PORT BACKEND_URL
 */
public class BareProxy {

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        HttpClient client = HttpClient.create(ConnectionProvider.builder("backend").maxConnections(64).build())
                .baseUrl(args[1]);
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(port)
                .handle((request, response) -> client
                        .headers(headers -> headers.set(request.requestHeaders()).remove(HttpHeaderNames.HOST))
                        .request(request.method())
                        .uri(request.uri())
                        .send(request.receive().retain())
                        .response((answer, body) -> response.status(answer.status())
                                .headers(answer.responseHeaders())
                                .send(body.retain()))
                        .then())
                .bindNow();
        System.out.println("bare proxy on 127.0.0.1:" + server.port() + " -> " + args[1]);
        server.onDispose().block();
    }
}
