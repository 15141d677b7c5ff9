package io.syncwatch.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test application context at the database {@link TestDatabase} chose, unless it
 * sets {@value #OWN_DATABASE}{@code =true} (a test that starts the application on a database of
 * its own, e.g. one created with {@link TestDatabase#createDatabase}). Runs first, so that
 * {@link DatabaseProxyInitializer} can put a proxy in front of it.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String OWN_DATABASE = "syncwatch.test.own-database";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().getProperty(OWN_DATABASE, Boolean.class, false)) {
            return;
        }
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("syncwatch-test-database", TestDatabase.connection().properties()));
    }
}
