package io.syncwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.syncwatch.testsupport.TestDatabase;

/**
 * The Flyway migrations of every module and of the root folder have been applied to the test
 * database (a real MySQL/MariaDB server in CI), each module in its own history table.
 */
@SpringBootTest
class MigrationsOnRealServerTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void eventPublicationAndModuleTablesExist() {
        List<String> tables = jdbc.sql("select lower(table_name) from information_schema.tables where table_schema = database()")
                .query(String.class).list();
        if (TestDatabase.connection().kind() == TestDatabase.Kind.H2_FALLBACK) {
            tables = jdbc.sql("select lower(table_name) from information_schema.tables where table_schema = 'PUBLIC'")
                    .query(String.class).list();
        }
        assertThat(tables).contains("event_publication", "account", "app_user", "account_api_key",
                "flyway_schema_history", "flyway_schema_history_platform");
    }

    @Test
    void everyAppliedMigrationSucceeded() {
        assumeTrue(TestDatabase.isRealServer(), "Flyway's history tables are checked on a real MySQL-family server only "
                + "(H2 fallback in use: no DB_URL, no Docker, and the embedded MariaDB did not start)");
        Integer failed = jdbc.sql("select count(*) from flyway_schema_history_platform where success = false")
                .query(Integer.class).single();
        Integer applied = jdbc.sql("select count(*) from flyway_schema_history_platform where version is not null and version <> '0'")
                .query(Integer.class).single();
        assertThat(failed).isZero();
        assertThat(applied).isPositive();
    }

    @Test
    void inCiTheServerIsARealMySqlFamilyDatabase() throws Exception {
        String product = jdbc.sql("select 1").query((rs, i) -> rs.getStatement().getConnection().getMetaData()
                .getDatabaseProductName()).single();
        if (Boolean.parseBoolean(System.getenv().getOrDefault("REQUIRE_REAL_DB", "false"))) {
            assertThat(product).containsAnyOf("MySQL", "MariaDB");
        } else {
            assertThat(product).isNotBlank();
        }
    }
}
