package io.syncwatch.platform.adapter.in.web;

import java.io.IOException;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import io.syncwatch.platform.ApiProblem;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first filter of the API chain, so that every answer under {@code /api/**} is JSON:
 * <ul>
 * <li>until the instance is ready (and again while it stops) the APIs answer {@code 503} with
 * {@code Retry-After}, not a 401 for keys whose data is not there yet;</li>
 * <li>an exception from a later filter (an API key looked up while the database is down) becomes
 * a problem answer ({@link ApiProblemResponses});</li>
 * <li>the container's error dispatch of an {@code /api/**} request (a {@code sendError} anywhere)
 * is answered here as problem+json instead of falling into the console's chain (which would
 * redirect to the login page).</li>
 * </ul>
 */
class ApiEdgeFilter extends OncePerRequestFilter {

    private final ApplicationAvailability availability;
    private final JsonMapper json;

    ApiEdgeFilter(ApplicationAvailability availability, JsonMapper json) {
        this.availability = availability;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            answerErrorDispatch(request, response);
            return;
        }
        if (isApi(request) && availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            var answer = ApiProblemResponses.unavailable(ApiProblem.NOT_READY.with(
                    "Syncwatch is starting or stopping and does not take API requests yet; retry in a few seconds."));
            ApiProblemResponses.write(response, json, answer.problem(), answer.headers());
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            Throwable failure = e instanceof ServletException && e.getCause() != null ? e.getCause() : e;
            var answer = ApiProblemResponses.forException(failure, request.getMethod(), request.getRequestURI());
            ApiProblemResponses.write(response, json, answer.problem(), answer.headers());
        }
    }

    private void answerErrorDispatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        if (exception instanceof Throwable failure) {
            var answer = ApiProblemResponses.forException(failure, request.getMethod(), path);
            ApiProblemResponses.write(response, json, answer.problem(), answer.headers());
            return;
        }
        int status = code instanceof Integer i ? i : HttpStatus.INTERNAL_SERVER_ERROR.value();
        ProblemDetail problem = null;
        for (ApiProblem known : ApiProblem.values()) {
            if (known.status().value() == status) {
                problem = known.with(known.title());
                break;
            }
        }
        if (problem == null) {
            HttpStatus resolved = HttpStatus.resolve(status);
            problem = ProblemDetail.forStatus(status);
            problem.setTitle(resolved == null ? "Error" : resolved.getReasonPhrase());
        }
        HttpHeaders headers = new HttpHeaders();
        if (status == HttpStatus.UNAUTHORIZED.value()) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, ProblemEntryPoint.CHALLENGE);
        }
        ApiProblemResponses.write(response, json, problem, headers);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** The API chain also takes the error dispatch of {@code /api/**} requests. */
    static boolean isApiErrorDispatch(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return request.getDispatcherType() == DispatcherType.ERROR && uri != null
                && uri.toString().startsWith(request.getContextPath() + "/api/");
    }
}
