package io.syncwatch.alerts.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.syncwatch.health.DetailedState;
import io.syncwatch.alerts.application.port.out.AlertRouting;
import io.syncwatch.alerts.application.port.out.AlertRouting.StoredOwners;
import io.syncwatch.alerts.application.port.out.DigestProjection;
import io.syncwatch.alerts.application.port.out.WebhookDeliveries;
import io.syncwatch.alerts.application.port.out.WebhookEndpoints;
import io.syncwatch.alerts.domain.DigestIntegration;
import io.syncwatch.alerts.domain.WebhookDelivery;
import io.syncwatch.alerts.domain.WebhookEndpoint;
import io.syncwatch.alerts.domain.WebhookEventType;
import io.syncwatch.platform.AccountId;

/** JDBC storage for alerts (tables health_webhook_*, health_alert_*, health_digest_*), account-scoped. */
@Repository
class JdbcAlertsStore implements WebhookEndpoints, WebhookDeliveries, AlertRouting, DigestProjection {

    private static final String ENDPOINT_COLUMNS = "id, account_id, url, description, event_types, enabled, failing_since, disabled_reason, created_at";
    private static final String DELIVERY_COLUMNS = "id, account_id, endpoint_id, event_id, event_type, payload, status, attempts, first_attempt_at, next_attempt_at, last_attempt_at, response_code, response_millis, last_error, created_at";

    private final JdbcClient jdbc;

    JdbcAlertsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static @Nullable Timestamp ts(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    // ---- endpoints

    @Override
    public long create(AccountId account, String url, String description, Set<WebhookEventType> types,
            String secretCipher, Instant createdAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO health_webhook_endpoint (account_id, url, description, event_types, enabled, secret_cipher, created_at) VALUES (?, ?, ?, ?, TRUE, ?, ?)")
                .params(account.value(), url, description,
                        types.stream().map(Enum::name).sorted().collect(Collectors.joining(",")), secretCipher,
                        ts(createdAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private static WebhookEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        Arrays.stream(rs.getString("event_types").split(",")).map(WebhookEventType::byName)
                .flatMap(Optional::stream).forEach(types::add);
        return new WebhookEndpoint(rs.getLong("id"), rs.getLong("account_id"), rs.getString("url"),
                rs.getString("description"), types, rs.getBoolean("enabled"), instant(rs, "failing_since"),
                rs.getString("disabled_reason"), instant(rs, "created_at"));
    }

    @Override
    public List<WebhookEndpoint> list(AccountId account) {
        return jdbc.sql("SELECT " + ENDPOINT_COLUMNS + " FROM health_webhook_endpoint WHERE account_id = ? ORDER BY id")
                .param(account.value()).query(JdbcAlertsStore::endpoint).list();
    }

    @Override
    public Optional<WebhookEndpoint> find(AccountId account, long endpointId) {
        return jdbc.sql("SELECT " + ENDPOINT_COLUMNS + " FROM health_webhook_endpoint WHERE account_id = ? AND id = ?")
                .params(account.value(), endpointId).query(JdbcAlertsStore::endpoint).optional();
    }

    @Override
    public List<WebhookEndpoint> subscribedTo(AccountId account, WebhookEventType type) {
        return list(account).stream().filter(e -> e.enabled() && e.eventTypes().contains(type)).toList();
    }

    @Override
    public void setEnabled(AccountId account, long endpointId, boolean enabled, @Nullable String disabledReason) {
        jdbc.sql("UPDATE health_webhook_endpoint SET enabled = ?, disabled_reason = ? WHERE account_id = ? AND id = ?")
                .params(enabled, disabledReason, account.value(), endpointId).update();
    }

    @Override
    public void setSecretCipher(AccountId account, long endpointId, String secretCipher) {
        jdbc.sql("UPDATE health_webhook_endpoint SET secret_cipher = ? WHERE account_id = ? AND id = ?")
                .params(secretCipher, account.value(), endpointId).update();
    }

    @Override
    public Optional<String> secretCipher(AccountId account, long endpointId) {
        return jdbc.sql("SELECT secret_cipher FROM health_webhook_endpoint WHERE account_id = ? AND id = ?")
                .params(account.value(), endpointId).query(String.class).optional();
    }

    @Override
    public void setFailingSince(AccountId account, long endpointId, @Nullable Instant failingSince) {
        jdbc.sql("UPDATE health_webhook_endpoint SET failing_since = ? WHERE account_id = ? AND id = ?")
                .params(ts(failingSince), account.value(), endpointId).update();
    }

    // ---- deliveries

    private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
        int code = rs.getInt("response_code");
        Integer responseCode = rs.wasNull() ? null : code;
        long millis = rs.getLong("response_millis");
        Long responseMillis = rs.wasNull() ? null : millis;
        return new WebhookDelivery(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("endpoint_id"),
                rs.getString("event_id"), WebhookEventType.valueOf(rs.getString("event_type")), rs.getString("payload"),
                WebhookDelivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs, "first_attempt_at"), instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"),
                responseCode, responseMillis, rs.getString("last_error"), instant(rs, "created_at"));
    }

    @Override
    public long enqueue(AccountId account, long endpointId, String eventId, WebhookEventType type, String payload,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO health_webhook_delivery (account_id, endpoint_id, event_id, event_type, payload, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")
                .params(account.value(), endpointId, eventId, type.name(), payload, ts(now), ts(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    @Override
    public List<WebhookDelivery> due(Instant now, int limit) {
        return jdbc.sql("SELECT " + DELIVERY_COLUMNS + " FROM health_webhook_delivery WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")
                .params(ts(now), limit).query(JdbcAlertsStore::delivery).list();
    }

    @Override
    public List<WebhookDelivery> due(AccountId account, Instant now, int limit) {
        return jdbc.sql("SELECT " + DELIVERY_COLUMNS + " FROM health_webhook_delivery WHERE account_id = ? AND status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")
                .params(account.value(), ts(now), limit).query(JdbcAlertsStore::delivery).list();
    }

    @Override
    public boolean claim(long deliveryId, int expectedAttempts, Instant leaseUntil, Instant now) {
        return jdbc.sql("UPDATE health_webhook_delivery SET attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ? WHERE id = ? AND attempts = ? AND status IN ('PENDING', 'RETRYING')")
                .params(ts(now), ts(leaseUntil), deliveryId, expectedAttempts).update() == 1;
    }

    @Override
    public void recordAttempt(long deliveryId, WebhookDelivery.Status status, Instant firstAttemptAt,
            @Nullable Instant nextAttemptAt, @Nullable Integer responseCode, long responseMillis,
            @Nullable String error) {
        jdbc.sql("UPDATE health_webhook_delivery SET status = ?, first_attempt_at = ?, next_attempt_at = ?, response_code = ?, response_millis = ?, last_error = ? WHERE id = ?")
                .params(status.name(), ts(firstAttemptAt), ts(nextAttemptAt), responseCode, responseMillis,
                        error == null ? null : error.length() > 500 ? error.substring(0, 500) : error, deliveryId)
                .update();
    }

    @Override
    public List<WebhookDelivery> log(AccountId account, long endpointId, int offset, int limit) {
        return jdbc.sql("SELECT " + DELIVERY_COLUMNS + " FROM health_webhook_delivery WHERE account_id = ? AND endpoint_id = ? ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(account.value(), endpointId, limit, offset).query(JdbcAlertsStore::delivery).list();
    }

    @Override
    public int count(AccountId account, long endpointId) {
        return jdbc.sql("SELECT COUNT(*) FROM health_webhook_delivery WHERE account_id = ? AND endpoint_id = ?")
                .params(account.value(), endpointId).query(Integer.class).single();
    }

    @Override
    public Optional<WebhookDelivery> findDelivery(AccountId account, long deliveryId) {
        return jdbc.sql("SELECT " + DELIVERY_COLUMNS + " FROM health_webhook_delivery WHERE account_id = ? AND id = ?")
                .params(account.value(), deliveryId).query(JdbcAlertsStore::delivery).optional();
    }

    @Override
    public void requeue(AccountId account, long deliveryId, Instant now) {
        jdbc.sql("UPDATE health_webhook_delivery SET status = 'PENDING', attempts = 0, first_attempt_at = NULL, next_attempt_at = ? WHERE account_id = ? AND id = ?")
                .params(ts(now), account.value(), deliveryId).update();
    }

    @Override
    public int requeueFailedSince(AccountId account, long endpointId, Instant since, Instant now) {
        return jdbc.sql("UPDATE health_webhook_delivery SET status = 'PENDING', attempts = 0, first_attempt_at = NULL, next_attempt_at = ? WHERE account_id = ? AND endpoint_id = ? AND status = 'FAILED' AND created_at >= ?")
                .params(ts(now), account.value(), endpointId, ts(since)).update();
    }

    // ---- routing, mail log, notices

    @Override
    public Optional<StoredOwners> ownerOf(AccountId account, long integrationId) {
        return jdbc.sql("SELECT recipients, mailboxes FROM health_alert_owner WHERE account_id = ? AND integration_id = ?")
                .params(account.value(), integrationId)
                .query((rs, n) -> new StoredOwners(list(rs.getString(1)), list(rs.getString(2)))).optional()
                .filter(o -> !o.isEmpty());
    }

    @Override
    public Map<Long, StoredOwners> owners(AccountId account) {
        Map<Long, StoredOwners> owners = new HashMap<>();
        jdbc.sql("SELECT integration_id, recipients, mailboxes FROM health_alert_owner WHERE account_id = ?")
                .param(account.value()).query(rs -> {
                    owners.put(rs.getLong(1), new StoredOwners(list(rs.getString(2)), list(rs.getString(3))));
                });
        return owners;
    }

    @Override
    public void setOwner(AccountId account, long integrationId, StoredOwners owners) {
        jdbc.sql("DELETE FROM health_alert_owner WHERE account_id = ? AND integration_id = ?")
                .params(account.value(), integrationId).update();
        if (!owners.isEmpty()) {
            jdbc.sql("INSERT INTO health_alert_owner (account_id, integration_id, recipients, mailboxes) VALUES (?, ?, ?, ?)")
                    .params(account.value(), integrationId, String.join(", ", owners.users()),
                            String.join(", ", owners.mailboxes()))
                    .update();
        }
    }

    /** Stored lists are addresses separated by commas (older rows: also by spaces or semicolons). */
    private static List<String> list(String stored) {
        return stored == null ? List.of()
                : Arrays.stream(stored.split("[,;\\s]+")).map(String::strip).filter(a -> !a.isEmpty()).toList();
    }

    @Override
    public Optional<Instant> lastMailed(AccountId account, long integrationId, String kind) {
        return jdbc.sql("SELECT last_sent_at FROM health_alert_mail_log WHERE account_id = ? AND integration_id = ? AND kind = ?")
                .params(account.value(), integrationId, kind).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    @Override
    public void mailed(AccountId account, long integrationId, String kind, Instant at) {
        int updated = jdbc.sql("UPDATE health_alert_mail_log SET last_sent_at = ? WHERE account_id = ? AND integration_id = ? AND kind = ?")
                .params(ts(at), account.value(), integrationId, kind).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO health_alert_mail_log (account_id, integration_id, kind, last_sent_at) VALUES (?, ?, ?, ?)")
                    .params(account.value(), integrationId, kind, ts(at)).update();
        }
    }

    @Override
    public void hold(AccountId account, long integrationId, String kind, String about, Instant at, Instant dueAt) {
        // one upsert: an UPDATE of a missing row would take a gap lock, and two first holds would
        // then deadlock on their INSERTs
        jdbc.sql("""
                INSERT INTO health_alert_mail_held (account_id, integration_id, kind, about, held_count, first_held_at, last_held_at, due_at)
                VALUES (?, ?, ?, ?, 1, ?, ?, ?)
                ON DUPLICATE KEY UPDATE held_count = held_count + 1, about = VALUES(about), last_held_at = VALUES(last_held_at)""")
                .params(account.value(), integrationId, kind, about.length() > 400 ? about.substring(0, 400) : about,
                        ts(at), ts(at), ts(dueAt))
                .update();
    }

    private static HeldAlerts heldAlerts(ResultSet rs, int row) throws SQLException {
        return new HeldAlerts(AccountId.of(rs.getLong("account_id")), rs.getLong("integration_id"), rs.getString("kind"),
                rs.getString("about"), rs.getInt("held_count"), instant(rs, "first_held_at"),
                instant(rs, "last_held_at"), instant(rs, "due_at"));
    }

    @Override
    public Optional<HeldAlerts> held(AccountId account, long integrationId, String kind) {
        return jdbc.sql("SELECT * FROM health_alert_mail_held WHERE account_id = ? AND integration_id = ? AND kind = ?")
                .params(account.value(), integrationId, kind).query(JdbcAlertsStore::heldAlerts).optional();
    }

    @Override
    public List<HeldAlerts> heldDue(Instant now, int limit) {
        return jdbc.sql("SELECT * FROM health_alert_mail_held WHERE due_at <= ? ORDER BY due_at, account_id, integration_id, kind LIMIT ?")
                .params(ts(now), limit).query(JdbcAlertsStore::heldAlerts).list();
    }

    @Override
    public boolean release(HeldAlerts held) {
        return jdbc.sql("DELETE FROM health_alert_mail_held WHERE account_id = ? AND integration_id = ? AND kind = ? AND held_count = ?")
                .params(held.account().value(), held.integrationId(), held.kind(), held.count()).update() == 1;
    }

    @Override
    public void putBack(HeldAlerts held) {
        jdbc.sql("""
                INSERT INTO health_alert_mail_held (account_id, integration_id, kind, about, held_count, first_held_at, last_held_at, due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE held_count = held_count + VALUES(held_count), first_held_at = LEAST(first_held_at, VALUES(first_held_at)),
                    last_held_at = GREATEST(last_held_at, VALUES(last_held_at)), due_at = LEAST(due_at, VALUES(due_at))""")
                .params(held.account().value(), held.integrationId(), held.kind(), held.about(), held.count(),
                        ts(held.firstAt()), ts(held.lastAt()), ts(held.dueAt()))
                .update();
    }

    @Override
    public void addNotice(AccountId account, String message, Instant at) {
        jdbc.sql("INSERT INTO health_alert_notice (account_id, message, created_at) VALUES (?, ?, ?)")
                .params(account.value(), message.length() > 1000 ? message.substring(0, 1000) : message, ts(at)).update();
    }

    @Override
    public List<Notice> notices(AccountId account, int limit) {
        return jdbc.sql("SELECT message, created_at FROM health_alert_notice WHERE account_id = ? ORDER BY id DESC LIMIT ?")
                .params(account.value(), limit)
                .query((rs, n) -> new Notice(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
    }

    // ---- digest projection

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
        LocalDate day = LocalDate.ofInstant(finishedAt, java.time.ZoneOffset.UTC);
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
                .params(account.value(), integrationId).query(JdbcAlertsStore::integration).optional();
    }

    @Override
    public List<DigestIntegration> integrations(AccountId account) {
        return jdbc.sql("SELECT * FROM health_digest_integration WHERE account_id = ? ORDER BY name, integration_id")
                .param(account.value()).query(JdbcAlertsStore::integration).list();
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
