package io.syncwatch.health.alerts;


import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The one extra bean of the alerts tests' shared context: a clock the tests move. */
@TestConfiguration(proxyBeanMethods = false)
public class AlertsTestConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

}
