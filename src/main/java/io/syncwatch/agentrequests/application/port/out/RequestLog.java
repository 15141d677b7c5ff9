package io.syncwatch.agentrequests.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.platform.AccountId;

/** Storage of logged requests. */
public interface RequestLog {

    void append(LoggedRequest request);

    List<LoggedRequest> page(AccountId account, LogQuery query, int offset, int limit);

    Optional<LoggedRequest> find(AccountId account, String requestId);

    Map<String, Long> invalidCountsByError(AccountId account, Instant from, Instant to);

    /** Deletes rows created before the instant; returns how many. */
    int purgeBefore(Instant cutoff);
}
