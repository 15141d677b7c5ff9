package io.syncwatch.health.adapter.in.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.syncwatch.health.DetailedState;
import io.syncwatch.health.domain.HealthFilter;
import io.syncwatch.health.application.port.in.HealthQueries;
import io.syncwatch.health.domain.HealthSort;
import io.syncwatch.health.domain.HealthRecord;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.ApiProblem;

/** The integration states API (spec 002): only the sync-related subset of the detailed states. */
@RestController
@RequestMapping("/api/v1/integrations")
@jakarta.annotation.security.RolesAllowed(io.syncwatch.platform.Permission.Names.API_INTEGRATIONS)
@io.swagger.v3.oas.annotations.security.SecurityRequirement(name = "apiKey")
@Tag(name = "Integration states", description = "Sync state of each integration of the API key's account")
class IntegrationStatesController {

    static final Set<DetailedState> SYNC_STATES = Set.of(DetailedState.ACTIVE, DetailedState.SYNC_FAILING,
            DetailedState.SYNC_HAS_WARNINGS, DetailedState.AUTHENTICATION_FAILING, DetailedState.CREDENTIALS_INVALID);
    private static final int MAX_PAGE = 500;

    private final HealthQueries queries;

    IntegrationStatesController(HealthQueries queries) {
        this.queries = queries;
    }

    @Schema(description = "The state of one integration")
    record IntegrationState(long id, String name, String platform,
            @Schema(description = "Sync state, or null when the integration is not syncing (see lifecycle)",
                    nullable = true, allowableValues = { "ACTIVE", "SYNC_FAILING", "SYNC_HAS_WARNINGS",
                            "AUTHENTICATION_FAILING", "CREDENTIALS_INVALID" }) @Nullable String syncState,
            @Schema(description = "Why it is not syncing (null while syncing)", nullable = true,
                    allowableValues = { "WAITING_FOR_FIRST_RUN", "SETUP", "QUALITY_ASSURANCE", "INACTIVE",
                            "DELETED" }) @Nullable String lifecycle,
            @Nullable Instant lastRanAt, @Nullable Instant lastDataImportedAt,
            @Schema(description = "The most recent message in full", nullable = true) @Nullable String latestMessage) {

        static IntegrationState of(HealthRecord r) {
            boolean syncing = SYNC_STATES.contains(r.state());
            return new IntegrationState(r.integrationId().value(), r.name(), r.platform(),
                    syncing ? r.state().name() : null, syncing ? null : r.state().name(), r.lastRanAt(),
                    r.lastDataImportedAt(), r.message());
        }
    }

    @GetMapping("/states")
    @Operation(summary = "Sync states of the account's integrations",
            description = "Every integration of the API key's account (deleted ones included, with lifecycle DELETED), "
                    + "ordered by attention needed then name. Paged with offset/limit (limit at most 500).")
    List<IntegrationState> states(
            @Parameter(description = "Rows to skip") @RequestParam(defaultValue = "0") int offset,
            @Parameter(description = "Rows to return (1-500)") @RequestParam(defaultValue = "500") int limit) {
        if (offset < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "offset must not be negative");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and 500");
        }
        return queries.page(new HealthFilter(Set.of(), "", true), List.of(HealthSort.byStatus()), offset, limit)
                .stream().map(IntegrationState::of).toList();
    }

    @GetMapping("/{id}/state")
    @Operation(summary = "Sync state of one integration")
    @ApiResponse(responseCode = "200", description = "The integration's state")
    @ApiResponse(responseCode = "404", description = "No such integration in the API key's account")
    IntegrationState state(@Parameter(description = "Integration id") @PathVariable long id) {
        return queries.find(IntegrationId.of(id)).map(IntegrationState::of)
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND, ApiProblem.notFound("Integration"), null));
    }
}
