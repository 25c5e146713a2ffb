package dev.kaimono.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.kaimono.messaging.MessageContext;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class CorrelationIdLoggingFilterTest {

    private final AtomicReference<String> logged = new AtomicReference<>("unset");

    @Test
    void theGatewaysCorrelationIdIsInTheMdcForTheRequestOnly() throws Exception {
        handle("3f0c9a1e-5b7d-4c2a-9e8f-1a2b3c4d5e6f");

        assertThat(logged).hasValue("3f0c9a1e-5b7d-4c2a-9e8f-1a2b3c4d5e6f");
        assertThat(MDC.get(MessageContext.CORRELATION_ID_MDC_KEY)).isNull();
    }

    @Test
    void anIdThatCouldForgeLogLinesIsLeftOut() throws Exception {
        handle("abc\n{\"level\":\"ERROR\"}");

        assertThat(logged.get()).isNull();
    }

    @Test
    void aRequestWithoutTheHeaderHasNoCorrelationId() throws Exception {
        handle(null);

        assertThat(logged.get()).isNull();
    }

    private void handle(String header) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/orders");
        if (header != null) {
            request.addHeader(CorrelationIdLoggingFilter.HEADER, header);
        }
        HttpServlet servlet = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) {
                logged.set(MDC.get(MessageContext.CORRELATION_ID_MDC_KEY));
            }
        };
        new CorrelationIdLoggingFilter().doFilter(request, new MockHttpServletResponse(), new MockFilterChain(servlet));
    }
}
