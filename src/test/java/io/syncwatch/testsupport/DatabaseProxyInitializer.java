package io.syncwatch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at the test database through the JVM's one {@link DatabaseProxy}, so that
 * the test can cut the database away and bring it back
 * ({@code @ContextConfiguration(initializers = DatabaseProxyInitializer.class)}). Runs after
 * {@link TestDatabaseInitializer}, whose URL it replaces. On the H2 fallback it changes nothing
 * (tests using it assume a real server).
 */
public class DatabaseProxyInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    private static DatabaseProxy proxy;

    /** The proxy in front of the test database, started on first use. */
    public static synchronized DatabaseProxy proxy() {
        if (proxy == null) {
            try {
                proxy = DatabaseProxy.forJdbcUrl(TestDatabase.connection().url());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return proxy;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!TestDatabase.isRealServer()) {
            return;
        }
        String url = proxy().proxiedUrl(TestDatabase.connection().url());
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("syncwatch-test-database-proxy", Map.of("spring.datasource.url", url)));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
