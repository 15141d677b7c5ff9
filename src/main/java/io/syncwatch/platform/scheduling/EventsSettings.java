package io.syncwatch.platform.scheduling;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * {@code syncwatch.events.*}: the resubmission of event publications still incomplete (a listener
 * failed). Completed publications are deleted. The defaults are here and nowhere else.
 *
 * @param resubmission  whether this application resubmits them periodically at all
 * @param resubmitEvery how often one instance checks for them
 * @param resubmitAfter how old an incomplete publication must be before it is delivered again
 */
@ConfigurationProperties("syncwatch.events")
@Validated
public record EventsSettings(@DefaultValue @Valid @NotNull Resubmission resubmission,
        @DefaultValue("1m") @NotNull @DurationMin(millis = 1) Duration resubmitEvery,
        @DefaultValue("1m") @NotNull @DurationMin(millis = 0) Duration resubmitAfter) {

    /** @param enabled false: incomplete publications are resubmitted at start-up only (tests) */
    public record Resubmission(@DefaultValue("true") boolean enabled) {
    }
}
