package io.syncwatch.platform;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one error vocabulary of every API under {@code /api/**} (RFC 9457 problem details). Each
 * answer that is not a success carries {@code application/problem+json} with one of these types;
 * the OpenAPI document lists them (decision 0003). Modules build their problems here so that the
 * same situation is worded the same way everywhere.
 */
public enum ApiProblem {

    INVALID_INPUT(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid request",
            "The request is malformed or a parameter is out of range; the detail (and `errors`) say which."),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
            "The API key is missing, unknown or revoked. Sent with `WWW-Authenticate: Bearer`."),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
            "The key is valid but its account lacks the feature or permission this path needs."),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not Found",
            "No such path, or no such object in the key's account (another account's object answers the same)."),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method Not Allowed",
            "The path exists but not for this method; the `Allow` header lists the methods it takes."),
    RECONNECT_REQUIRED(HttpStatus.CONFLICT, "reconnect-required", "Reconnect required",
            "The integration is held for invalid credentials: only a Reconnect with new credentials resumes it."),
    QUALITY_ASSURANCE_HOLD(HttpStatus.CONFLICT, "quality-assurance-hold", "Held for quality assurance",
            "The integration is stopped for quality assurance: Syncwatch re-enables it once the issue is resolved."),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too Many Requests",
            "The key's rate limit is exceeded; retry after the seconds in `Retry-After`."),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal Server Error",
            "An unexpected error. The `reference` property is also in the server log; quote it to support."),
    NOT_READY(HttpStatus.SERVICE_UNAVAILABLE, "not-ready", "Service Unavailable",
            "The instance is starting or stopping (`/actuator/health/readiness` is not UP); retry after `Retry-After` seconds."),
    DATABASE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Service Unavailable",
            "The database cannot be reached for the moment; nothing was stored for this request. Retry after `Retry-After` seconds.");

    /** Where the types live: {@code https://syncwatch.io/problems/<name>}. */
    public static final String TYPE_BASE = "https://syncwatch.io/problems/";

    private final HttpStatus status;
    private final String name;
    private final String title;
    private final String description;

    ApiProblem(HttpStatus status, String name, String title, String description) {
        this.status = status;
        this.name = name;
        this.title = title;
        this.description = description;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return URI.create(TYPE_BASE + name);
    }

    public String title() {
        return title;
    }

    /** What the type means, for the OpenAPI document. */
    public String description() {
        return description;
    }

    /** A problem of this type with the given detail. */
    public ProblemDetail with(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type());
        problem.setTitle(title);
        return problem;
    }

    /** The 404 of one resource, worded the same by every endpoint that names it, e.g. {@code notFound("Integration")}. */
    public static ProblemDetail notFound(String resource) {
        return NOT_FOUND.with(resource + " not found");
    }
}
