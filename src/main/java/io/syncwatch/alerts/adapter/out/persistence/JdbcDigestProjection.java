package io.syncwatch.alerts.adapter.out.persistence;

import static io.syncwatch.alerts.adapter.out.persistence.Timestamps.instant;
import static io.syncwatch.alerts.adapter.out.persistence.Timestamps.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.syncwatch.alerts.application.port.out.DigestProjection;
import io.syncwatch.alerts.domain.DigestIntegration;
import io.syncwatch.health.DetailedState;
import io.syncwatch.platform.AccountId;

/**
 * The weekly digest's projections ({@code health_digest_integration}, {@code health_digest_daily})
 * and its send claims ({@code health_digest_sent}) in hand-written SQL (issue 19, decision 0023):
 * they are fed by concurrent event listeners, each changing a few columns or adding to a day's
 * count, with single-statement upserts that do not deadlock (see {@link #ensureIntegration}); a
 * digest slot is claimed by an insert that meets the primary key.
 */
@Repository
class JdbcDigestProjection implements DigestProjection {

    private final JdbcClient jdbc;

    JdbcDigestProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void stateChanged(AccountId account, long integrationId, String name, String platform, DetailedState state,
            @Nullable String message, @Nullable String action, Instant at, boolean recovered) {
        ensureIntegration(account, integrationId, name, platform);
        jdbc.sql("UPDATE health_digest_integration SET name = ?, platform = ?, state = ?, message = ?, recommended_action = ?, state_changed_at = ?"
                + (recovered ? ", recovered_at = ?" : "") + " WHERE account_id = ? AND integration_id = ?")
                .params(recovered
                        ? Arrays.<@Nullable Object>asList(name, platform, state.name(), message, action, ts(at), ts(at),
                                account.value(), integrationId)
                        : Arrays.<@Nullable Object>asList(name, platform, state.name(), message, action, ts(at),
                                account.value(), integrationId))
                .update();
    }

    /**
     * One statement that creates the row or, if it exists, locks it exclusively (a no-op update): a
     * plain insert that met a concurrent one would hold a shared lock, and two such transactions
     * then deadlock on their next update of the row.
     */
    private void ensureIntegration(AccountId account, long integrationId, String name, String platform) {
        jdbc.sql("""
                INSERT INTO health_digest_integration (account_id, integration_id, name, platform, state) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE integration_id = integration_id""")
                .params(account.value(), integrationId, name, platform, DetailedState.ACTIVE.name()).update();
    }

    @Override
    public void runFinished(AccountId account, long integrationId, Instant finishedAt, @Nullable Instant lastDataAt,
            @Nullable Instant nextRunAt, long imported) {
        ensureIntegration(account, integrationId, "Integration " + integrationId, "");
        jdbc.sql("UPDATE health_digest_integration SET last_ran_at = ?, last_data_at = COALESCE(?, last_data_at), next_run_at = ? WHERE account_id = ? AND integration_id = ?")
                .params(ts(finishedAt), ts(lastDataAt), ts(nextRunAt), account.value(), integrationId).update();
        LocalDate day = LocalDate.ofInstant(finishedAt, ZoneOffset.UTC);
        // one upsert: an UPDATE of a missing day would take a gap lock, and two first runs of a day
        // would then deadlock on their INSERTs
        jdbc.sql("""
                INSERT INTO health_digest_daily (account_id, integration_id, import_day, imported) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE imported = imported + VALUES(imported)""")
                .params(account.value(), integrationId, day, imported).update();
    }

    private static DigestIntegration integration(ResultSet rs, int row) throws SQLException {
        return new DigestIntegration(rs.getLong("integration_id"), rs.getString("name"), rs.getString("platform"),
                DetailedState.valueOf(rs.getString("state")), rs.getString("message"), rs.getString("recommended_action"),
                instant(rs, "recovered_at"), instant(rs, "last_ran_at"), instant(rs, "last_data_at"),
                instant(rs, "next_run_at"));
    }

    @Override
    public Optional<DigestIntegration> findIntegration(AccountId account, long integrationId) {
        return jdbc.sql("SELECT * FROM health_digest_integration WHERE account_id = ? AND integration_id = ?")
                .params(account.value(), integrationId).query(JdbcDigestProjection::integration).optional();
    }

    @Override
    public List<DigestIntegration> integrations(AccountId account) {
        return jdbc.sql("SELECT * FROM health_digest_integration WHERE account_id = ? ORDER BY name, integration_id")
                .param(account.value()).query(JdbcDigestProjection::integration).list();
    }

    @Override
    public Map<Long, Map<LocalDate, Long>> dailyImported(AccountId account, LocalDate from) {
        Map<Long, Map<LocalDate, Long>> result = new LinkedHashMap<>();
        jdbc.sql("SELECT integration_id, import_day, imported FROM health_digest_daily WHERE account_id = ? AND import_day >= ?")
                .params(account.value(), from).query(rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getDate(2).toLocalDate(),
                            rs.getLong(3));
                });
        return result;
    }

    @Override
    public boolean claimDigest(Instant slot, AccountId account, Instant now) {
        try {
            return jdbc.sql("INSERT INTO health_digest_sent (slot_at, account_id, sent_at) VALUES (?, ?, ?)")
                    .params(ts(slot), account.value(), ts(now)).update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public List<AccountId> accounts() {
        return jdbc.sql("SELECT DISTINCT account_id FROM health_digest_integration ORDER BY account_id")
                .query((rs, n) -> AccountId.of(rs.getLong(1))).list();
    }
}
