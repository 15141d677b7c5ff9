package io.syncwatch.alerts;

import java.time.Instant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.syncwatch.testsupport.MovableClock;

/**
 * The one extra bean of the alerts tests' shared context: a clock the tests move.
 *
 * <p>No stereotype: {@link AlertsTest} imports it ({@code @Bean} methods read as a lite
 * configuration), and component scanning never picks it up.
 */
public class AlertsTestConfiguration {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock(Instant.parse("2026-11-23T08:00:00Z"));
    }

}
