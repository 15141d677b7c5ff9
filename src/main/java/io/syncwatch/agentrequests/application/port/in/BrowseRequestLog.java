package io.syncwatch.agentrequests.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.syncwatch.agentrequests.domain.KeyKind;
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
    default Map<String, Long> invalidCountsByError(AccountId account, Instant from, Instant to) {
        return invalidCountsByError(account, from, to, null);
    }

    /**
     * Invalid requests per error code in [from, to) sent with a key of that kind (null: either):
     * the summary strip of a tab, {@link LogQuery#keyKindOfTab()}.
     */
    Map<String, Long> invalidCountsByError(AccountId account, Instant from, Instant to, @Nullable KeyKind keyKind);

    /** Validates the logged request again against the current settings; nothing is sent or logged. */
    Optional<ValidationOutcome> recheck(AccountId account, String requestId);
}
