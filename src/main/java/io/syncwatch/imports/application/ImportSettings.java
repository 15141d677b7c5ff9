package io.syncwatch.imports.application;

import java.time.Duration;

import org.springframework.stereotype.Component;

/** Tunables of the pipeline (properties {@code syncwatch.imports.*}, {@link ImportsProperties}). */
@Component
public class ImportSettings {

    final int pageSize;
    final int maxAttempts;
    final Duration retryBackoff;
    final Duration defaultLookback;

    ImportSettings(ImportsProperties properties) {
        this.pageSize = properties.pageSize();
        this.maxAttempts = properties.retry().maxAttempts();
        this.retryBackoff = properties.retry().backoff();
        this.defaultLookback = properties.defaultLookback();
    }
}
