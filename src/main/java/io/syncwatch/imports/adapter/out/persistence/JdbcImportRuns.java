package io.syncwatch.imports.adapter.out.persistence;

import static io.syncwatch.imports.adapter.out.persistence.JdbcImportIntegrations.instant;
import static io.syncwatch.imports.adapter.out.persistence.JdbcImportIntegrations.ts;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.ImportCounts;
import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.RunTrigger;
import io.syncwatch.imports.domain.DailyImports;
import io.syncwatch.imports.domain.RunLogLine;
import io.syncwatch.imports.domain.RunSummary;
import io.syncwatch.imports.application.port.out.ImportRuns;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

@Component
class JdbcImportRuns implements ImportRuns {

    private final JdbcClient jdbc;

    JdbcImportRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ImportRunId start(AccountId account, IntegrationId integration, RunTrigger trigger, String actor,
            boolean firstRun, Instant startedAt, @Nullable Instant backfillFrom) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO import_run (account_id, integration_id, run_trigger, actor, state, first_run, started_at, backfill_from)
                VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?)""")
                .params(account.value(), integration.value(), trigger.name(), actor, firstRun, ts(startedAt),
                        ts(backfillFrom))
                .update(keys, "id");
        return new ImportRunId(keys.getKey().longValue());
    }

    @Override
    public boolean anyRun(IntegrationId integration) {
        return jdbc.sql("SELECT COUNT(*) FROM import_run WHERE integration_id = ? AND run_trigger <> 'SINGLE_CONVERSATION'")
                .param(integration.value()).query(Long.class).single() > 0;
    }

    @Override
    public boolean firstRun(ImportRunId run) {
        return jdbc.sql("SELECT first_run FROM import_run WHERE id = ?").param(run.value()).query(Boolean.class)
                .optional().orElse(false);
    }

    @Override
    public List<RunSummary> unfinished(IntegrationId integration) {
        return jdbc.sql("""
                SELECT * FROM import_run WHERE integration_id = ? AND state IN ('RUNNING', 'INTERRUPTED')
                AND run_trigger <> 'SINGLE_CONVERSATION' ORDER BY id""")
                .param(integration.value()).query(this::map).list();
    }

    @Override
    public @Nullable Instant backfillFrom(ImportRunId run) {
        return jdbc.sql("SELECT backfill_from FROM import_run WHERE id = ?").param(run.value())
                .query((rs, i) -> instant(rs.getTimestamp(1))).optional().orElse(null);
    }

    @Override
    public int beginExecution(ImportRunId run) {
        jdbc.sql("UPDATE import_run SET state = 'RUNNING', executions = executions + 1 WHERE id = ?")
                .param(run.value()).update();
        return jdbc.sql("SELECT executions FROM import_run WHERE id = ?").param(run.value()).query(Integer.class)
                .single();
    }

    @Override
    public void interrupt(ImportRunId run) {
        jdbc.sql("UPDATE import_run SET state = 'INTERRUPTED' WHERE id = ? AND state = 'RUNNING'").param(run.value())
                .update();
    }

    @Override
    public void progress(ImportRunId run, ImportCounts c, double progress, @Nullable Instant lastRecordSavedAt) {
        jdbc.sql("""
                UPDATE import_run SET fetched = ?, imported = ?, updated = ?, skipped_by_filter = ?, skipped_duplicate = ?,
                skipped_malformed = ?, progress = ?, last_record_saved_at = COALESCE(?, last_record_saved_at) WHERE id = ?""")
                .params(c.fetched(), c.imported(), c.updated(), c.skippedByFilter(), c.skippedAsDuplicate(),
                        c.skippedMalformed(), progress, ts(lastRecordSavedAt), run.value())
                .update();
    }

    @Override
    public void log(ImportRunId run, AccountId account, Instant at, String level, String message) {
        jdbc.sql("INSERT INTO import_run_log (run_id, account_id, logged_at, level, message) VALUES (?, ?, ?, ?, ?)")
                .params(run.value(), account.value(), ts(at), level, message).update();
    }

    @Override
    public void finish(ImportRunId run, RunOutcome outcome, @Nullable FailureCategory category, String message,
            ImportCounts c, @Nullable Instant lastRecordSavedAt, Instant finishedAt) {
        jdbc.sql("""
                UPDATE import_run SET state = 'FINISHED', outcome = ?, failure_category = ?, message = ?, fetched = ?,
                imported = ?, updated = ?, skipped_by_filter = ?, skipped_duplicate = ?, skipped_malformed = ?,
                progress = 1, last_record_saved_at = ?, finished_at = ? WHERE id = ?""")
                .params(outcome.name(), category == null ? null : category.name(), message, c.fetched(), c.imported(),
                        c.updated(), c.skippedByFilter(), c.skippedAsDuplicate(), c.skippedMalformed(),
                        ts(lastRecordSavedAt), ts(finishedAt), run.value())
                .update();
    }

    @Override
    public Optional<RunSummary> find(AccountId account, ImportRunId run) {
        return jdbc.sql("SELECT * FROM import_run WHERE id = ? AND account_id = ?").params(run.value(), account.value())
                .query(this::map).optional();
    }

    @Override
    public List<RunSummary> page(AccountId account, IntegrationId integration, int offset, int limit) {
        return jdbc.sql("""
                SELECT * FROM import_run WHERE account_id = ? AND integration_id = ?
                ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?""")
                .params(account.value(), integration.value(), limit, offset).query(this::map).list();
    }

    @Override
    public long count(AccountId account, IntegrationId integration) {
        return jdbc.sql("SELECT COUNT(*) FROM import_run WHERE account_id = ? AND integration_id = ?")
                .params(account.value(), integration.value()).query(Long.class).single();
    }

    @Override
    public List<RunLogLine> logLines(AccountId account, ImportRunId run) {
        return jdbc.sql("SELECT logged_at, level, message FROM import_run_log WHERE run_id = ? AND account_id = ? ORDER BY id")
                .params(run.value(), account.value())
                .query((rs, i) -> new RunLogLine(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
                .list();
    }

    @Override
    public void addDaily(AccountId account, IntegrationId integration, LocalDate day, long imported, long updated) {
        jdbc.sql("""
                INSERT INTO import_daily_count (integration_id, count_day, account_id, imported, updated) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE imported = imported + VALUES(imported), updated = updated + VALUES(updated)""")
                .params(integration.value(), Date.valueOf(day), account.value(), imported, updated).update();
    }

    @Override
    public List<DailyImports> daily(AccountId account, IntegrationId integration, LocalDate from) {
        return jdbc.sql("""
                SELECT count_day, imported, updated FROM import_daily_count
                WHERE account_id = ? AND integration_id = ? AND count_day >= ? ORDER BY count_day""")
                .params(account.value(), integration.value(), Date.valueOf(from))
                .query((rs, i) -> new DailyImports(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3))).list();
    }

    private RunSummary map(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        String category = rs.getString("failure_category");
        return new RunSummary(new ImportRunId(rs.getLong("id")), IntegrationId.of(rs.getLong("integration_id")),
                RunTrigger.valueOf(rs.getString("run_trigger")), rs.getString("actor"),
                "RUNNING".equals(rs.getString("state")), "INTERRUPTED".equals(rs.getString("state")), outcome == null ? null : RunOutcome.valueOf(outcome),
                category == null ? null : FailureCategory.valueOf(category), rs.getString("message"),
                new ImportCounts(rs.getLong("fetched"), rs.getLong("imported"), rs.getLong("updated"),
                        rs.getLong("skipped_by_filter"), rs.getLong("skipped_duplicate"), rs.getLong("skipped_malformed")),
                rs.getDouble("progress"), rs.getTimestamp("started_at").toInstant(), instant(rs.getTimestamp("finished_at")),
                instant(rs.getTimestamp("last_record_saved_at")));
    }
}
