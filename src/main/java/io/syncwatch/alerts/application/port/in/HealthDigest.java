package io.syncwatch.alerts.application.port.in;

import java.time.Instant;
import java.util.List;

import io.syncwatch.alerts.domain.DigestLine;
import io.syncwatch.platform.AccountId;

/** The weekly health digest: on demand for the caller's account, and sent weekly to every account. */
public interface HealthDigest {

    record Digest(Instant generatedAt, List<DigestLine> lines) {
    }

    Digest generateNow();

    Digest generate(AccountId account);

    /** Mails and posts ("digest ready") every account's digest; returns how many accounts. */
    int sendWeekly();
}
