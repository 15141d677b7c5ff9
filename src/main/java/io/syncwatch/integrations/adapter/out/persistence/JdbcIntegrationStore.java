package io.syncwatch.integrations.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.ImportFiltersJson;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.application.port.out.IntegrationStore;
import io.syncwatch.integrations.domain.AuditEntry;
import io.syncwatch.integrations.domain.Integration;
import io.syncwatch.platform.AccountId;

/** Integrations in table {@code integration}; filters as a JSON document ({@link ImportFiltersJson}). */
@Repository
class JdbcIntegrationStore implements IntegrationStore {

    private static final String COLUMNS = "id, account_id, name, platform, environment, schedule, filters, "
            + "filters_configured, lifecycle, pause_reason, pause_detail, credentials, connected_at, last_api_request_at";

    private final JdbcClient jdbc;

    JdbcIntegrationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Integration save(Integration integration) {
        String filters = ImportFiltersJson.write(integration.filters());
        if (integration.id() == null) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO integration (account_id, name, platform, environment, schedule, filters, "
                    + "filters_configured, lifecycle, pause_reason, pause_detail, credentials, connected_at, last_api_request_at) "
                    + "VALUES (:account, :name, :platform, :environment, :schedule, :filters, :configured, :lifecycle, "
                    + ":reason, :detail, :credentials, :connected, :lastApi)")
                    .params(params(integration, filters)).update(keys, "id");
            integration.assignId(IntegrationId.of(keys.getKey().longValue()));
        } else {
            jdbc.sql("UPDATE integration SET name = :name, environment = :environment, schedule = :schedule, "
                    + "filters = :filters, filters_configured = :configured, lifecycle = :lifecycle, "
                    + "pause_reason = :reason, pause_detail = :detail, credentials = :credentials, "
                    + "last_api_request_at = :lastApi WHERE id = :id AND account_id = :account")
                    .params(params(integration, filters)).param("id", integration.id().value()).update();
        }
        for (AuditEntry entry : integration.drainAudit()) {
            jdbc.sql("INSERT INTO integration_audit (account_id, integration_id, at, actor, action, detail) "
                    + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(integration.accountId().value(), integration.id().value(), Timestamp.from(entry.at()),
                            truncate(entry.actor(), 200), truncate(entry.action(), 100), truncate(entry.detail(), 2000))
                    .update();
        }
        return integration;
    }

    private static Map<String, Object> params(Integration i, String filters) {
        var p = new java.util.HashMap<String, Object>();
        p.put("account", i.accountId().value());
        p.put("name", i.name());
        p.put("platform", i.platform());
        p.put("environment", i.environment().name());
        p.put("schedule", i.schedule().name());
        p.put("filters", filters);
        p.put("configured", i.filtersConfigured());
        p.put("lifecycle", i.lifecycle().name());
        p.put("reason", i.pauseReason() == null ? null : i.pauseReason().name());
        p.put("detail", i.pauseDetail() == null ? null : truncate(i.pauseDetail(), 500));
        p.put("credentials", i.encryptedCredentials());
        p.put("connected", Timestamp.from(i.connectedAt()));
        p.put("lastApi", Timestamp.from(i.lastApiRequestAt()));
        return p;
    }

    @Override
    public Optional<Integration> find(AccountId account, IntegrationId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM integration WHERE id = ? AND account_id = ?")
                .params(id.value(), account.value()).query(this::map).optional();
    }

    @Override
    public Optional<Integration> findAnyAccount(IntegrationId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM integration WHERE id = ?").params(id.value()).query(this::map)
                .optional();
    }

    @Override
    public List<Integration> list(AccountId account, boolean includeDeleted) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM integration WHERE account_id = ?"
                + (includeDeleted ? "" : " AND lifecycle <> 'DELETED'") + " ORDER BY name, id")
                .params(account.value()).query(this::map).list();
    }

    @Override
    public List<Integration> developmentCandidates() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM integration WHERE environment = 'DEVELOPMENT' "
                + "AND lifecycle IN ('ACTIVE', 'SETUP')").query(this::map).list();
    }

    @Override
    public List<AuditEntry> auditTrail(AccountId account, IntegrationId id) {
        return jdbc.sql("SELECT at, actor, action, detail FROM integration_audit WHERE account_id = ? AND integration_id = ? "
                + "ORDER BY at DESC, id DESC")
                .params(account.value(), id.value())
                .query((rs, n) -> new AuditEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("detail")))
                .list();
    }

    @Override
    public void touchApiRequest(AccountId account, IntegrationId id, Instant at) {
        jdbc.sql("UPDATE integration SET last_api_request_at = ? WHERE id = ? AND account_id = ? AND last_api_request_at < ?")
                .params(Timestamp.from(at), id.value(), account.value(), Timestamp.from(at)).update();
    }

    private Integration map(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("pause_reason");
        return Integration.restore(IntegrationId.of(rs.getLong("id")), new AccountId(rs.getLong("account_id")),
                rs.getString("name"), rs.getString("platform"), Environment.valueOf(rs.getString("environment")),
                Schedule.valueOf(rs.getString("schedule")), ImportFiltersJson.read(rs.getString("filters")),
                rs.getBoolean("filters_configured"), Lifecycle.valueOf(rs.getString("lifecycle")),
                reason == null ? null : PauseReason.valueOf(reason), rs.getString("pause_detail"),
                rs.getString("credentials"), rs.getTimestamp("connected_at").toInstant(),
                rs.getTimestamp("last_api_request_at").toInstant());
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
