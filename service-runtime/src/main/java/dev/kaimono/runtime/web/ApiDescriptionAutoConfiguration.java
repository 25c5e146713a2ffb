package dev.kaimono.runtime.web;

import java.util.Set;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * What every service's API description (springdoc, {@code GET /v3/api-docs}) says of errors: any operation may
 * answer a 4xx or 5xx, always as RFC 9457 problem details ({@code application/problem+json}, schema {@code Problem},
 * a 400's offending fields in {@code errors}) — the rule of {@code docs/api-conventions.md}, which the services'
 * tests check answer by answer. The gateway's own description defines {@code Problem} the same way, so the
 * combined description has one.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDescriptionAutoConfiguration {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";

    @Bean
    OpenApiCustomizer problemsInEveryOperation() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents()
                    .addSchemas(PROBLEM, object("RFC 9457 problem details; the types are listed in docs/api-conventions.md")
                            .addProperty("type", string()).addProperty("title", string())
                            .addProperty("status", typed("integer")).addProperty("detail", string())
                            .addProperty("instance", string())
                            .addProperty("errors", typed("array").items(reference(FIELD_ERROR))))
                    .addSchemas(FIELD_ERROR, object("An offending field or parameter of a bad request")
                            .addProperty("field", string()).addProperty("message", string()));
            ApiResponse problem = new ApiResponse().description("A problem (RFC 9457)").content(new Content()
                    .addMediaType("application/problem+json", new MediaType().schema(reference(PROBLEM))));
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                    operation.getResponses().addApiResponse("4XX", problem);
                    operation.getResponses().addApiResponse("5XX", problem);
                }));
            }
        };
    }

    private static Schema<Object> object(String description) {
        return typed("object").description(description);
    }

    private static Schema<Object> string() {
        return typed("string");
    }

    /** A schema of one type, written for OpenAPI 3.0 ({@code type}) and 3.1 ({@code types}) alike. */
    @SuppressWarnings("unchecked")
    private static Schema<Object> typed(String type) {
        return new Schema<>().type(type).types(Set.of(type));
    }

    @SuppressWarnings("unchecked")
    private static Schema<Object> reference(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }
}
