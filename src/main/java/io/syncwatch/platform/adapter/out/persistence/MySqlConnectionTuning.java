package io.syncwatch.platform.adapter.out.persistence;

import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Connector/J settings for MySQL and MariaDB servers (HikariCP's recommended set): without a
 * prepared-statement cache the driver parses every SQL string again on each call, which was the
 * largest single cost of the Requests API's hot path (see {@code architecture/agentrequests.md}).
 * {@code generateSimpleParameterMetadata}: Spring's JDBC support asks a statement for its
 * parameter metadata before binding every {@code null}; without this setting the driver answers
 * each time with an exception (stack trace and all), one per null column of every row written.
 * The cache is larger than HikariCP's suggestion (500 statements up to 16 KiB instead of 250 up
 * to 2 KiB) so the request log's multi-row inserts (one SQL string per batch size, up to 200 rows)
 * are parsed once rather than on every batch. Settings given in {@code DB_URL} win; H2 is left alone.
 */
@Configuration(proxyBeanMethods = false)
class MySqlConnectionTuning {

    static final Map<String, String> SETTINGS = Map.of(
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "500",
            "prepStmtCacheSqlLimit", "16384",
            "useLocalSessionState", "true",
            "cacheServerConfiguration", "true",
            "elideSetAutoCommits", "true",
            "maintainTimeStats", "false",
            "generateSimpleParameterMetadata", "true");

    @Bean
    static BeanPostProcessor mySqlConnectionSettings() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                        && (hikari.getJdbcUrl().startsWith("jdbc:mysql:") || hikari.getJdbcUrl().startsWith("jdbc:mariadb:"))) {
                    SETTINGS.forEach((name, value) -> {
                        if (!hikari.getJdbcUrl().contains(name + "=")) {
                            hikari.addDataSourceProperty(name, value);
                        }
                    });
                }
                return bean;
            }
        };
    }
}
