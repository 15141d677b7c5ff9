package io.syncwatch.agentrequests.adapter.in.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.syncwatch.agentrequests.application.port.in.ReceiveAgentRequests;
import io.syncwatch.agentrequests.application.port.in.Receipt;
import io.syncwatch.agentrequests.domain.AgentKey;
import io.syncwatch.agentrequests.domain.AgentRequest;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Agent Connect Requests API's Connect requests. {@code /api/agent-connect/**} is open in Spring
 * Security; the {@link AgentKeyGate} authenticates the {@code ac_test_}/{@code ac_live_} key. The
 * request log is read through {@link RequestLogController}.
 */
@RestController
@RequestMapping("/api/agent-connect/v1")
@Tag(name = "Agent Connect Requests API", description = "Connect requests and the request log of the API Status page")
@SecurityScheme(name = "agentConnectKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An Agent Connect key: ac_test_… (test) or ac_live_… (production)")
class AgentConnectRequestsController {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private final ReceiveAgentRequests intake;
    private final AgentKeyGate gate;
    private final RequestBodyParser parser;
    private final ObjectWriter acceptedJson;
    private final ObjectWriter invalidJson;
    private final AnswerCounts answers;

    AgentConnectRequestsController(ReceiveAgentRequests intake, AgentKeyGate gate, JsonMapper json, MeterRegistry meters) {
        this.intake = intake;
        this.gate = gate;
        this.parser = new RequestBodyParser(json);
        this.acceptedJson = json.writerFor(AcceptedResponse.class);
        this.invalidJson = json.writerFor(InvalidResponse.class);
        this.answers = new AnswerCounts(meters);
    }

    @PostMapping("/requests")
    @Operation(summary = "Send a Connect request",
            description = "Validates the request against the company settings. Requests from test keys are logged for the "
                    + "Test Requests tab, failed requests for the Invalid Requests tab; a valid production request is accepted "
                    + "for delivery.",
            security = @SecurityRequirement(name = "agentConnectKey"),
            requestBody = @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ConnectRequestDocument.class))),
            responses = {
                    @ApiResponse(responseCode = "202", description = "Accepted; resolved brand and language",
                            content = @Content(schema = @Schema(implementation = AcceptedResponse.class))),
                    @ApiResponse(responseCode = "422", description = "Invalid; every error found, the first is primary",
                            content = @Content(schema = @Schema(implementation = InvalidResponse.class))),
                    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST: not JSON, wrong content type or over 64 KiB"),
                    @ApiResponse(responseCode = "401", description = "Missing, unknown or revoked key"),
                    @ApiResponse(responseCode = "403", description = "Agent Connect is not enabled for the key's account"),
                    @ApiResponse(responseCode = "429", description = "Rate limit of the key exceeded; see Retry-After") })
    @Nullable ResponseEntity<?> send(HttpServletRequest http, HttpServletResponse response,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization)
            throws IOException {
        AgentKeyGate.Outcome gated = gate.check(authorization);
        if (gated instanceof AgentKeyGate.Refused refused) {
            answers.count(refused.status(), refused.outcome());
            return refused.response();
        }
        AgentKey key = ((AgentKeyGate.Passed) gated).key();
        byte[] bytes = readAtMost(http.getInputStream(), http.getContentLength(), MAX_BODY_BYTES + 1);
        String raw = new String(bytes, StandardCharsets.UTF_8);
        if (bytes.length > MAX_BODY_BYTES) {
            return countedMalformed(key, raw, "The body is larger than 64 KiB.");
        }
        if (!isJson(http.getContentType())) {
            return countedMalformed(key, raw, "The content type must be application/json.");
        }
        AgentRequest request;
        try {
            request = parser.parse(bytes);
        } catch (RequestBodyParser.Malformed e) {
            return countedMalformed(key, raw, e.getMessage());
        }
        Receipt receipt = intake.receive(key, request, raw);
        if (receipt.status() == Receipt.ACCEPTED) {
            answers.count(202, "ACCEPTED");
            return answer(response, HttpStatus.ACCEPTED, acceptedJson, new AcceptedResponse(receipt.requestId(), "accepted",
                    receipt.resolvedBrand(), receipt.resolvedLanguage(), receipt.reference()));
        }
        answers.count(422, receipt.errors().isEmpty() ? "INVALID" : receipt.errors().getFirst().code().name());
        return answer(response, HttpStatus.UNPROCESSABLE_CONTENT, invalidJson, new InvalidResponse(receipt.requestId(), "invalid",
                receipt.errors().stream().map(e -> new ErrorItem(e.code().name(), e.code().displayText(), e.field(), e.message())).toList(),
                receipt.reference()));
    }

    /**
     * Writes a 202 or 422 answer itself, with the application's JSON mapper (the same output as
     * the message converter): MVC's return-value handling of a {@code ResponseEntity} negotiates
     * the converter and media type anew for every response, which the load profile showed as a
     * tenth of the JVM's work per request. This API answers JSON only. Returns null: the response
     * is complete (the {@link HttpServletResponse} argument tells MVC so).
     */
    private static @Nullable ResponseEntity<?> answer(HttpServletResponse response, HttpStatus status, ObjectWriter writer, Object body)
            throws IOException {
        byte[] json = writer.writeValueAsBytes(body);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
        return null;
    }

    private ResponseEntity<MalformedResponse> countedMalformed(AgentKey key, String raw, String reason) {
        answers.count(400, LoggedRequest.MALFORMED);
        return malformed(key, raw, reason);
    }

    private ResponseEntity<MalformedResponse> malformed(AgentKey key, String raw, String reason) {
        Receipt receipt = intake.receiveMalformed(key, raw, reason);
        return ResponseEntity.badRequest().body(new MalformedResponse(receipt.requestId(), LoggedRequest.MALFORMED, reason));
    }

    private static boolean isJson(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The body, at most {@code limit} bytes: exactly the announced length when it is within the
     * limit (one array, no chunk list), otherwise whatever comes up to the limit.
     */
    private static byte[] readAtMost(InputStream in, int contentLength, int limit) throws IOException {
        if (contentLength < 0 || contentLength >= limit) {
            return in.readNBytes(limit);
        }
        byte[] body = new byte[contentLength];
        int read = in.readNBytes(body, 0, contentLength);
        return read == contentLength ? body : java.util.Arrays.copyOf(body, read);
    }

    @Schema(description = "A Connect request")
    record ConnectRequestDocument(Person employee, Person customer, String channel, @Nullable String brand,
            @Nullable String language, @Nullable String reference) {
        record Person(@Nullable String name, String email) {
        }
    }

    record AcceptedResponse(String requestId, String outcome, @Nullable String brand, @Nullable String language,
            @Nullable String reference) {
    }

    record ErrorItem(String code, String message, String field, String detail) {
    }

    record InvalidResponse(String requestId, String outcome, List<ErrorItem> errors, @Nullable String reference) {
    }

    record MalformedResponse(String requestId, String code, String message) {
    }
}
