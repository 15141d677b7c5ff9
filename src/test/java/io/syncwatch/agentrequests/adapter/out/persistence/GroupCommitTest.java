package io.syncwatch.agentrequests.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/** The request log's group commit, with a recording store in place of the database. */
class GroupCommitTest {

    /** Commits what the callback inserted, or forgets it when the callback throws (a rollback). */
    static final class RecordingStore implements TransactionOperations {
        final List<String> committed = new CopyOnWriteArrayList<>();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final AtomicInteger transactions = new AtomicInteger();
        final ThreadLocal<List<String>> open = new ThreadLocal<>();

        @Override
        public <T> T execute(TransactionCallback<T> action) {
            transactions.incrementAndGet();
            open.set(new ArrayList<>());
            try {
                T result = action.doInTransaction(null);
                committed.addAll(open.get());
                return result;
            } finally {
                open.remove();
            }
        }

        Consumer<List<String>> insert(String poison) {
            return rows -> {
                if (rows.contains(poison)) {
                    throw new IllegalArgumentException("cannot store " + poison);
                }
                batchSizes.add(rows.size());
                open.get().addAll(rows);
            };
        }
    }

    final RecordingStore store = new RecordingStore();
    final List<String> failed = new CopyOnWriteArrayList<>();
    GroupCommit<String> writes;

    GroupCommit<String> writes(Consumer<List<String>> insert) {
        writes = new GroupCommit<>("test-log", insert, store, 50, 1_000_000, 64 * 1024 * 1024, String::length, Duration.ofSeconds(10),
                row -> row, failed::add, nanos -> { });
        return writes;
    }

    @AfterEach
    void stop() {
        if (writes != null) {
            writes.stop();
        }
    }

    @Test
    void everyConcurrentWriterReturnsOnlyOnceItsRowIsCommittedAndRowsShareTransactions() throws Exception {
        var log = writes(store.insert("never"));
        log.start();
        int threads = 16;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < perThread; i++) {
                    String row = thread + "-" + i;
                    log.write(row);
                    assertThat(store.committed).contains(row);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(store.committed).hasSize(threads * perThread).doesNotHaveDuplicates();
        assertThat(store.batchSizes).allMatch(size -> size <= 50);
        assertThat(store.transactions.get()).as("concurrent rows share transactions").isLessThan(threads * perThread);
    }

    @Test
    void aRowThatCannotBeStoredFailsOnlyItsOwnWrite() throws Exception {
        var log = writes(store.insert("bad"));
        log.start();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> good = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 40; i++) {
            String row = "good-" + i;
            good.add(pool.submit(() -> {
                go.await();
                log.write(row);
                return null;
            }));
        }
        Future<?> bad = pool.submit(() -> {
            go.await();
            log.write("bad");
            return null;
        });
        go.countDown();
        for (Future<?> f : good) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot store bad");
        pool.shutdown();
        assertThat(store.committed).hasSize(40).doesNotContain("bad");
    }

    @Test
    void beforeStartAndAfterStopTheCallerStoresItsRowItself() {
        var log = writes(store.insert("never"));
        log.write("before");
        assertThat(store.committed).containsExactly("before");
        log.start();
        log.write("running");
        log.stop();
        log.write("after");
        assertThat(store.committed).containsExactly("before", "running", "after");
        assertThat(log.isRunning()).isFalse();
    }

    @Test
    void aWriteBehindRowIsAnsweredBeforeItsCommitAndAReaderWaitsForIt() throws Exception {
        CountDownLatch databaseSlow = new CountDownLatch(1);
        var log = writes(rows -> {
            await(databaseSlow);
            store.insert("never").accept(rows);
        });
        log.start();
        log.writeBehind("answered");
        assertThat(store.committed).as("the caller did not wait for the commit").isEmpty();

        ExecutorService reader = Executors.newSingleThreadExecutor();
        Future<List<String>> read = reader.submit(() -> {
            log.awaitWritten(Duration.ofSeconds(10));
            return List.copyOf(store.committed);
        });
        Thread.sleep(200);
        assertThat(read).as("the reader waits for the row answered before it").isNotDone();
        databaseSlow.countDown();
        assertThat(read.get(10, TimeUnit.SECONDS)).containsExactly("answered");
        reader.shutdown();
    }

    @Test
    void aDatabaseOutageKeepsWriteBehindRowsInOrderUntilTheDatabaseIsBack() {
        AtomicInteger attempts = new AtomicInteger();
        var log = writes(rows -> {
            if (attempts.incrementAndGet() <= 3) {
                throw new org.springframework.dao.TransientDataAccessResourceException("connection refused");
            }
            store.insert("never").accept(rows);
        });
        log.start();
        for (int i = 0; i < 10; i++) {
            log.writeBehind("row-" + i);
        }
        assertThat(log.awaitWritten(Duration.ofSeconds(20))).isTrue();
        assertThat(store.committed).containsExactly("row-0", "row-1", "row-2", "row-3", "row-4", "row-5", "row-6", "row-7",
                "row-8", "row-9");
        assertThat(attempts.get()).as("the outage was met and waited out").isGreaterThan(3);
        assertThat(failed).isEmpty();
        assertThat(log.backlog()).isZero();
    }

    @Test
    void aWriteBehindRowThatCannotBeStoredIsReportedAndTheOthersAreStored() {
        var log = writes(store.insert("bad"));
        log.start();
        for (int i = 0; i < 20; i++) {
            log.writeBehind(i == 7 ? "bad" : "good-" + i);
        }
        assertThat(log.awaitWritten(Duration.ofSeconds(10))).isTrue();
        assertThat(store.committed).hasSize(19).doesNotContain("bad");
        assertThat(failed).containsExactly("bad");
    }

    @Test
    void whenTheQueueIsFullCallersWaitForRoomThenAreRefusedAndNothingQueuedIsLost() throws Exception {
        CountDownLatch databaseStalled = new CountDownLatch(1);
        writes = new GroupCommit<>("test-log", rows -> {
            await(databaseStalled);
            store.insert("never").accept(rows);
        }, store, 50, 1_000_000, 2 * 1024, row -> 1024, Duration.ofMillis(300), row -> row, failed::add, nanos -> { });
        writes.start();
        writes.writeBehind("one");
        writes.writeBehind("two");
        long start = System.nanoTime();
        // nothing was stored for it: a passing failure, which the API answers 503 with Retry-After
        assertThatThrownBy(() -> writes.writeBehind("three")).isInstanceOf(org.springframework.dao.TransientDataAccessResourceException.class)
                .hasMessageContaining("writer is behind");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited for room first").isGreaterThanOrEqualTo(Duration.ofMillis(250));
        databaseStalled.countDown();
        assertThat(writes.awaitWritten(Duration.ofSeconds(10))).isTrue();
        assertThat(store.committed).containsExactly("one", "two");
        writes.writeBehind("four");
        assertThat(writes.awaitWritten(Duration.ofSeconds(10))).isTrue();
        assertThat(store.committed).containsExactly("one", "two", "four");
    }

    @Test
    void onceTheOldestQueuedRowIsOlderThanTheAnswerWindowCallersWaitForTheirCommit() throws Exception {
        CountDownLatch databaseSlow = new CountDownLatch(1);
        writes = new GroupCommit<>("test-log", rows -> {
            await(databaseSlow);
            store.insert("never").accept(rows);
        }, store, 50, 1_000_000, 64 * 1024 * 1024, String::length, Duration.ofSeconds(10), row -> row, failed::add, nanos -> { },
                Duration.ofMillis(100));
        writes.start();
        assertThat(writes.writeBehind("early")).as("answered once queued").isTrue();
        assertThat(store.committed).isEmpty();
        Thread.sleep(150); // the row "early" is now older than the window: the database is behind
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> late = caller.submit(() -> writes.writeBehind("late"));
            Thread.sleep(200);
            assertThat(late).as("a caller past the window waits for its commit").isNotDone();
            databaseSlow.countDown();
            assertThat(late.get(10, TimeUnit.SECONDS)).as("answered after its commit").isFalse();
            assertThat(store.committed).containsExactly("early", "late");
            assertThat(writes.waitedForCommit()).isEqualTo(1);
            assertThat(writes.writeBehind("quiet again")).as("the queue is young again").isTrue();
        } finally {
            caller.shutdown();
        }
    }

    @Test
    void whileTheDatabaseFailsACallerWaitingForItsRowIsRefusedSoonAndItsRowWithdrawn() throws Exception {
        var down = new java.util.concurrent.atomic.AtomicBoolean(true);
        writes = new GroupCommit<>("test-log", rows -> {
            if (down.get()) {
                throw new org.springframework.dao.TransientDataAccessResourceException("connection refused");
            }
            store.insert("never").accept(rows);
        }, store, 50, 1_000_000, 64 * 1024 * 1024, String::length, Duration.ofSeconds(30), row -> row, failed::add, nanos -> { },
                Duration.ofMillis(100));
        writes.start();
        assertThat(writes.writeBehind("answered")).as("answered once queued").isTrue();
        Thread.sleep(150); // past the answer window, with the database failing
        long start = System.nanoTime();
        assertThatThrownBy(() -> writes.writeBehind("refused"))
                .isInstanceOf(org.springframework.dao.TransientDataAccessResourceException.class)
                .hasMessageContaining("the database is failing").hasMessageContaining("the row was not stored");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused after about "
                + GroupCommit.GIVE_UP_WHILE_FAILING + ", not the 30 s timeout").isLessThan(Duration.ofSeconds(10));
        down.set(false);
        assertThat(writes.awaitWritten(Duration.ofSeconds(20))).isTrue();
        assertThat(store.committed).as("the answered row is stored, the refused one is not").containsExactly("answered");
        assertThat(failed).isEmpty();
        assertThat(writes.backlog()).isZero();
    }

    @Test
    void stoppingStoresTheRowsStillQueued() {
        CountDownLatch databaseSlow = new CountDownLatch(1);
        var log = writes(rows -> {
            await(databaseSlow);
            store.insert("never").accept(rows);
        });
        log.start();
        for (int i = 0; i < 5; i++) {
            log.writeBehind("row-" + i);
        }
        databaseSlow.countDown();
        log.stop();
        assertThat(store.committed).containsExactly("row-0", "row-1", "row-2", "row-3", "row-4");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aConnectionKilledMidBatchIsAPassingFailureNotTheRowsFault() {
        // what the database returned when the writer's connection was killed during its insert
        var rollbackFailed = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                new java.sql.SQLException("Connection is closed"));
        assertThat(GroupCommit.passing(rollbackFailed)).isTrue();
        assertThat(GroupCommit.passing(new java.sql.SQLException("Communications link failure", "08S01"))).isTrue();
        assertThat(GroupCommit.passing(new org.springframework.dao.DataAccessResourceFailureException("x",
                new java.sql.SQLNonTransientConnectionException("closed")))).isTrue();
        assertThat(GroupCommit.passing(new java.sql.SQLException("Deadlock found", "40001"))).isTrue();
        assertThat(GroupCommit.passing(new org.springframework.dao.DataIntegrityViolationException("Data too long",
                new java.sql.SQLException("Data too long for column", "22001")))).isFalse();
        assertThat(GroupCommit.passing(new IllegalArgumentException("cannot store bad"))).isFalse();
    }
}
