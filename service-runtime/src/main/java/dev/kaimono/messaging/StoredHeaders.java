package dev.kaimono.messaging;

import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The AMQP headers stored with an outbox row (its trace context), as a JSON object of strings. */
final class StoredHeaders {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private StoredHeaders() {
    }

    static String toJson(Map<String, String> headers) {
        return JSON.writeValueAsString(headers);
    }

    static Map<String, String> fromJson(String headers) {
        return JSON.readValue(headers, HEADERS);
    }
}
