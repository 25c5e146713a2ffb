package dev.kaimono.order.persistence;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of everything order-service stores as JSON — event payloads, saga data, read-model documents:
 * amounts as strings (never a binary floating point), unknown fields ignored so that an older reader can read a
 * newer row. It is deliberately not the HTTP mapper: a change to how the API writes JSON must not change stored rows.
 */
public final class StoredJson {

    public static final JsonMapper JSON = JsonMapper.builder()
            .withConfigOverride(BigDecimal.class, override -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StoredJson() {
    }
}
