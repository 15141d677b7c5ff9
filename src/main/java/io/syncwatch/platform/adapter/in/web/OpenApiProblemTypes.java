package io.syncwatch.platform.adapter.in.web;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.syncwatch.platform.ApiProblem;

/**
 * Documents the error vocabulary ({@link ApiProblem}) in the OpenAPI document: a {@code Problem}
 * schema whose {@code type} lists every problem type with its meaning, and on every operation the
 * answers any endpoint may give (401 with {@code WWW-Authenticate}, 404, 405 with {@code Allow},
 * 500 with a reference, 503 with {@code Retry-After}) unless the operation documents them itself.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiProblemTypes {

    static final String SCHEMA = "Problem";

    @Bean
    OpenApiCustomizer problemTypes() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSchemas(SCHEMA, problemSchema());
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().values().forEach(item -> item.readOperations().forEach(OpenApiProblemTypes::addCommonAnswers));
        };
    }

    private static Schema<?> problemSchema() {
        String types = Stream.of(ApiProblem.values())
                .map(p -> "- `" + p.type() + "` (" + p.status().value() + " " + p.title() + "): " + p.description())
                .collect(Collectors.joining("\n"));
        var type = new StringSchema().format("uri")._enum(Stream.of(ApiProblem.values()).map(p -> p.type().toString()).toList());
        type.setDescription("The problem type:\n" + types);
        return new ObjectSchema()
                .description("An error answer (RFC 9457), sent as application/problem+json. Problem types:\n" + types)
                .addProperty("type", type)
                .addProperty("title", new StringSchema().description("Short summary of the type"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong with this request"))
                .addProperty("instance", new StringSchema().description("The request path"))
                .addProperty("reference", new StringSchema().description("internal-error only: the id logged with the error"));
    }

    private static void addCommonAnswers(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        Map<String, ApiResponse> common = Map.of(
                "401", problem("Missing, unknown or revoked key (type unauthorized)")
                        .addHeaderObject("WWW-Authenticate", header("Bearer")),
                "404", problem("No such path, or no such object in the key's account (type not-found)"),
                "405", problem("Method not supported at this path (type method-not-allowed)")
                        .addHeaderObject("Allow", header("The methods the path takes")),
                "500", problem("Unexpected error (type internal-error, with a reference)"),
                "503", problem("Not ready (type not-ready) or database unavailable (type database-unavailable)")
                        .addHeaderObject("Retry-After", header("Seconds to wait before retrying")));
        common.forEach((code, answer) -> {
            ApiResponse existing = responses.get(code);
            if (existing == null) {
                responses.addApiResponse(code, answer);
            } else if (existing.getContent() == null) {
                existing.setContent(answer.getContent());
            }
        });
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }
}
