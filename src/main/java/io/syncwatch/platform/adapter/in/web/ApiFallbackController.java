package io.syncwatch.platform.adapter.in.web;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import io.swagger.v3.oas.annotations.Hidden;
import io.syncwatch.platform.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Answers every request under {@code /api/**} that no endpoint takes, so that an API client never
 * gets the console's HTML page (nor a session cookie): {@code 405} with {@code Allow} when the
 * path exists for other methods, {@code 404} otherwise; both as problem+json. A trailing slash is
 * a different path (Spring's default), so {@code /requests/} answers 404, never the endpoint's
 * success.
 */
@RestController
@Hidden
class ApiFallbackController {

    private final RequestMappingHandlerMapping mappings;

    ApiFallbackController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/api/**")
    ResponseEntity<ProblemDetail> noEndpoint(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Set<String> allowed = allowedMethods(path);
        if (allowed.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ApiProblem.NOT_FOUND.with("No endpoint at " + path + " (see /v3/api-docs)"));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ALLOW, String.join(", ", allowed));
        if (HttpMethod.OPTIONS.matches(request.getMethod())) {
            return ResponseEntity.noContent().headers(headers).build();
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(headers)
                .body(ApiProblem.METHOD_NOT_ALLOWED.with(request.getMethod() + " is not supported at " + path
                        + "; use " + String.join(", ", allowed)));
    }

    /** The methods the other endpoints take at this path (GET implies HEAD), empty when none matches. */
    Set<String> allowedMethods(String path) {
        PathContainer container = PathContainer.parsePath(path);
        Set<RequestMethod> methods = new LinkedHashSet<>();
        boolean any = false;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            if (handler.getBeanType() == ApiFallbackController.class || info.getPathPatternsCondition() == null) {
                continue;
            }
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                if (pattern.matches(container)) {
                    any = true;
                    Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
                    methods.addAll(declared.isEmpty() ? Set.of(RequestMethod.values()) : declared);
                }
            }
        }
        if (!any) {
            return Set.of();
        }
        if (methods.contains(RequestMethod.GET)) {
            methods.add(RequestMethod.HEAD);
        }
        methods.add(RequestMethod.OPTIONS);
        return methods.stream().sorted().map(Enum::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
