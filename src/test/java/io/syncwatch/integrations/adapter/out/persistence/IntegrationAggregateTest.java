package io.syncwatch.integrations.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.FilterCondition;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.domain.AuditEntry;
import io.syncwatch.integrations.domain.Integration;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.SyncwatchTest;

/**
 * An integration is a Spring Data JDBC aggregate on the real server: saved and read back whole
 * (filters with tabs, newlines and unicode included), changed and saved again, listed per account
 * without the deleted ones, its audit trail appended on each save and read newest first, and the
 * time of its last API request only moved forward; every save increases its version, and a copy read
 * before another save cannot overwrite it (decision 0022).
 */
@SyncwatchTest
class IntegrationAggregateTest {

    @Autowired
    JdbcIntegrationStore store;

    @Autowired
    JdbcClient jdbc;

    private final AccountId account = AccountId.of(ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L));
    // DATETIME(6); MariaDB through Connector/J keeps whole seconds (README "Databases")
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void anIntegrationIsReadAndWrittenWhole() {
        ImportFilters filters = new ImportFilters(List.of(new FilterCondition(FilterField.CUSTOM_FIELD, "Plan\t(tier)", "Gold\n日本 🚀")),
                LocalDate.of(2026, 1, 15), Set.of("open", "pending"));
        Integration connected = Integration.connect(account, "Support desk", "ZENDESK", Environment.PRODUCTION, Schedule.values()[0],
                filters, "sealed-credentials", "ann@acme.test", now);

        store.save(connected);

        assertThat(connected.id()).isNotNull();
        Integration read = store.find(account, connected.id()).orElseThrow();
        assertThat(read.name()).isEqualTo("Support desk");
        assertThat(read.platform()).isEqualTo("ZENDESK");
        assertThat(read.environment()).isEqualTo(Environment.PRODUCTION);
        assertThat(read.filters()).isEqualTo(filters);
        assertThat(read.lifecycle()).isEqualTo(Lifecycle.SETUP);
        assertThat(read.encryptedCredentials()).isEqualTo("sealed-credentials");
        assertThat(read.connectedAt()).isEqualTo(now);
        assertThat(store.find(AccountId.of(account.value() + 1), connected.id())).as("another account's").isEmpty();

        read.configureFilters(ImportFilters.none(), "ann@acme.test", now.plusSeconds(1));
        read.pause(PauseReason.values()[0], "paused for the test", "bob@acme.test", now.plusSeconds(2));
        store.save(read);

        Integration again = store.findAnyAccount(connected.id()).orElseThrow();
        assertThat(again.filters()).isEqualTo(ImportFilters.none());
        assertThat(again.lifecycle()).isEqualTo(read.lifecycle());
        assertThat(again.pauseReason()).isEqualTo(read.pauseReason());
        assertThat(again.pauseDetail()).isEqualTo(read.pauseDetail());
        assertThat(store.auditTrail(account, connected.id())).extracting(AuditEntry::actor).first().isEqualTo("bob@acme.test");
        assertThat(store.auditTrail(account, connected.id())).extracting(AuditEntry::action).last().isEqualTo("Connected");

        store.touchApiRequest(account, connected.id(), now.plusSeconds(60));
        store.touchApiRequest(account, connected.id(), now.plusSeconds(30));
        assertThat(store.find(account, connected.id()).orElseThrow().lastApiRequestAt()).isEqualTo(now.plusSeconds(60));

        Integration other = Integration.connect(account, "Another desk", "INTERCOM", Environment.DEVELOPMENT, Schedule.values()[0],
                ImportFilters.none(), "sealed", "ann@acme.test", now);
        store.save(other);
        other.delete("ann@acme.test", now.plusSeconds(3));
        store.save(other);
        assertThat(store.list(account, false)).extracting(Integration::name).containsExactly("Support desk");
        assertThat(store.list(account, true)).extracting(Integration::name).containsExactly("Another desk", "Support desk");
    }

    @Test
    void everySaveIncreasesTheVersionAndACopyOvertakenByAnotherSaveWritesNothing() {
        Integration connected = Integration.connect(account, "Versioned desk", "ZENDESK", Environment.PRODUCTION,
                Schedule.values()[0], ImportFilters.none(), "sealed", "ann@acme.test", now);
        assertThat(connected.version()).as("never stored").isZero();
        store.save(connected);
        assertThat(connected.snapshot().version()).isEqualTo(1);

        Integration mine = store.find(account, connected.id()).orElseThrow();
        Integration theirs = store.find(account, connected.id()).orElseThrow();
        mine.configureFilters(ImportFilters.none(), "ann@acme.test", now.plusSeconds(1));
        store.save(mine);
        assertThat(mine.snapshot().version()).isEqualTo(2);
        assertThat(store.find(account, connected.id()).orElseThrow().version()).as("read back").isEqualTo(2);

        theirs.pause(PauseReason.MANUAL, null, "bob@acme.test", now.plusSeconds(2));
        assertThatThrownBy(() -> store.save(theirs)).as("the pause was decided on version 1")
                .isInstanceOf(OptimisticLockingFailureException.class);
        Integration stored = store.find(account, connected.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(store.auditTrail(account, connected.id())).extracting(AuditEntry::action).doesNotContain("Paused");

        stored.pause(PauseReason.MANUAL, null, "bob@acme.test", now.plusSeconds(3));
        store.save(stored);
        assertThat(stored.snapshot().version()).as("decided on the latest version, it is stored").isEqualTo(3);
        assertThat(stored.snapshot().newerThan(mine.snapshot().version())).isTrue();
    }

    @Test
    void aRowStoredBeforeTheVersionColumnIsUpdatedNotInsertedAgain() {
        // as migration V4 left it: the column's default
        jdbc.sql("INSERT INTO integration (account_id, name, platform, environment, schedule, filters, filters_configured,"
                + " lifecycle, credentials, connected_at, last_api_request_at) VALUES (?, 'Old desk', 'ZENDESK', 'PRODUCTION',"
                + " 'HOURLY', ?, TRUE, 'ACTIVE', 'sealed', ?, ?)")
                .params(account.value(), io.syncwatch.integrations.ImportFiltersJson.write(ImportFilters.none()),
                        java.sql.Timestamp.from(now), java.sql.Timestamp.from(now)).update();
        long id = jdbc.sql("SELECT id FROM integration WHERE account_id = ? AND name = 'Old desk'").param(account.value())
                .query(Long.class).single();
        Integration old = store.find(account, IntegrationId.of(id)).orElseThrow();
        assertThat(old.version()).isEqualTo(1);

        old.pause(PauseReason.MANUAL, null, "bob@acme.test", now);
        store.save(old);

        assertThat(store.find(account, IntegrationId.of(id)).orElseThrow()).satisfies(i -> {
            assertThat(i.version()).isEqualTo(2);
            assertThat(i.lifecycle()).isEqualTo(Lifecycle.PAUSED);
        });
    }
}
