package io.syncwatch.agentrequests.adapter.in.web;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.syncwatch.agentrequests.application.port.in.ReceiveAgentRequests;
import io.syncwatch.agentrequests.domain.AgentKey;
import io.syncwatch.platform.ApiProblem;

/**
 * The gate of every Agent Connect API call, in this order: a valid {@code ac_test_}/{@code ac_live_}
 * key in {@code Authorization: Bearer} (401), Agent Connect enabled for its account (403), the key's
 * rate limit (429 with Retry-After). {@code /api/agent-connect/**} is open in Spring Security.
 */
@Component
class AgentKeyGate {

    /** The outcome of the gate: the key passed, or the refusal to answer (with its status and outcome for the answer counts). */
    sealed interface Outcome {
    }

    record Passed(AgentKey key) implements Outcome {
    }

    record Refused(ResponseEntity<ProblemDetail> response, int status, String outcome) implements Outcome {
    }

    private final ReceiveAgentRequests intake;
    private final KeyRateLimiter limiter;
    private final Counter unauthorized;

    AgentKeyGate(ReceiveAgentRequests intake, KeyRateLimiter limiter, MeterRegistry meters) {
        this.intake = intake;
        this.limiter = limiter;
        this.unauthorized = Counter.builder("syncwatch.agentrequests.unauthorized")
                .description("Requests to the Agent Connect API with a missing, unknown or revoked key").register(meters);
    }

    Outcome check(@Nullable String authorization) {
        Optional<AgentKey> key = authenticate(authorization);
        if (key.isEmpty()) {
            return new Refused(unauthorized(), 401, "UNAUTHORIZED");
        }
        if (!intake.featureEnabled(key.get())) {
            return new Refused(featureOff(), 403, "FEATURE_OFF");
        }
        long wait = limiter.secondsToWait(key.get().id());
        if (wait > 0) {
            return new Refused(tooMany(wait), 429, "RATE_LIMITED");
        }
        return new Passed(key.get());
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
}
