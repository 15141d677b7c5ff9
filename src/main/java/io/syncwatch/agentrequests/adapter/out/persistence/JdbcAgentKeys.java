package io.syncwatch.agentrequests.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.syncwatch.agentrequests.application.port.out.AgentKeys;
import io.syncwatch.agentrequests.domain.AgentKey;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.platform.AccountId;

@Repository
class JdbcAgentKeys implements AgentKeys {

    private static final String SELECT = "SELECT id, account_id, name, kind, key_prefix, created_at, revoked_at FROM ac_api_key";

    private final JdbcClient jdbc;
    private final ShortLivedCache<String, AgentKey> byHash = new ShortLivedCache<>(5_000, 10_000);

    JdbcAgentKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AgentKey> findByHash(String hash) {
        return byHash.get(hash, h -> jdbc.sql(SELECT + " WHERE key_hash = ?").param(h).query(JdbcAgentKeys::key).optional());
    }

    @Override
    public AgentKey insert(AccountId account, String name, KeyKind kind, String displayPrefix, String hash, Instant createdAt) {
        GeneratedKeyHolder holder = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO ac_api_key (account_id, name, kind, key_prefix, key_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(account.value(), name, kind.name(), displayPrefix, hash, Timestamps.of(createdAt))
                .update(holder, "id");
        return new AgentKey(holder.getKey().longValue(), account, name, kind, displayPrefix, createdAt, null);
    }

    @Override
    public List<AgentKey> list(AccountId account) {
        return jdbc.sql(SELECT + " WHERE account_id = ? ORDER BY id").param(account.value()).query(JdbcAgentKeys::key).list();
    }

    @Override
    public boolean rename(AccountId account, long keyId, String name) {
        byHash.evictIf(k -> k.id() == keyId);
        return jdbc.sql("UPDATE ac_api_key SET name = ? WHERE account_id = ? AND id = ?").params(name, account.value(), keyId)
                .update() == 1;
    }

    @Override
    public boolean revoke(AccountId account, long keyId, Instant at) {
        byHash.evictIf(k -> k.id() == keyId);
        return jdbc.sql("UPDATE ac_api_key SET revoked_at = COALESCE(revoked_at, ?) WHERE account_id = ? AND id = ?")
                .params(Timestamps.of(at), account.value(), keyId).update() == 1;
    }

    private static AgentKey key(ResultSet rs, int n) throws SQLException {
        LocalDateTime revoked = rs.getObject(7, LocalDateTime.class);
        return new AgentKey(rs.getLong(1), AccountId.of(rs.getLong(2)), rs.getString(3), KeyKind.valueOf(rs.getString(4)),
                rs.getString(5), Timestamps.instant(rs.getObject(6, LocalDateTime.class)), revoked == null ? null : Timestamps.instant(revoked));
    }
}
