package io.syncwatch.platform.application.port.out;

import java.time.Instant;
import java.util.Optional;

import io.syncwatch.platform.UserId;
import io.syncwatch.platform.domain.SetupLink;

/** Stored one-time password set-up links (hashes only). */
public interface SetupLinks {

    void add(UserId user, String tokenHash, Instant createdAt, Instant expiresAt);

    Optional<SetupLink> findByHash(String tokenHash);

    /** Marks the link used unless it was already: false when another request used it first. */
    boolean markUsed(long id, Instant at);

    /** Whether the user ever used a link (set their password through one). */
    boolean anyUsed(UserId user);

    /** Ends the user's unused links (a new one replaces them). */
    void expireUnused(UserId user, Instant at);
}
