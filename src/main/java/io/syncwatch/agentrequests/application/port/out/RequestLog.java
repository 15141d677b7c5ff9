package io.syncwatch.agentrequests.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.syncwatch.agentrequests.AgentConnectRequestAccepted;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.platform.AccountId;

/** Storage of logged requests. */
public interface RequestLog {

    /** Stores a logged request: see {@link #append(LoggedRequest, AgentConnectRequestAccepted)}. */
    default void append(LoggedRequest request) {
        append(request, null);
    }

    /**
     * Stores the request if the log keeps it ({@link LoggedRequest#logged()}) and publishes
     * {@code accepted}, if given, in the same transaction (so the event publication registry holds
     * it exactly when the row is stored). With an accepted event it returns once both are
     * committed; a request that is only logged returns once its row is queued for the log's
     * writer, which commits it within milliseconds, keeps it through database outages and never
     * lets a later read of this log miss it. Concurrent calls may share one transaction.
     */
    void append(LoggedRequest request, @Nullable AgentConnectRequestAccepted accepted);

    List<LoggedRequest> page(AccountId account, LogQuery query, int offset, int limit);

    /**
     * Passes every row of the query to {@code action}, newest first (the order of {@link #page}),
     * reading {@code chunkRows} rows at a time (keyset paging), so memory stays bounded whatever
     * the number of rows.
     */
    void forEach(AccountId account, LogQuery query, int chunkRows, Consumer<LoggedRequest> action);

    Optional<LoggedRequest> find(AccountId account, String requestId);

    /** Invalid requests per error code (every error of a request counts) in [from, to). */
    default Map<String, Long> invalidCountsByError(AccountId account, Instant from, Instant to) {
        return invalidCountsByError(account, from, to, null);
    }

    /** Invalid requests per error code in [from, to) sent with a key of that kind (null: either). */
    Map<String, Long> invalidCountsByError(AccountId account, Instant from, Instant to, @Nullable KeyKind keyKind);

    /** Deletes rows created before the instant; returns how many. */
    int purgeBefore(Instant cutoff);
}
