package io.syncwatch.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test application context at the database {@link TestDatabase} chose. Runs first,
 * so that {@link DatabaseProxyInitializer} can put a proxy in front of it.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("syncwatch-test-database", TestDatabase.connection().properties()));
    }
}
