package io.syncwatch.platform.adapter.in.web;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.syncwatch.platform.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Every exception a REST controller leaves unhandled becomes a problem answer of the one
 * vocabulary ({@link ApiProblem}): Spring MVC's own (400, 404, 405 with {@code Allow}, 406, 415 …)
 * through {@link ResponseEntityExceptionHandler}, a database outage as 503 with
 * {@code Retry-After}, anything else as 500 with a logged reference. It replaces Spring Boot's
 * default problem-details handler. Controllers' own {@code @ExceptionHandler}s still come first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** Method security ({@code @RolesAllowed}) refusing a valid key: the feature's 403, not an error. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return ResponseEntity.status(ApiProblem.FORBIDDEN.status())
                .body(ApiProblem.FORBIDDEN.with("The API key's account may not use this path (feature not enabled)."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, HttpServletRequest request) {
        var answer = ApiProblemResponses.forException(failure, request.getMethod(), request.getRequestURI());
        return ResponseEntity.status(answer.problem().getStatus()).headers(answer.headers()).body(answer.problem());
    }

    /** Spring MVC's problems get the type and title of the vocabulary for their status. */
    @Override
    protected @Nullable ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            for (ApiProblem known : ApiProblem.values()) {
                if (known.status().value() == statusCode.value() && known != ApiProblem.DATABASE_UNAVAILABLE
                        && known != ApiProblem.RECONNECT_REQUIRED && known != ApiProblem.QUALITY_ASSURANCE_HOLD) {
                    problem.setType(known.type());
                    problem.setTitle(known.title());
                    break;
                }
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
