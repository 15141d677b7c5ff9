package io.syncwatch.platform.adapter.in.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import io.syncwatch.platform.ApiProblem;
import io.syncwatch.platform.database.DatabaseFailures;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what went wrong under {@code /api/**} into a problem answer: a database that cannot be
 * reached is {@code 503} with {@code Retry-After}; anything else unexpected is {@code 500} with a
 * reference id that is also logged (with the stack trace, which never goes to the client).
 */
final class ApiProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemResponses.class);

    /** Seconds a client waits before retrying while the database is out or the instance is not ready. */
    static final int RETRY_AFTER_SECONDS = 5;

    /** The problem for an exception, with the headers it needs. */
    record Answer(ProblemDetail problem, HttpHeaders headers) {
    }

    private ApiProblemResponses() {
    }

    static Answer forException(Throwable failure, String method, String path) {
        if (isDatabaseOutage(failure)) {
            log.warn("{} {} answered 503: the database is unavailable ({})", method, path, rootMessage(failure));
            return unavailable(ApiProblem.DATABASE_UNAVAILABLE.with(
                    "The database is unavailable for the moment; nothing was stored for this request. Retry later."));
        }
        String reference = UUID.randomUUID().toString();
        log.error("{} {} failed, reference {}", method, path, reference, failure);
        ProblemDetail problem = ApiProblem.INTERNAL_ERROR.with(
                "An unexpected error occurred. Quote reference " + reference + " to support.");
        problem.setProperty("reference", reference);
        return new Answer(problem, new HttpHeaders());
    }

    static Answer unavailable(ProblemDetail problem) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        return new Answer(problem, headers);
    }

    /**
     * A passing failure of the database: no connection from the pool, connection lost, lock wait,
     * server restarting, a commit or rollback on a broken connection ({@link DatabaseFailures}).
     */
    static boolean isDatabaseOutage(@Nullable Throwable failure) {
        return DatabaseFailures.passing(failure);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** The problem's members as RFC 9457 lays them out (extension members at the top level). */
    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            members.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }

    /** Writes the problem as {@code application/problem+json} (for filters, outside MVC). */
    static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem, HttpHeaders headers)
            throws IOException {
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        headers.forEach((name, values) -> values.forEach(value -> response.setHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(asMap(problem)));
        response.flushBuffer();
    }
}
