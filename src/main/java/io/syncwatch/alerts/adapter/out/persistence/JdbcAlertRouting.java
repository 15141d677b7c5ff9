package io.syncwatch.alerts.adapter.out.persistence;

import static io.syncwatch.alerts.adapter.out.persistence.Timestamps.instant;
import static io.syncwatch.alerts.adapter.out.persistence.Timestamps.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.syncwatch.alerts.application.port.out.AlertRouting;
import io.syncwatch.alerts.application.port.out.AlertRouting.StoredOwners;
import io.syncwatch.platform.AccountId;

/**
 * Alert routing (tables {@code health_alert_owner}, {@code health_alert_mail_log},
 * {@code health_alert_mail_held}, {@code health_alert_notice}) in hand-written SQL (issue 19,
 * decision 0023): the mail throttle and the held alerts are counters written by concurrent alerts,
 * so they are single-statement upserts ({@code ON DUPLICATE KEY UPDATE}, see {@link #hold}) and a
 * release claimed by a conditional {@code DELETE}; notices are appended and read newest first. An
 * integration's owners are one row keyed by (account, integration), replaced by a delete and an insert
 * (an aggregate with a composite id would issue the same two statements).
 */
@Repository
class JdbcAlertRouting implements AlertRouting {

    private final JdbcClient jdbc;

    JdbcAlertRouting(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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
                .params(account.value(), integrationId, kind).query(JdbcAlertRouting::heldAlerts).optional();
    }

    @Override
    public List<HeldAlerts> heldDue(Instant now, int limit) {
        return jdbc.sql("SELECT * FROM health_alert_mail_held WHERE due_at <= ? ORDER BY due_at, account_id, integration_id, kind LIMIT ?")
                .params(ts(now), limit).query(JdbcAlertRouting::heldAlerts).list();
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
}
