package io.syncwatch.imports.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.syncwatch.imports.ImportsTest;
import io.syncwatch.imports.application.port.in.ImportedContacts;
import io.syncwatch.imports.domain.ContactSearch;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestDatabase;

/**
 * The Imported contacts &amp; filters tab's total and channel list for one integration read only
 * the index {@code (account_id, integration_id, channel)} (migration imports V2), on the real
 * server (MySQL 8 / MariaDB 10.11): {@code EXPLAIN} names the index, a ref/range access and
 * "Using index" (no table rows read). The answers themselves are checked against the rows inserted.
 */
@ImportsTest
class ContactsTabQueryPlanTest {

    static final String INDEX = "ix_import_contact_account_integration_channel";
    static final List<String> CHANNELS = List.of("chat", "email", "phone", "social", "sms");

    @Autowired TestAccounts accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired ImportedContacts contacts;

    AccountId account;
    List<IntegrationId> integrations = new ArrayList<>();

    @BeforeEach
    void fill() {
        assumeFalse(TestDatabase.connection().kind() == TestDatabase.Kind.H2_FALLBACK,
                "query plans are checked on MySQL/MariaDB only");
        account = accounts.createWithAllFeatures().id();
        // 6 integrations x 1,500 contacts; integration i uses the first i channels (none for i = 0).
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < 6; i++) {
            long integration = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L);
            integrations.add(IntegrationId.of(integration));
            List<Object[]> rows = new ArrayList<>();
            for (int n = 0; n < 1500; n++) {
                String channel = i == 0 ? null : CHANNELS.get(n % i);
                rows.add(new Object[] { account.value(), integration, "P-" + n, channel, now, now, now });
            }
            jdbc.batchUpdate("INSERT INTO import_contact (account_id, integration_id, source_reference, channel, "
                    + "source_created_at, source_updated_at, first_imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
        }
        jdbc.execute("ANALYZE TABLE import_contact");
    }

    List<Map<String, Object>> explain(String sql, Object... args) {
        return jdbc.queryForList("EXPLAIN " + sql, args);
    }

    static void readsOnlyTheIndex(List<Map<String, Object>> plan) {
        assertThat(plan).singleElement().satisfies(row -> {
            assertThat(row.get("key")).as("index used: %s", row).isEqualTo(INDEX);
            assertThat(String.valueOf(row.get("type"))).as("access: %s", row).isIn("ref", "range");
            assertThat(String.valueOf(row.get("Extra"))).as("index-only: %s", row).contains("Using index");
        });
    }

    @Test
    void theTotalForOneIntegrationIsCountedFromTheIndex() {
        IntegrationId third = integrations.get(3);
        var search = new ContactSearch("", false, third, null, null, null);
        List<Object> args = new ArrayList<>();
        readsOnlyTheIndex(explain(JdbcContactStore.countSql(account, search, args), args.toArray()));
        assertThat(contacts.count(account, search)).isEqualTo(1500);

        var byChannel = new ContactSearch("", false, third, "email", null, null);
        List<Object> channelArgs = new ArrayList<>();
        readsOnlyTheIndex(explain(JdbcContactStore.countSql(account, byChannel, channelArgs), channelArgs.toArray()));
        assertThat(contacts.count(account, byChannel)).isEqualTo(500);
    }

    @Test
    void theChannelListOfOneIntegrationComesFromTheIndex() {
        readsOnlyTheIndex(explain(JdbcContactStore.channelsSql(true), account.value(), integrations.get(2).value()));
        assertThat(contacts.channels(account, integrations.get(2))).containsExactly("chat", "email");
        assertThat(contacts.channels(account, integrations.get(0))).as("no channel recorded").isEmpty();

        List<Map<String, Object>> accountWide = explain(JdbcContactStore.channelsSql(false), account.value());
        assertThat(accountWide).singleElement().satisfies(row -> {
            assertThat(String.valueOf(row.get("Extra"))).as("index-only: %s", row).contains("Using index");
            assertThat(String.valueOf(row.get("type"))).as("no full table scan: %s", row).isNotEqualTo("ALL");
        });
        assertThat(contacts.channels(account, null)).containsExactlyElementsOf(CHANNELS.stream().sorted().toList());
    }
}
