package io.syncwatch.platform.adapter.out.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.syncwatch.platform.UserId;
import io.syncwatch.platform.application.port.out.SetupLinks;
import io.syncwatch.platform.domain.SetupLink;

/** Password set-up links in {@code password_setup_link}; used at most once by a conditional update. */
@Component
class JdbcSetupLinks implements SetupLinks {

    private final JdbcClient jdbc;

    JdbcSetupLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(UserId user, String tokenHash, Instant createdAt, Instant expiresAt) {
        jdbc.sql("INSERT INTO password_setup_link (user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(user.value(), tokenHash, Timestamp.from(createdAt), Timestamp.from(expiresAt)).update();
    }

    @Override
    public Optional<SetupLink> findByHash(String tokenHash) {
        return jdbc.sql("SELECT id, user_id, token_hash, expires_at, used_at FROM password_setup_link WHERE token_hash = ?")
                .param(tokenHash)
                .query((rs, i) -> new SetupLink(rs.getLong("id"), new UserId(rs.getLong("user_id")), rs.getString("token_hash"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant()))
                .optional();
    }

    @Override
    public boolean markUsed(long id, Instant at) {
        return jdbc.sql("UPDATE password_setup_link SET used_at = ? WHERE id = ? AND used_at IS NULL")
                .params(Timestamp.from(at), id).update() == 1;
    }

    @Override
    public boolean anyUsed(UserId user) {
        return jdbc.sql("SELECT COUNT(*) FROM password_setup_link WHERE user_id = ? AND used_at IS NOT NULL")
                .param(user.value()).query(Long.class).single() > 0;
    }

    @Override
    public void expireUnused(UserId user, Instant at) {
        jdbc.sql("UPDATE password_setup_link SET expires_at = ? WHERE user_id = ? AND used_at IS NULL AND expires_at > ?")
                .params(Timestamp.from(at), user.value(), Timestamp.from(at)).update();
    }
}
