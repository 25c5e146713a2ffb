package dev.kaimono.gateway.body;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body the gateway lets through ({@code kaimono.gateway.max-request-body}).
 *
 * @param maxRequestBody the largest body, declared or streamed, of any routed request
 */
@ConfigurationProperties("kaimono.gateway")
record RequestBodyProperties(@DefaultValue("256KB") DataSize maxRequestBody) {

    RequestBodyProperties {
        Assert.isTrue(maxRequestBody != null && maxRequestBody.toBytes() > 0, "max-request-body must be positive");
    }
}
