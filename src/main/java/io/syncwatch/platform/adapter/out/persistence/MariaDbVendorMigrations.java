package io.syncwatch.platform.adapter.out.persistence;

import java.util.Arrays;

import org.flywaydb.core.api.Location;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * MariaDB's own driver ({@code jdbc:mariadb:} URLs) makes Spring Boot resolve the Flyway location
 * {@code db/vendor/{vendor}} to {@code db/vendor/mariadb}; the MySQL-family migrations live in
 * {@code db/vendor/mysql} and serve both servers, so that location is used instead (the event
 * publication table and the request log's partitions come from there).
 */
@Component
class MariaDbVendorMigrations implements FlywayConfigurationCustomizer {

    @Override
    public void customize(org.flywaydb.core.api.configuration.FluentConfiguration configuration) {
        Location[] locations = configuration.getLocations();
        boolean mariadb = Arrays.stream(locations).anyMatch(l -> l.getDescriptor().endsWith("db/vendor/mariadb"));
        if (mariadb) {
            configuration.locations(Arrays.stream(locations)
                    .map(l -> l.getDescriptor().endsWith("db/vendor/mariadb")
                            ? l.getDescriptor().substring(0, l.getDescriptor().length() - "mariadb".length()) + "mysql"
                            : l.getDescriptor())
                    .toArray(String[]::new));
        }
    }
}
