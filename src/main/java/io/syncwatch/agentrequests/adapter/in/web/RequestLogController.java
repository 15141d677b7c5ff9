package io.syncwatch.agentrequests.adapter.in.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.domain.ErrorDisplay;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.platform.ApiProblem;

/** The request log of the API Status page over the Agent Connect API, for the key's company. */
@RestController
@RequestMapping("/api/agent-connect/v1")
@Tag(name = "Agent Connect Requests API", description = "Connect requests and the request log of the API Status page")
class RequestLogController {

    private final AgentKeyGate gate;
    private final BrowseRequestLog browse;
    private final Clock clock;

    RequestLogController(AgentKeyGate gate, BrowseRequestLog browse, Clock clock) {
        this.gate = gate;
        this.browse = browse;
        this.clock = clock;
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
        AgentKeyGate.Outcome gated = gate.check(authorization);
        if (gated instanceof AgentKeyGate.Refused refused) {
            return refused.response();
        }
        AgentKeyGate.Passed passed = (AgentKeyGate.Passed) gated;
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
        List<LogEntry> entries = browse.page(passed.key().accountId(), new LogQuery(logTab, error, null, start, end, null),
                page * size, size).stream().map(LogEntry::of).toList();
        return ResponseEntity.ok(new LogPage(logTab.name().toLowerCase(), page, size, entries));
    }

    private static ResponseEntity<ProblemDetail> badParameter(String field, String detail) {
        ProblemDetail problem = ApiProblem.INVALID_INPUT.with(detail);
        problem.setProperty("field", field);
        return ResponseEntity.badRequest().body(problem);
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
