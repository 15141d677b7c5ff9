package io.syncwatch.platform.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.syncwatch.platform.domain.SignInPolicy;
import io.syncwatch.testsupport.MovableClock;

/**
 * The sign-in budgets' rules over time, on a clock the test moves (issue 16.1, 22.6): the table
 * is the migration's own, in a private in-memory database; the same adapter on MariaDB is driven
 * over HTTP by {@code SignInOverHttpTest} and {@code SignInSecurityTest}.
 */
class JdbcSignInBudgetsTest {

    static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
    static final Duration SECOND = Duration.ofSeconds(1);

    final MovableClock clock = new MovableClock(START);
    JdbcTemplate jdbc;
    JdbcSignInBudgets budgets;

    @BeforeEach
    void freshTable() throws IOException {
        var dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:budgets-" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(migrationStatement("CREATE TABLE sign_in_budget"));
        budgets = new JdbcSignInBudgets(dataSource, clock, SignInPolicy.standard());
    }

    @Test
    void fiveFailuresWithinFifteenMinutesUseUpTheLogin_evenAcrossTheQuarterHourOfTheFirst() {
        assertThat(budgets.takeLoginAttempt("login:a")).isTrue();
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        for (int i = 0; i < 3; i++) {
            assertThat(budgets.takeLoginAttempt("login:a")).isTrue();
        }
        clock.advance(Duration.ofSeconds(2)); // a window that restarted at 15:00 would give 5 new attempts here
        assertThat(budgets.takeLoginAttempt("login:a")).isTrue();
        assertThat(budgets.loginBudgetUsedUp("login:a")).as("4 failures in the last 15 minutes").isFalse();

        assertThat(budgets.takeLoginAttempt("login:a")).isTrue();

        assertThat(budgets.loginBudgetUsedUp("login:a")).as("the 5th failure within 15 minutes").isTrue();
        assertThat(budgets.takeLoginAttempt("login:a")).isFalse();
    }

    @Test
    void slowGuessingGetsOneAttemptBackPerWindow() {
        for (int i = 0; i < 4; i++) {
            budgets.takeLoginAttempt("login:b");
        }
        clock.advance(Duration.ofMinutes(15));

        assertThat(budgets.takeLoginAttempt("login:b")).isTrue();
        assertThat(budgets.loginBudgetUsedUp("login:b")).isFalse();
        assertThat(budgets.takeLoginAttempt("login:b")).isTrue();
        assertThat(budgets.loginBudgetUsedUp("login:b")).isTrue();
    }

    @Test
    void aLockLastsFifteenMinutesIsNeverExtended_andAfterItTheLoginHasAllItsAttempts() {
        for (int i = 0; i < 5; i++) {
            budgets.takeLoginAttempt("login:c");
        }
        assertThat(budgets.lock("lock:c", "login:c")).isTrue();
        assertThat(budgets.lockedFor("lock:c")).hasValueSatisfying(d -> assertThat(d).isCloseTo(Duration.ofMinutes(15), SECOND));

        clock.advance(Duration.ofMinutes(10));
        assertThat(budgets.lock("lock:c", "login:c")).as("another failure that saw the budget used up").isFalse();

        assertThat(budgets.lockedFor("lock:c")).as("not extended")
                .hasValueSatisfying(d -> assertThat(d).isCloseTo(Duration.ofMinutes(5), SECOND));
        clock.advance(Duration.ofMinutes(5));
        assertThat(budgets.lockedFor("lock:c")).isEmpty();
        for (int i = 0; i < 5; i++) {
            assertThat(budgets.takeLoginAttempt("login:c")).as("attempt %d after the lock", i + 1).isTrue();
        }
        assertThat(budgets.takeLoginAttempt("login:c")).isFalse();
        assertThat(budgets.lock("lock:c", "login:c")).isTrue();
        assertThat(budgets.lockedFor("lock:c")).as("locked again, for the whole duration")
                .hasValueSatisfying(d -> assertThat(d).isCloseTo(Duration.ofMinutes(15), SECOND));
    }

    @Test
    void anAddressWaitsLongerTheLongerItSprays() {
        for (int i = 0; i < 20; i++) {
            assertThat(budgets.takeIpAttempt("ip:192.0.2.1")).isEmpty();
        }
        assertThat(budgets.takeIpAttempt("ip:192.0.2.1")).hasValueSatisfying(
                wait -> assertThat(wait).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4)));
        for (int minute = 0; minute < 5; minute++) {
            clock.advance(Duration.ofMinutes(1));
            for (int i = 0; i < 20; i++) {
                budgets.takeIpAttempt("ip:192.0.2.1");
            }
        }

        assertThat(budgets.takeIpAttempt("ip:192.0.2.1")).as("100 an hour used up: waits for the hourly budget")
                .hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofSeconds(10)));
        assertThat(budgets.takeIpAttempt("ip:192.0.2.2")).as("another address").isEmpty();
    }

    @Test
    void budgetsUntouchedForADayAreForgotten_whichChangesNothing() {
        for (int i = 0; i < 20; i++) {
            budgets.takeIpAttempt("ip:192.0.2.1");
        }
        budgets.takeLoginAttempt("login:old");
        budgets.lock("lock:old", "login:old");
        clock.advance(Duration.ofHours(23));
        budgets.takeLoginAttempt("login:recent");
        clock.advance(Duration.ofHours(1).plusSeconds(1));

        int forgotten = budgets.forgetUnused(100);

        assertThat(forgotten).isEqualTo(2); // the address and the lock (the lock refilled the old login: no row)
        assertThat(ids()).containsExactly("login:recent");
        for (int i = 0; i < 20; i++) {
            assertThat(budgets.takeIpAttempt("ip:192.0.2.1")).as("a forgotten budget is a full one").isEmpty();
        }
        assertThat(budgets.lockedFor("lock:old")).isEmpty();
    }

    @Test
    void forgettingIsBoundedPerRun() {
        Timestamp old = Timestamp.from(START.minus(Duration.ofDays(2)));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(new Object[] { "ip:old-" + i, new byte[] { 1 }, old });
        }
        jdbc.batchUpdate("INSERT INTO sign_in_budget (id, state, updated_at) VALUES (?, ?, ?)", rows);

        assertThat(budgets.forgetUnused(2_000)).isEqualTo(2_000);
        assertThat(budgets.forgetUnused(2_000)).isEqualTo(500);
        assertThat(ids()).isEmpty();
    }

    private List<String> ids() {
        return jdbc.queryForList("SELECT id FROM sign_in_budget ORDER BY id", String.class);
    }

    /** One statement of the platform migration that creates the sign-in tables. */
    static String migrationStatement(String startsWith) throws IOException {
        String script = new ClassPathResource("db/migration/platform/V20__sign_in_throttling.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        String withoutComments = Stream.of(script.split("\n")).filter(line -> !line.strip().startsWith("--"))
                .reduce("", (a, b) -> a + b + "\n");
        return Stream.of(withoutComments.split(";")).map(String::strip).filter(s -> s.startsWith(startsWith)).findFirst()
                .orElseThrow();
    }
}
