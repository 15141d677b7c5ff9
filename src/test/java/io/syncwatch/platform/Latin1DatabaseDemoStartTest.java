package io.syncwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.syncwatch.SyncwatchApplication;
import io.syncwatch.testsupport.TestDatabase;
import io.syncwatch.testsupport.TestDatabaseInitializer;

/**
 * Issue 22.3: the demo starts on a database created {@code CHARACTER SET latin1} (upstream MariaDB
 * 10.11's default) and comes up fully seeded, every table in utf8mb4. (That a start interrupted
 * half-way is completed by the next, nothing twice, is shown by the demo data's own tests.)
 * Runs on whatever server the tests use (DB_URL, the embedded MariaDB, or Testcontainers' MySQL).
 */
class Latin1DatabaseDemoStartTest {

    final String database = "sw_latin1_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000;

    @AfterEach
    void dropDatabase() throws SQLException {
        if (TestDatabase.isRealServer()) {
            TestDatabase.dropDatabase(database);
        }
    }

    @Test
    void theDemoStartsFullySeededOnALatin1Database() throws SQLException {
        assumeTrue(TestDatabase.isRealServer(), "needs a MySQL-family server (H2 fallback in use)");
        TestDatabase.Connection latin1;
        try {
            latin1 = TestDatabase.createDatabase(database, "CHARACTER SET latin1 COLLATE latin1_swedish_ci");
        } catch (SQLException e) {
            assumeTrue(false, "the test user may not create databases: " + e.getMessage());
            return;
        }

        try (var app = startDemo(latin1)) {
            JdbcClient jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
            assertThat(jdbc.sql("select database()").query(String.class).single()).isEqualTo(database);
            assertThat(jdbc.sql("select default_character_set_name from information_schema.schemata where schema_name = database()")
                    .query(String.class).single()).isEqualTo("utf8mb4");
            assertThat(jdbc.sql("select table_name from information_schema.tables where table_schema = database() "
                    + "and table_collation not like 'utf8mb4%'").query(String.class).list()).isEmpty();
            Map<String, Long> seeded = counts(jdbc);
            assertThat(seeded).containsEntry("account", 2L).containsEntry("app_user", 6L)
                    .containsEntry("integration", 12L) // Acme's 11 (one deleted) + Globex's one
                    .containsEntry("integration in setup", 1L) // "New helpdesk" only
                    .containsEntry("ac_api_key", 2L);
            assertThat(seeded.get("import_run")).isPositive();
            assertThat(seeded.get("ac_request_log")).isPositive();
            // the audit line with an arrow that failed on latin1 (Incorrect string value '\xE2\x86\x92…')
            assertThat(jdbc.sql("select count(*) from integration_audit where detail like '%→%'").query(Long.class).single())
                    .isPositive();
        }
    }

    /** The demo as {@code ./mvnw spring-boot:run} starts it, on the given database (command-line arguments win over DB_URL). */
    private static ConfigurableApplicationContext startDemo(TestDatabase.Connection db) {
        List<String> args = new java.util.ArrayList<>();
        db.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
        args.addAll(List.of("--" + TestDatabaseInitializer.OWN_DATABASE + "=true", "--server.port=0", "--syncwatch.imports.scheduler.enabled=false",
                "--syncwatch.alerts.scheduling.enabled=false", "--spring.main.banner-mode=off"));
        return new SpringApplicationBuilder(SyncwatchApplication.class).profiles("demo").run(args.toArray(String[]::new));
    }

    private static Map<String, Long> counts(JdbcClient jdbc) {
        var counts = new java.util.LinkedHashMap<String, Long>();
        for (String table : List.of("account", "app_user", "integration", "ac_api_key", "import_run", "ac_request_log")) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        counts.put("integration in setup", jdbc.sql("select count(*) from integration where lifecycle = 'SETUP'")
                .query(Long.class).single());
        return counts;
    }
}
