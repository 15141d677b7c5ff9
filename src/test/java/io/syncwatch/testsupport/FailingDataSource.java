package io.syncwatch.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the application's data source so that a test can take the database away on demand:
 * while {@link #down()}, every request for a connection fails as the pool fails when the
 * server is gone ({@link SQLTransientConnectionException}), and each refusal is counted.
 * Register it with {@code @Bean static BeanPostProcessor …() { return new FailingDataSource(); }}
 * and reach it through {@link #current()}.
 */
public class FailingDataSource implements BeanPostProcessor {

    private static final AtomicBoolean down = new AtomicBoolean();
    private static final AtomicInteger refused = new AtomicInteger();

    /** Connections are refused from now on. */
    public static void takeDown() {
        down.set(true);
    }

    /** Connections are given again. */
    public static void bringBack() {
        down.set(false);
    }

    public static boolean down() {
        return down.get();
    }

    /** Connections refused since the JVM started. */
    public static int refused() {
        return refused.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof DataSource target)) {
            return bean;
        }
        return Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] { DataSource.class },
                (proxy, method, args) -> {
                    if (down.get() && method.getName().equals("getConnection")) {
                        refused.incrementAndGet();
                        throw new SQLTransientConnectionException("Connection is not available (test: database down)");
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
