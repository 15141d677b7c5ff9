package io.syncwatch.imports.application;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Tunables of the pipeline (properties {@code syncwatch.imports.*}). */
@Component
public class ImportSettings {

    final int pageSize;
    final int maxAttempts;
    final Duration retryBackoff;
    final Duration defaultLookback;

    ImportSettings(@Value("${syncwatch.imports.page-size:200}") int pageSize,
            @Value("${syncwatch.imports.retry.max-attempts:3}") int maxAttempts,
            @Value("${syncwatch.imports.retry.backoff:2s}") Duration retryBackoff,
            @Value("${syncwatch.imports.default-lookback:30d}") Duration defaultLookback) {
        this.pageSize = pageSize;
        this.maxAttempts = maxAttempts;
        this.retryBackoff = retryBackoff;
        this.defaultLookback = defaultLookback;
    }
}
