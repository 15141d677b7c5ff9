package io.syncwatch.agentrequests.adapter.in.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.micrometer.core.instrument.Counter;
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
import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.application.port.in.ReceiveAgentRequests;
import io.syncwatch.agentrequests.application.port.in.Receipt;
import io.syncwatch.agentrequests.domain.AgentKey;
import io.syncwatch.agentrequests.domain.AgentRequest;
import io.syncwatch.agentrequests.domain.ErrorDisplay;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.platform.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Agent Connect Requests API. {@code /api/agent-connect/**} is open in Spring Security; this
 * controller authenticates the {@code ac_test_}/{@code ac_live_} key itself.
 */
@RestController
@RequestMapping("/api/agent-connect/v1")
@Tag(name = "Agent Connect Requests API", description = "Connect requests and the request log of the API Status page")
@SecurityScheme(name = "agentConnectKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An Agent Connect key: ac_test_… (test) or ac_live_… (production)")
class AgentConnectRequestsController {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private final ReceiveAgentRequests intake;
    private final BrowseRequestLog browse;
    private final KeyRateLimiter limiter;
    private final RequestBodyParser parser;
    private final ObjectWriter acceptedJson;
    private final ObjectWriter invalidJson;
    private final Counter unauthorized;
    private final AnswerCounts answers;
    private final Clock clock;

    AgentConnectRequestsController(ReceiveAgentRequests intake, BrowseRequestLog browse, KeyRateLimiter limiter,
            JsonMapper json, MeterRegistry meters, Clock clock) {
        this.intake = intake;
        this.browse = browse;
        this.limiter = limiter;
        this.parser = new RequestBodyParser(json);
        this.acceptedJson = json.writerFor(AcceptedResponse.class);
        this.invalidJson = json.writerFor(InvalidResponse.class);
        this.unauthorized = Counter.builder("syncwatch.agentrequests.unauthorized")
                .description("Requests to the Agent Connect API with a missing, unknown or revoked key").register(meters);
        this.answers = new AnswerCounts(meters);
        this.clock = clock;
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
        Optional<AgentKey> key = authenticate(authorization);
        if (key.isEmpty()) {
            answers.count(401, "UNAUTHORIZED");
            return unauthorized();
        }
        if (!intake.featureEnabled(key.get())) {
            answers.count(403, "FEATURE_OFF");
            return featureOff();
        }
        long wait = limiter.secondsToWait(key.get().id());
        if (wait > 0) {
            answers.count(429, "RATE_LIMITED");
            return tooMany(wait);
        }
        byte[] bytes = readAtMost(http.getInputStream(), http.getContentLength(), MAX_BODY_BYTES + 1);
        String raw = new String(bytes, StandardCharsets.UTF_8);
        if (bytes.length > MAX_BODY_BYTES) {
            return countedMalformed(key.get(), raw, "The body is larger than 64 KiB.");
        }
        if (!isJson(http.getContentType())) {
            return countedMalformed(key.get(), raw, "The content type must be application/json.");
        }
        AgentRequest request;
        try {
            request = parser.parse(bytes);
        } catch (RequestBodyParser.Malformed e) {
            return countedMalformed(key.get(), raw, e.getMessage());
        }
        Receipt receipt = intake.receive(key.get(), request, raw);
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

    @GetMapping("/request-log")
    @Operation(summary = "Read the request log",
            description = "The logged requests of the key's company for one tab of the API Status page, newest first.",
            security = @SecurityRequirement(name = "agentConnectKey"))
    ResponseEntity<?> log(
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @Parameter(description = "invalid or test") @RequestParam(defaultValue = "invalid") String tab,
            @Parameter(description = "Only requests with this error code, e.g. EMPLOYEE_NOT_FOUND or MALFORMED_REQUEST") @RequestParam(required = false) @Nullable String error,
            @Parameter(description = "From (inclusive, ISO-8601 instant); default 30 days ago") @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = "To (exclusive, ISO-8601 instant); default now") @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Optional<AgentKey> key = authenticate(authorization);
        if (key.isEmpty()) {
            return unauthorized();
        }
        if (!intake.featureEnabled(key.get())) {
            return featureOff();
        }
        long wait = limiter.secondsToWait(key.get().id());
        if (wait > 0) {
            return tooMany(wait);
        }
        LogTab logTab;
        try {
            logTab = LogTab.valueOf(tab.toUpperCase());
        } catch (IllegalArgumentException e) {
            return badParameter("tab", "tab must be 'invalid' or 'test'");
        }
        if (error != null && !error.equals(LoggedRequest.MALFORMED) && ErrorDisplay.codeOf(error).isEmpty()) {
            return badParameter("error", "unknown error code " + error);
        }
        if (page < 0 || size < 1 || size > 200) {
            return badParameter("size", "page must be >= 0 and size between 1 and 200");
        }
        Instant end = to == null ? clock.instant().plusSeconds(1) : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        List<LogEntry> entries = browse.page(key.get().accountId(), new LogQuery(logTab, error, null, start, end, null),
                page * size, size).stream().map(LogEntry::of).toList();
        return ResponseEntity.ok(new LogPage(logTab.name().toLowerCase(), page, size, entries));
    }

    private Optional<AgentKey> authenticate(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return intake.authenticate(authorization.substring(7).strip());
    }

    private ResponseEntity<ProblemDetail> unauthorized() {
        unauthorized.increment();
        ProblemDetail problem = ApiProblem.UNAUTHORIZED.with("A valid Agent Connect key is required: Authorization: Bearer ac_test_… or ac_live_…");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").body(problem);
    }

    private static ResponseEntity<ProblemDetail> featureOff() {
        ProblemDetail problem = ApiProblem.FORBIDDEN.with("Agent Connect is not enabled for this account (feature AGENT_CONNECT).");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    private static ResponseEntity<ProblemDetail> tooMany(long seconds) {
        ProblemDetail problem = ApiProblem.RATE_LIMITED.with("The key's rate limit is exceeded; retry after " + seconds + " s.");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem);
    }

    private static ResponseEntity<ProblemDetail> badParameter(String field, String detail) {
        ProblemDetail problem = ApiProblem.INVALID_INPUT.with(detail);
        problem.setProperty("field", field);
        return ResponseEntity.badRequest().body(problem);
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

    record LogPage(String tab, int page, int size, List<LogEntry> requests) {
    }

    record LogEntry(String requestId, Instant time, String keyName, String keyKind, int status, String outcome,
            List<String> errors, @Nullable String employeeEmail, @Nullable String customerName, @Nullable String customerEmail,
            @Nullable String channel, @Nullable String brand, @Nullable String language, @Nullable String reference) {

        static LogEntry of(LoggedRequest r) {
            return new LogEntry(r.requestId(), r.createdAt(), r.keyName(), r.keyKind() == KeyKind.TEST ? "test" : "production",
                    r.responseStatus(), r.failed() ? "invalid" : "accepted", r.errorCodes(), r.request().employeeEmail(),
                    r.request().customerName(), r.request().customerEmail(), r.request().channel(), r.request().brand(),
                    r.request().language(), r.request().reference());
        }
    }
}
