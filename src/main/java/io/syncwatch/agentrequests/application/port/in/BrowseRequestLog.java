package io.syncwatch.agentrequests.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.agentrequests.domain.ValidationOutcome;
import io.syncwatch.platform.AccountId;

/** The API Status page and the request-log endpoint: always scoped to one account. */
public interface BrowseRequestLog {

    /** Newest first. */
    List<LoggedRequest> page(AccountId account, LogQuery query, int offset, int limit);

    /**
     * Every row of the query, newest first, handed to {@code action} as it is read, {@code chunkRows}
     * (1 to 500) at a time: for exports of any size in bounded memory.
     */
    void forEach(AccountId account, LogQuery query, int chunkRows, Consumer<LoggedRequest> action);

    Optional<LoggedRequest> find(AccountId account, String requestId);

    /** Invalid requests per error code (every error of a request counts) in [from, to). */
    Map<String, Long> invalidCountsByError(AccountId account, Instant from, Instant to);

    /** Validates the logged request again against the current settings; nothing is sent or logged. */
    Optional<ValidationOutcome> recheck(AccountId account, String requestId);
}
