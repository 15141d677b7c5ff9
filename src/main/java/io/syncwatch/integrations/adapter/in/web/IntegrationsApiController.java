package io.syncwatch.integrations.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.ReconnectRequired;
import io.syncwatch.integrations.ResumeRefused;
import io.syncwatch.integrations.SupportReEnableRequired;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.IntegrationIsDeleted;
import io.syncwatch.integrations.IntegrationNotFound;
import io.syncwatch.integrations.IntegrationRefusal;
import io.syncwatch.integrations.InvalidIntegrationInput;
import io.syncwatch.platform.ApiProblem;
import io.syncwatch.platform.Permission;

/**
 * List, read, pause and resume the caller's integrations. Each call counts as an API request for
 * the integration it names (keeping development integrations active). Another account's
 * integration answers 404, exactly like one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/integrations")
@RolesAllowed(Permission.Names.API_INTEGRATIONS)
@Tag(name = "Integrations", description = "Source-platform integrations of the API key's account")
@SecurityRequirement(name = "apiKey")
class IntegrationsApiController {

    private final IntegrationManagement integrations;

    IntegrationsApiController(IntegrationManagement integrations) {
        this.integrations = integrations;
    }

    /** What the API shows of an integration (never credentials). */
    record IntegrationResource(long id, String name, String platform, String environment, String schedule,
            String lifecycle, @Nullable String pauseReason, @Nullable String pauseDetail, Instant connectedAt,
            FiltersResource filters) {

        static IntegrationResource of(IntegrationSnapshot s) {
            return new IntegrationResource(s.id().value(), s.name(), s.platform(), s.environment().name(),
                    s.schedule().name(), s.lifecycle().name(), s.pauseReason() == null ? null : s.pauseReason().name(),
                    s.pauseDetail(), s.connectedAt(),
                    new FiltersResource(s.filters().conditions().stream().map(c -> c.describe()).toList(),
                            s.filters().historicalStart(), s.filters().statusCriteria()));
        }
    }

    record FiltersResource(List<String> conditions, @Nullable LocalDate historicalStart, Set<String> statusCriteria) {
    }

    @GetMapping
    @Operation(summary = "List the account's integrations (deleted ones excluded)")
    List<IntegrationResource> list() {
        return integrations.list().stream().map(IntegrationResource::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get one integration", responses = {
            @ApiResponse(responseCode = "200", description = "The integration"),
            @ApiResponse(responseCode = "404", description = "No such integration in this account") })
    IntegrationResource get(@PathVariable long id) {
        IntegrationId integration = IntegrationId.of(id);
        integrations.recordApiRequest(integration);
        return IntegrationResource.of(integrations.get(integration));
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Pause an integration: it does not run until resumed",
            description = "An integration held for invalid credentials stays held (its pause reason is kept).")
    IntegrationResource pause(@PathVariable long id) {
        IntegrationId integration = IntegrationId.of(id);
        integrations.recordApiRequest(integration);
        return IntegrationResource.of(integrations.pause(integration));
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume (or reactivate) a paused or inactive integration", responses = {
            @ApiResponse(responseCode = "200", description = "The integration (unchanged if it was not paused)"),
            @ApiResponse(responseCode = "404", description = "No such integration in this account"),
            @ApiResponse(responseCode = "409", description = "Held for invalid credentials: only a Reconnect with "
                    + "new credentials resumes it (type .../reconnect-required); or stopped for quality assurance: "
                    + "Syncwatch re-enables it once the issue is resolved (type .../quality-assurance-hold)") })
    IntegrationResource resume(@PathVariable long id) {
        IntegrationId integration = IntegrationId.of(id);
        integrations.recordApiRequest(integration);
        return IntegrationResource.of(integrations.resume(integration));
    }

    /** A deleted integration is read-only; to the API it is gone, like one of another account. */
    @ExceptionHandler({ IntegrationNotFound.class, IntegrationIsDeleted.class })
    ProblemDetail notFound(IntegrationRefusal e) {
        return ApiProblem.notFound("Integration");
    }

    /** 409 for a Resume that a hold refuses; the type names the hold, {@code pauseReason} its reason. */
    @ExceptionHandler(ResumeRefused.class)
    ProblemDetail resumeRefused(ResumeRefused e) {
        ProblemDetail problem = switch (e) {
            case ReconnectRequired r -> ApiProblem.RECONNECT_REQUIRED.with(e.getMessage());
            case SupportReEnableRequired s -> ApiProblem.QUALITY_ASSURANCE_HOLD.with(e.getMessage());
        };
        problem.setProperty("pauseReason", e.reason().name());
        return problem;
    }

    @ExceptionHandler(InvalidIntegrationInput.class)
    ProblemDetail invalid(InvalidIntegrationInput e) {
        ProblemDetail problem = ApiProblem.INVALID_INPUT.with(e.getMessage());
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ApiProblem.INVALID_INPUT.with("'" + e.getName() + "' must be a number");
        problem.setProperty("errors", java.util.Map.of(e.getName(), "must be a number"));
        return problem;
    }
}
