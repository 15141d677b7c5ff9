package io.syncwatch.platform.adapter.out.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.UserId;
import io.syncwatch.platform.application.port.out.SignInEvents;
import io.syncwatch.platform.domain.SignInEvent;

/** The sign-in attempts; each one is stored on its own, whatever the caller's transaction (a refused attempt stays recorded). */
@Component
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class JdbcSignInEvents implements SignInEvents {

    static final int PURGE_CHUNK = 1_000;

    private static final int LOGIN_LENGTH = 254;
    private static final int IP_LENGTH = 45;

    private final JdbcTemplate jdbc;

    JdbcSignInEvents(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void record(SignInEvent event) {
        jdbc.update("INSERT INTO sign_in_event (account_id, user_id, login, ip, result, occurred_at) VALUES (?, ?, ?, ?, ?, ?)",
                event.accountId() == null ? null : event.accountId().value(),
                event.userId() == null ? null : event.userId().value(), clip(event.login(), LOGIN_LENGTH),
                clip(event.ip(), IP_LENGTH), event.result().name(), Timestamp.from(event.occurredAt()));
    }

    @Override
    public List<SignInEvent> recent(AccountId account, int limit) {
        return jdbc.query("SELECT id, account_id, user_id, login, ip, result, occurred_at FROM sign_in_event "
                + "WHERE account_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?",
                (rs, i) -> new SignInEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        AccountId.of(rs.getLong("account_id")),
                        rs.getObject("user_id") == null ? null : new UserId(rs.getLong("user_id")), rs.getString("login"),
                        rs.getString("ip"), SignInEvent.Result.valueOf(rs.getString("result"))),
                account.value(), limit);
    }

    @Override
    public int purgeBefore(Instant before, int maxRows) {
        int total = 0;
        while (total < maxRows) {
            int n = jdbc.update("DELETE FROM sign_in_event WHERE occurred_at < ? LIMIT " + Math.min(PURGE_CHUNK, maxRows - total),
                    Timestamp.from(before));
            total += n;
            if (n < PURGE_CHUNK) {
                break;
            }
        }
        return total;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
