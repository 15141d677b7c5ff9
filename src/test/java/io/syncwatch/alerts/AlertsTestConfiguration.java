package io.syncwatch.alerts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The one extra bean of the alerts tests' shared context: a clock the tests move.
 *
 * <p>No stereotype: {@link AlertsTest} imports it ({@code @Bean} methods read as a lite
 * configuration), and component scanning never picks it up.
 */
public class AlertsTestConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

}
