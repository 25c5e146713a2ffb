package dev.kaimono.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;

class RequestBodyLimitFilterTest {

    private static final int LIMIT = 1024;

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(DataSize.ofBytes(LIMIT), JsonMapper.builder().build());
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final AtomicInteger bytesRead = new AtomicInteger(-1);

    /** Reads the whole body, as a message converter would. */
    private final FilterChain reader = (request, ignored) -> bytesRead.set(request.getInputStream().readAllBytes().length);

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReadingIt() throws Exception {
        MockHttpServletRequest request = post(new byte[LIMIT + 1]);

        filter.doFilter(request, response, reader);

        assertThat(bytesRead).hasValue(-1);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"title\":\"Request body too large\"")
                .contains("at most 1024 bytes").contains("\"instance\":\"/api/things\"");
    }

    @Test
    void stopsAChunkedBodyAsSoonAsItGrowsOverTheLimit() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(new byte[LIMIT * 4]);

        assertThatThrownBy(() -> filter.doFilter(request, response, reader))
                .isInstanceOf(RequestBodyLimitFilter.BodyTooLargeException.class);
        assertThat(bytesRead).hasValue(-1);
    }

    @Test
    void passesABodyAtTheLimit() throws Exception {
        filter.doFilter(post(new byte[LIMIT]), response, reader);

        assertThat(bytesRead).hasValue(LIMIT);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private static MockHttpServletRequest post(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things");
        request.setContent(body);
        return request;
    }
}
