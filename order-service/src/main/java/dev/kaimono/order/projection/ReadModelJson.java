package dev.kaimono.order.projection;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON form of the documents in read-model columns: amounts as strings, unknown fields ignored. */
final class ReadModelJson {

    static final JsonMapper JSON = JsonMapper.builder()
            .withConfigOverride(BigDecimal.class, override -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ReadModelJson() {
    }
}
