package io.syncwatch.agentrequests.domain;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** All errors found, in validation order (the first is the primary error), and the resolved brand and language. */
public record ValidationOutcome(List<RequestError> errors, @Nullable String resolvedBrand, @Nullable String resolvedLanguage) {

    public ValidationOutcome {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public Optional<RequestError> primary() {
        return errors.stream().findFirst();
    }

    public List<RequestErrorCode> codes() {
        return errors.stream().map(RequestError::code).toList();
    }
}
