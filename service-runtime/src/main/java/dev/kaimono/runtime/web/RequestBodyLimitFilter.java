package dev.kaimono.runtime.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies larger than the limit with a 413 problem: at once when the declared
 * {@code Content-Length} is over it, and as soon as a body without one (chunked) grows over it, before
 * anything has parsed it. The gateway has the same limit in front; this one protects a service that is
 * called directly.
 */
public final class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final JsonMapper json;

    public RequestBodyLimitFilter(DataSize limit, JsonMapper json) {
        this.maxBytes = limit.toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            writeTooLarge(request, response);
            return;
        }
        chain.doFilter(new Limited(request, maxBytes), response);
    }

    /** Written here for a declared length; ApiProblemDetailsAdvice writes it when a streamed body overflows. */
    private void writeTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = tooLarge(maxBytes);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // The client may still be sending; tell it the connection will not read the rest.
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), problem);
    }

    static ProblemDetail tooLarge(long maxBytes) {
        return ApiProblemDetailsAdvice.problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request body too large",
                "The request body may be at most %d bytes".formatted(maxBytes));
    }

    /** Thrown while a body is read that grew over the limit; the advice answers it with a 413 problem. */
    public static final class BodyTooLargeException extends IOException {

        private final long maxBytes;

        BodyTooLargeException(long maxBytes) {
            super("The request body is larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        CountingStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
