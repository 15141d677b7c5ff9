package io.syncwatch.platform.adapter.out.persistence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.syncwatch.platform.application.port.out.SignInBudgets;
import io.syncwatch.platform.domain.SignInPolicy;

/**
 * The sign-in budgets as Bucket4j buckets in the table {@code sign_in_budget}, shared by every
 * instance. Bucket4j's own MySQL proxy manager ({@code bucket4j_jdk17-mysql}) is not served by
 * Maven Central for 8.x, so this adapter plugs Bucket4j's generic compare-and-swap proxy manager
 * (in {@code bucket4j_jdk17-core}) onto plain JDBC: read the state, then
 * {@code UPDATE … WHERE id = ? AND state = <the state read>} (or an insert for a new bucket);
 * Bucket4j retries when another instance or thread won the race. Portable to MySQL 8, MariaDB
 * and H2, and atomic on each of them (decision 0003). It never runs inside the caller's
 * transaction: a retried compare-and-swap must read the row anew (not a repeatable-read
 * snapshot), and a failed attempt must count even when the caller rolls back.
 */
@Component
@Transactional(propagation = Propagation.NOT_SUPPORTED) // each statement commits alone, whatever the caller's transaction
class JdbcSignInBudgets implements SignInBudgets {

    static final int PURGE_CHUNK = 1_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BudgetTable buckets;
    private final BucketConfiguration loginBudget;
    private final BucketConfiguration ipBudget;
    private final BucketConfiguration lockBucket;
    /** How long an untouched budget can matter: after it, it is full again (and a lock over). */
    private final Duration keepFor;

    JdbcSignInBudgets(DataSource dataSource, Clock clock, SignInPolicy policy) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        TimeMeter time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.buckets = new BudgetTable(ClientSideConfig.getDefault().withClientClock(time));
        // a login's attempts: one comes back per window, so 5 failures within 15 minutes use them up
        // (greedy refill: no window boundary to straddle, unlike an interval refill)
        this.loginBudget = BucketConfiguration.builder().addLimit(Bandwidth.builder().capacity(policy.attemptsPerLogin())
                .refillGreedy(1, policy.loginWindow()).build()).build();
        var ip = BucketConfiguration.builder();
        for (SignInPolicy.Budget budget : policy.perIp()) {
            ip.addLimit(Bandwidth.builder().capacity(budget.attempts()).refillGreedy(budget.attempts(), budget.period()).build());
        }
        this.ipBudget = ip.build();
        // a lock is this bucket's one token taken: it comes back (the lock ends) lockDuration later; taking
        // it is atomic and takes nothing while it is still away, so a lock is never extended or re-armed twice
        this.lockBucket = BucketConfiguration.builder().addLimit(Bandwidth.builder().capacity(1)
                .refillGreedy(1, policy.lockDuration()).build()).build();
        this.keepFor = policy.untouchedBudgetsFullAfter();
    }

    @Override
    public Optional<Duration> lockedFor(String lockKey) {
        if (buckets.getProxyConfiguration(lockKey).isEmpty()) {
            return Optional.empty();
        }
        BucketProxy lock = buckets.builder().build(lockKey, () -> lockBucket);
        long nanos = lock.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return nanos <= 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
    }

    @Override
    public boolean takeLoginAttempt(String loginKey) {
        return buckets.builder().build(loginKey, () -> loginBudget).tryConsume(1);
    }

    @Override
    public void returnLoginAttempt(String loginKey) {
        buckets.builder().build(loginKey, () -> loginBudget).addTokens(1);
    }

    @Override
    public boolean loginBudgetUsedUp(String loginKey) {
        return buckets.getProxyConfiguration(loginKey).isPresent()
                && buckets.builder().build(loginKey, () -> loginBudget).getAvailableTokens() <= 0;
    }

    @Override
    public Optional<Duration> takeIpAttempt(String ipKey) {
        var probe = buckets.builder().build(ipKey, () -> ipBudget).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(Math.max(probe.getNanosToWaitForRefill(), 1)));
    }

    @Override
    public void returnIpAttempt(String ipKey) {
        buckets.builder().build(ipKey, () -> ipBudget).addTokens(1);
    }

    @Override
    public boolean lock(String lockKey, String loginKey) {
        if (buckets.builder().build(lockKey, () -> lockBucket).tryConsumeAsMuchAsPossible() == 0) {
            return false; // still locked: nothing changes
        }
        buckets.removeProxy(loginKey); // after the lock (set first, so no attempt slips in between) the login has all its attempts
        return true;
    }

    @Override
    public void clear(String loginKey, String lockKey) {
        buckets.removeProxy(loginKey);
        buckets.removeProxy(lockKey);
    }

    /**
     * Deletes budgets nobody has touched for {@link #keepFor}: by then every one of them is full
     * again (and every lock over), the same as no row at all. At most {@code maxRows}, in chunks.
     */
    @Override
    public int forgetUnused(int maxRows) {
        Timestamp before = Timestamp.from(clock.instant().minus(keepFor));
        int total = 0;
        while (total < maxRows) {
            int n = jdbc.update("DELETE FROM sign_in_budget WHERE updated_at < ? LIMIT " + Math.min(PURGE_CHUNK, maxRows - total),
                    before);
            total += n;
            if (n < PURGE_CHUNK) {
                break;
            }
        }
        return total;
    }

    /** Bucket4j's compare-and-swap proxy manager on the {@code sign_in_budget} table (synchronous only). */
    private final class BudgetTable extends AbstractCompareAndSwapBasedProxyManager<String> {

        BudgetTable(ClientSideConfig config) {
            super(config);
        }

        @Override
        protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
            return new CompareAndSwapOperation() {
                @Override
                public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                    List<byte[]> states = jdbc.query("SELECT state FROM sign_in_budget WHERE id = ?",
                            (rs, i) -> rs.getBytes(1), key);
                    return states.stream().findFirst();
                }

                @Override
                public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                        Optional<Long> timeoutNanos) {
                    Timestamp now = Timestamp.from(clock.instant());
                    if (originalData == null) {
                        try {
                            return jdbc.update("INSERT INTO sign_in_budget (id, state, updated_at) VALUES (?, ?, ?)", key,
                                    newData, now) == 1;
                        } catch (DuplicateKeyException raced) {
                            return false; // another attempt created it first: Bucket4j reads again and retries
                        }
                    }
                    return jdbc.update("UPDATE sign_in_budget SET state = ?, updated_at = ? WHERE id = ? AND state = ?",
                            newData, now, key, originalData) == 1;
                }
            };
        }

        @Override
        protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
            throw new UnsupportedOperationException("sign-in budgets are used synchronously");
        }

        @Override
        protected CompletableFuture<Void> removeAsync(String key) {
            throw new UnsupportedOperationException("sign-in budgets are used synchronously");
        }

        @Override
        public void removeProxy(String key) {
            jdbc.update("DELETE FROM sign_in_budget WHERE id = ?", key);
        }

        @Override
        public boolean isAsyncModeSupported() {
            return false;
        }
    }
}
