package dev.kaimono.gateway.body;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;

/**
 * A request whose body ends in {@link RequestBodyTooLargeException} as soon as more than the limit has
 * arrived, so whoever reads it (the proxy, streaming it to a service) stops there.
 */
final class LimitedBodyRequest extends ServerHttpRequestDecorator {

    private final long limit;

    LimitedBodyRequest(ServerHttpRequest request, long limit) {
        super(request);
        this.limit = limit;
    }

    @Override
    public Flux<DataBuffer> getBody() {
        return Flux.defer(() -> {
            long[] received = { 0 };
            return super.getBody().handle((buffer, sink) -> {
                received[0] += buffer.readableByteCount();
                if (received[0] > limit) {
                    DataBufferUtils.release(buffer);
                    sink.error(new RequestBodyTooLargeException(limit));
                }
                else {
                    sink.next(buffer);
                }
            });
        });
    }
}
