package io.syncwatch.platform.application.port.out;

import java.time.Instant;
import java.util.List;

import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.domain.SignInEvent;

public interface SignInEvents {

    void record(SignInEvent event);

    /** The account's most recent sign-ins, newest first. */
    List<SignInEvent> recent(AccountId account, int limit);

    /** Deletes at most {@code maxRows} events older than {@code before}; returns how many. */
    int purgeBefore(Instant before, int maxRows);
}
