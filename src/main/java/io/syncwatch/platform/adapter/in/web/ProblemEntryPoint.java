package io.syncwatch.platform.adapter.in.web;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import io.syncwatch.platform.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API chain's 401 and 403: a problem body, and for 401 the {@code WWW-Authenticate: Bearer}
 * challenge RFC 9110 requires (the same as the Agent Connect API's).
 */
class ProblemEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String CHALLENGE = "Bearer";

    private final JsonMapper json;

    ProblemEntryPoint(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        ApiProblemResponses.write(response, json, ApiProblem.UNAUTHORIZED.with(
                "A valid API key is required: Authorization: Bearer sw_… (or X-API-Key)."), headers);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ApiProblemResponses.write(response, json, ApiProblem.FORBIDDEN.with(
                "The API key's account may not use this path (feature not enabled)."), new HttpHeaders());
    }
}
