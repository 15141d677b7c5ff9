package io.syncwatch.imports.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.syncwatch.imports.application.port.out.ImportIntegrations;
import io.syncwatch.imports.domain.ImportIntegration;
import io.syncwatch.integrations.ImportFiltersJson;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.platform.AccountId;

@Component
class JdbcImportIntegrations implements ImportIntegrations {

    private final JdbcClient jdbc;

    JdbcImportIntegrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(IntegrationSnapshot s, Instant now) {
        // an integration that becomes active without a next run is due now
        Instant due = s.lifecycle() == Lifecycle.ACTIVE ? now : null;
        // 1. the row, from this snapshot, if there is none. ON DUPLICATE KEY takes the row's exclusive lock
        // whether it inserts or not: an UPDATE of a missing row would take a gap lock (two appliers of a new
        // integration would then deadlock on their INSERTs), and INSERT IGNORE a shared one (two appliers
        // upgrading it would deadlock)
        jdbc.sql("""
                INSERT INTO import_integration (id, account_id, name, platform, schedule, filters, lifecycle,
                next_run_at, integration_version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE id = id""")
                .params(s.id().value(), s.accountId().value(), s.name(), s.platform(), s.schedule().name(),
                        ImportFiltersJson.write(s.filters()), s.lifecycle().name(), ts(due), s.version(), ts(now))
                .update();
        // 2. a row holding an older snapshot takes this one; a newer or the same one (a late or resubmitted
        // event) is left as it is
        jdbc.sql("""
                UPDATE import_integration SET name = ?, platform = ?, schedule = ?, filters = ?, lifecycle = ?,
                next_run_at = COALESCE(next_run_at, ?), integration_version = ?, updated_at = ?
                WHERE id = ? AND integration_version < ?""")
                .params(s.name(), s.platform(), s.schedule().name(), ImportFiltersJson.write(s.filters()),
                        s.lifecycle().name(), ts(due), s.version(), ts(now), s.id().value(), s.version())
                .update();
    }

    @Override
    public Optional<ImportIntegration> find(IntegrationId id) {
        return jdbc.sql("SELECT * FROM import_integration WHERE id = ?").param(id.value()).query(this::map).optional();
    }

    @Override
    public List<ImportIntegration> ofAccount(AccountId account) {
        return jdbc.sql("SELECT * FROM import_integration WHERE account_id = ? ORDER BY name").param(account.value())
                .query(this::map).list();
    }

    @Override
    public List<IntegrationId> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM import_integration WHERE lifecycle = 'ACTIVE' AND next_run_at <= ?
                ORDER BY next_run_at LIMIT ?""")
                .params(ts(now), limit).query((rs, i) -> IntegrationId.of(rs.getLong(1))).list();
    }

    @Override
    public void lock(IntegrationId id) {
        jdbc.sql("SELECT id FROM import_integration WHERE id = ? FOR UPDATE").param(id.value()).query(Long.class)
                .optional();
    }

    @Override
    public void scheduleNext(IntegrationId id, Instant nextRunAt) {
        jdbc.sql("UPDATE import_integration SET next_run_at = ? WHERE id = ?").params(ts(nextRunAt), id.value())
                .update();
    }

    @Override
    public Optional<String> checkpoint(IntegrationId id) {
        return jdbc.sql("SELECT checkpoint_value FROM import_checkpoint WHERE integration_id = ?").param(id.value())
                .query((rs, i) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    @Override
    public void saveCheckpoint(IntegrationId id, AccountId account, String checkpoint, Instant now) {
        jdbc.sql("""
                INSERT INTO import_checkpoint (integration_id, account_id, checkpoint_value, updated_at) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE checkpoint_value = VALUES(checkpoint_value), updated_at = VALUES(updated_at)""")
                .params(id.value(), account.value(), checkpoint, ts(now)).update();
    }

    private ImportIntegration map(ResultSet rs, int row) throws SQLException {
        return new ImportIntegration(IntegrationId.of(rs.getLong("id")), new AccountId(rs.getLong("account_id")),
                rs.getString("name"), rs.getString("platform"), Schedule.valueOf(rs.getString("schedule")),
                ImportFiltersJson.read(rs.getString("filters")), Lifecycle.valueOf(rs.getString("lifecycle")),
                instant(rs.getTimestamp("next_run_at")));
    }

    /** Truncated to milliseconds: some databases round sub-microsecond parts up, which would put "now" in the future. */
    static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
