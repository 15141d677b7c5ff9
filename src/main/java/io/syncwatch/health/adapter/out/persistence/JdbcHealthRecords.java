package io.syncwatch.health.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.syncwatch.health.DetailedState;
import io.syncwatch.health.SummaryStatus;
import io.syncwatch.health.domain.HealthFilter;
import io.syncwatch.health.domain.HealthSort;
import io.syncwatch.health.application.port.out.HealthRecords;
import io.syncwatch.health.domain.HealthNotification;
import io.syncwatch.health.domain.HealthRecord;
import io.syncwatch.imports.FailureCategory;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.platform.AccountId;

/**
 * Health records in {@code health_record}: one row per integration, read and written by primary key.
 * Hand-written SQL rather than a Spring Data JDBC aggregate (issue 19, decision 0023): every write
 * also counts {@code change_version} up and stamps {@code changed_at} with the database's clock in
 * the same statement (migration V106, live pages across instances), which a repository's save cannot
 * express; and the Platforms tab reads pages sorted and filtered by the admin's choice.
 */
@Repository
class JdbcHealthRecords implements HealthRecords {

    private static final String UPDATE = """
                UPDATE health_record SET name = :name, platform = :platform, schedule = :schedule,
                  schedule_minutes = :scheduleMinutes, lifecycle = :lifecycle, pause_reason = :pauseReason,
                  pause_detail = :pauseDetail, connected_at = :connectedAt, run_state = :runState,
                  detailed_state = :state, summary_rank = :rank, deleted = :deleted, last_ran_at = :lastRanAt,
                  last_data_imported_at = :lastData, message = :message, failure_category = :category,
                  recommended_action = :action, running = :running, auth_failing_since = :authSince,
                  first_run_done = :firstRunDone, next_run_at = :nextRunAt, integration_version = :integrationVersion,
                  change_version = change_version + 1, changed_at = CURRENT_TIMESTAMP(6)
                WHERE integration_id = :id""";


    private static final String COLUMNS = "integration_id, account_id, name, platform, schedule, lifecycle, pause_reason,"
            + " pause_detail, connected_at, run_state, detailed_state, last_ran_at, last_data_imported_at, message,"
            + " failure_category, recommended_action, running, auth_failing_since, first_run_done, next_run_at,"
            + " integration_version";

    private static final Map<HealthSort.Column, String> SORT_COLUMNS = Map.of(
            HealthSort.Column.NAME, "name",
            HealthSort.Column.PLATFORM, "platform",
            HealthSort.Column.STATUS, "summary_rank",
            HealthSort.Column.LAST_RAN_AT, "last_ran_at",
            HealthSort.Column.LAST_DATA_IMPORTED, "last_data_imported_at",
            HealthSort.Column.NEXT_RUN, "next_run_at",
            HealthSort.Column.SCHEDULE, "schedule_minutes");

    private final JdbcClient jdbc;

    JdbcHealthRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<HealthRecord> findForUpdate(IntegrationId integration) {
        // a plain read first: locking a missing row would take a gap lock, and two listeners creating
        // the same record would then deadlock on their INSERTs; an existing row is locked alone (by
        // primary key), so concurrent events of one integration apply one after the other
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM health_record WHERE integration_id = ?")
                .param(integration.value()).query(Long.class).single() > 0;
        return exists ? lockExisting(integration) : Optional.empty();
    }

    @Override
    public Optional<HealthRecord> lockExisting(IntegrationId integration) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM health_record WHERE integration_id = ? FOR UPDATE")
                .param(integration.value())
                .query(JdbcHealthRecords::map)
                .optional();
    }

    @Override
    public Optional<HealthRecord> find(IntegrationId integration) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM health_record WHERE integration_id = ?")
                .param(integration.value())
                .query(JdbcHealthRecords::map)
                .optional();
    }

    @Override
    public boolean save(HealthRecord r, boolean isNew) {
        var params = new java.util.LinkedHashMap<String, @Nullable Object>();
        params.put("id", r.integrationId().value());
        params.put("account", r.accountId().value());
        params.put("name", r.name());
        params.put("platform", r.platform());
        params.put("schedule", r.schedule().name());
        params.put("scheduleMinutes", (int) r.schedule().interval().toMinutes());
        params.put("lifecycle", r.lifecycle().name());
        params.put("pauseReason", r.pauseReason() == null ? null : r.pauseReason().name());
        params.put("pauseDetail", r.pauseDetail());
        params.put("connectedAt", ts(r.connectedAt()));
        params.put("runState", r.runState().name());
        params.put("state", r.state().name());
        params.put("rank", r.state().summary().ordinal());
        params.put("deleted", r.lifecycle() == Lifecycle.DELETED);
        params.put("lastRanAt", ts(r.lastRanAt()));
        params.put("lastData", ts(r.lastDataImportedAt()));
        params.put("message", r.message());
        params.put("category", r.failureCategory() == null ? null : r.failureCategory().name());
        params.put("action", r.recommendedAction());
        params.put("running", r.running());
        params.put("authSince", ts(r.authFailingSince()));
        params.put("firstRunDone", r.firstRunDone());
        params.put("nextRunAt", ts(r.nextRunAt()));
        params.put("integrationVersion", r.integrationVersion());
        if (!isNew) {
            // by primary key, on the row the caller has locked: no other row or index range is locked
            if (jdbc.sql(UPDATE).params(params).update() == 0) {
                throw new IllegalStateException("Health record of integration " + r.integrationId() + " vanished");
            }
            return true;
        }
        // an upsert: if a concurrent listener created the record first, this bumps its counter (2 rows
        // affected), holding the row exclusively — a plain INSERT would hold a shared lock, and two such
        // transactions would deadlock on their next statement — and the caller applies its change to it
        return jdbc.sql("""
                INSERT INTO health_record (integration_id, account_id, name, platform, schedule, schedule_minutes,
                  lifecycle, pause_reason, pause_detail, connected_at, run_state, detailed_state, summary_rank,
                  deleted, last_ran_at, last_data_imported_at, message, failure_category, recommended_action,
                  running, auth_failing_since, first_run_done, next_run_at, integration_version, change_version, changed_at)
                VALUES (:id, :account, :name, :platform, :schedule, :scheduleMinutes, :lifecycle, :pauseReason,
                  :pauseDetail, :connectedAt, :runState, :state, :rank, :deleted, :lastRanAt, :lastData, :message,
                  :category, :action, :running, :authSince, :firstRunDone, :nextRunAt, :integrationVersion, 1,
                  CURRENT_TIMESTAMP(6))
                ON DUPLICATE KEY UPDATE create_conflicts = create_conflicts + 1""").params(params).update() == 1;
    }

    @Override
    public List<Changed> changedSince(java.util.Collection<AccountId> accounts, Instant since) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT account_id, integration_id, change_version, changed_at FROM health_record"
                + " WHERE account_id IN (:accounts) AND changed_at > :since")
                .param("accounts", accounts.stream().map(AccountId::value).toList())
                .param("since", java.sql.Timestamp.from(since))
                .query((rs, i) -> new Changed(AccountId.of(rs.getLong(1)), IntegrationId.of(rs.getLong(2)), rs.getLong(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    @Override
    public Instant databaseNow() {
        return jdbc.sql("SELECT CURRENT_TIMESTAMP(6)").query(java.sql.Timestamp.class).single().toInstant();
    }

    @Override
    public List<HealthRecord> page(AccountId account, HealthFilter filter, List<HealthSort> sort, int offset, int limit) {
        var params = new java.util.HashMap<String, Object>();
        String where = where(account, filter, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM health_record WHERE " + where + " ORDER BY " + orderBy(sort)
                + " LIMIT :limit OFFSET :offset").params(params).query(JdbcHealthRecords::map).list();
    }

    @Override
    public int count(AccountId account, HealthFilter filter) {
        var params = new java.util.HashMap<String, Object>();
        String where = where(account, filter, params);
        return jdbc.sql("SELECT COUNT(*) FROM health_record WHERE " + where).params(params).query(Integer.class).single();
    }

    private static String where(AccountId account, HealthFilter filter, Map<String, Object> params) {
        var sql = new StringBuilder("account_id = :account");
        params.put("account", account.value());
        if (!filter.showDeleted()) {
            sql.append(" AND deleted = FALSE");
        }
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND summary_rank IN (:ranks)");
            params.put("ranks", filter.statuses().stream().map(SummaryStatus::ordinal).toList());
        }
        if (!filter.search().isEmpty()) {
            sql.append(" AND LOWER(name) LIKE :search");
            params.put("search", "%" + filter.search().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return sql.toString();
    }

    private static String orderBy(List<HealthSort> sort) {
        List<String> parts = new ArrayList<>();
        for (HealthSort s : sort) {
            if (s.column() == HealthSort.Column.NAME) {
                continue;
            }
            parts.add(SORT_COLUMNS.get(s.column()) + (s.ascending() ? " ASC" : " DESC"));
        }
        boolean nameDesc = sort.stream().anyMatch(s -> s.column() == HealthSort.Column.NAME && !s.ascending());
        parts.add("name" + (nameDesc ? " DESC" : " ASC"));
        parts.add("integration_id ASC");
        return String.join(", ", parts);
    }

    @Override
    public void notify(AccountId account, IntegrationId integration, String integrationName, String kind, String message,
            Instant at) {
        jdbc.sql("INSERT INTO health_notification (account_id, integration_id, integration_name, kind, message, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(account.value(), integration.value(), integrationName, kind, message, ts(at)).update();
    }

    @Override
    public List<HealthNotification> notifications(AccountId account) {
        return jdbc.sql("SELECT integration_id, integration_name, kind, message, created_at FROM health_notification"
                + " WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT 200")
                .param(account.value())
                .query((rs, n) -> new HealthNotification(IntegrationId.of(rs.getLong(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    private static HealthRecord map(ResultSet rs, int row) throws SQLException {
        return HealthRecord.restore(IntegrationId.of(rs.getLong("integration_id")), AccountId.of(rs.getLong("account_id")),
                rs.getString("name"), rs.getString("platform"), Schedule.valueOf(rs.getString("schedule")),
                Lifecycle.valueOf(rs.getString("lifecycle")), enumOrNull(PauseReason.class, rs.getString("pause_reason")),
                rs.getString("pause_detail"), instant(rs, "connected_at"),
                DetailedState.valueOf(rs.getString("run_state")), DetailedState.valueOf(rs.getString("detailed_state")),
                instantOrNull(rs, "last_ran_at"), instantOrNull(rs, "last_data_imported_at"), rs.getString("message"),
                enumOrNull(FailureCategory.class, rs.getString("failure_category")), rs.getString("recommended_action"),
                rs.getBoolean("running"), instantOrNull(rs, "auth_failing_since"), rs.getBoolean("first_run_done"),
                instantOrNull(rs, "next_run_at"), rs.getLong("integration_version"));
    }

    private static <E extends Enum<E>> @Nullable E enumOrNull(Class<E> type, @Nullable String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
