package io.syncwatch.agentrequests.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.agentrequests.domain.ValidationOutcome;
import io.syncwatch.platform.AccountId;

/** The API Status page and the request-log endpoint: always scoped to one account. */
public interface BrowseRequestLog {

    /** Newest first. */
    List<LoggedRequest> page(AccountId account, LogQuery query, int offset, int limit);

    Optional<LoggedRequest> find(AccountId account, String requestId);

    /** Invalid requests per error code (every error of a request counts) in [from, to). */
    Map<String, Long> invalidCountsByError(AccountId account, Instant from, Instant to);

    /** Validates the logged request again against the current settings; nothing is sent or logged. */
    Optional<ValidationOutcome> recheck(AccountId account, String requestId);
}
