package io.syncwatch.alerts.adapter.out.persistence;

import static io.syncwatch.alerts.adapter.out.persistence.Timestamps.instant;
import static io.syncwatch.alerts.adapter.out.persistence.Timestamps.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.syncwatch.alerts.application.port.out.WebhookDeliveries;
import io.syncwatch.alerts.domain.WebhookDelivery;
import io.syncwatch.alerts.domain.WebhookEventType;
import io.syncwatch.platform.AccountId;

/**
 * The webhook delivery outbox ({@code health_webhook_delivery}) in hand-written SQL, not an
 * aggregate (issue 19, decision 0023): it is a queue, never read and written whole. Each attempt is
 * taken by one conditional {@code UPDATE} (compare-and-set on the attempt count, with a lease), so
 * that two dispatchers never post the same attempt; an attempt's outcome and the admins' re-sends
 * change a few columns, a replay re-queues every failed delivery of an endpoint in one set-based
 * {@code UPDATE}, and the log is read a page at a time.
 */
@Repository
class JdbcWebhookDeliveries implements WebhookDeliveries {

    private static final String COLUMNS = "id, account_id, endpoint_id, event_id, event_type, payload, status, attempts, first_attempt_at, next_attempt_at, last_attempt_at, response_code, response_millis, last_error, created_at";

    private final JdbcClient jdbc;

    JdbcWebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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
        return jdbc.sql("SELECT " + COLUMNS + " FROM health_webhook_delivery WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")
                .params(ts(now), limit).query(JdbcWebhookDeliveries::delivery).list();
    }

    @Override
    public List<WebhookDelivery> due(AccountId account, Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM health_webhook_delivery WHERE account_id = ? AND status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")
                .params(account.value(), ts(now), limit).query(JdbcWebhookDeliveries::delivery).list();
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
        return jdbc.sql("SELECT " + COLUMNS + " FROM health_webhook_delivery WHERE account_id = ? AND endpoint_id = ? ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(account.value(), endpointId, limit, offset).query(JdbcWebhookDeliveries::delivery).list();
    }

    @Override
    public int count(AccountId account, long endpointId) {
        return jdbc.sql("SELECT COUNT(*) FROM health_webhook_delivery WHERE account_id = ? AND endpoint_id = ?")
                .params(account.value(), endpointId).query(Integer.class).single();
    }

    @Override
    public Optional<WebhookDelivery> findDelivery(AccountId account, long deliveryId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM health_webhook_delivery WHERE account_id = ? AND id = ?")
                .params(account.value(), deliveryId).query(JdbcWebhookDeliveries::delivery).optional();
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
}
