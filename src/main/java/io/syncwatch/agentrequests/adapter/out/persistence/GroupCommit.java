package io.syncwatch.agentrequests.adapter.out.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.ToIntFunction;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Group commit: rows handed over by many request threads at once are inserted by one writer
 * thread, many per statement and one transaction per batch. Under load the batches grow by
 * themselves (whatever queued while the previous batch was written), at rest a batch is one row
 * and waits for nothing. Two ways to hand a row over:
 * <ul>
 * <li>{@link #write} returns only once the row is committed (or throws the failure): for rows
 * whose caller promises something that must not be lost once answered;</li>
 * <li>{@link #writeBehind} returns once the row is queued; the writer commits it within
 * milliseconds. Such a row is never dropped for a database failure: a batch that fails for a
 * passing reason (connection lost, lock wait, database restarting) is kept, in order, and retried
 * with a growing pause; one that fails for its own content is retried row by row and a row that
 * still cannot be stored is reported ({@code failed} callback and an ERROR log naming it). Only
 * the process dying before the commit loses queued rows.</li>
 * </ul>
 * Queued rows are bounded ({@code maxQueuedBytes}): past it callers wait for room, and give up
 * with an exception after the timeout, so a stalled database slows callers down rather than
 * filling the heap. {@link #awaitWritten} lets readers see every row queued before they read.
 * Before {@link #start()} and after {@link #stop()} callers store their row themselves.
 * The queue is a {@link GroupCommitQueue}, the writer thread a {@link GroupCommitWriter}.
 */
final class GroupCommit<T> {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** How long a caller waits for its row while the writer's batches fail for a passing reason (decision 0013). */
    static final Duration GIVE_UP_WHILE_FAILING = Duration.ofSeconds(2);

    private final String name;
    private final Duration timeout;
    private final GroupCommitWriter.Store<T> store;
    private final GroupCommitQueue<T> queue;
    private final GroupCommitWriter<T> writer;
    /**
     * A write-behind caller is answered at once only while the oldest unhandled row is younger than
     * this; past it (the database is slow or the queue is busy) it waits for its own commit. So the
     * rows answered and not yet committed were all queued within this window: what a sudden death
     * of the process can lose. Null: always answered once queued.
     */
    private final @Nullable Duration answerWindow;
    private final AtomicLong waitedForCommit = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    /**
     * @param insert inserts the rows; called inside a transaction
     * @param maxRows most rows in one batch
     * @param maxBytes a batch is closed once its rows' {@code bytes} reach this (keeps statements under the packet limit)
     * @param maxQueuedBytes most {@code bytes} of rows queued at once; past it callers wait for room
     * @param timeout how long a caller waits for its row (or for room in the queue) before giving up with an exception
     * @param describe names a row in logs (never its content: rows may hold personal data)
     * @param failed told of a write-behind row that could not be stored (its content is at fault, not the database)
     * @param committedAfter told, for each batch the writer commits, how long its oldest row waited in nanoseconds
     *        (for a write-behind row: how long after its answer it was stored)
     */
    GroupCommit(String name, Consumer<List<T>> insert, TransactionOperations transactions, int maxRows, int maxBytes,
            long maxQueuedBytes, ToIntFunction<T> bytes, Duration timeout, Function<T, String> describe, Consumer<T> failed,
            LongConsumer committedAfter) {
        this(name, insert, transactions, maxRows, maxBytes, maxQueuedBytes, bytes, timeout, describe, failed, committedAfter, null);
    }

    /**
     * @param answerWindow a write-behind caller waits for its commit unless every unhandled row was queued within this
     *        window (null: never waits); bounds the answered rows a sudden death of the process loses to this much traffic
     */
    GroupCommit(String name, Consumer<List<T>> insert, TransactionOperations transactions, int maxRows, int maxBytes,
            long maxQueuedBytes, ToIntFunction<T> bytes, Duration timeout, Function<T, String> describe, Consumer<T> failed,
            LongConsumer committedAfter, @Nullable Duration answerWindow) {
        this.name = name;
        this.timeout = timeout;
        this.answerWindow = answerWindow;
        this.store = new GroupCommitWriter.Store<>(name, insert, transactions, describe, failed);
        this.queue = new GroupCommitQueue<>(name, maxQueuedBytes, bytes, timeout);
        this.writer = new GroupCommitWriter<>(store, queue, () -> running, maxRows, maxBytes, bytes, committedAfter);
    }

    /** Stores the row; returns once it is committed. */
    void write(T row) {
        if (!running) {
            storeNow(row, true);
            return;
        }
        await(queue.add(row, false));
    }

    /** Waits until the queued row is committed (or throws its failure). */
    private void await(PendingRow<T> pending) {
        T row = pending.row();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                pending.written().get(100, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (!running && queue.withdraw(pending)) {
                    // stopped after this row was queued and before the writer took it
                    storeNow(row, true);
                    return;
                }
                long failing = writer.failingSince();
                if (failing != 0 && System.nanoTime() - Math.max(failing, pending.queuedAt()) > GIVE_UP_WHILE_FAILING.toNanos()
                        && queue.contains(pending)) {
                    // still queued: refused now, and nothing is stored for it (one in the writer's hands is waited for)
                    throw gaveUp(pending, "the database is failing", e);
                }
                if (System.nanoTime() > deadline) {
                    throw gaveUp(pending, "the row was not stored within " + timeout, e);
                }
            } catch (ExecutionException e) {
                throw rethrown(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the " + name + " writer stored the row", e);
            }
        }
    }

    /**
     * A caller stops waiting for its row: the database is away or stalled, a passing condition (the
     * API answers 503 with Retry-After). A row the writer has not taken yet is taken off the queue
     * (nothing is stored for it); one in the writer's hands is still stored once the database is back.
     */
    private RuntimeException gaveUp(PendingRow<T> pending, String reason, Exception cause) {
        boolean dropped = queue.withdraw(pending);
        if (dropped) {
            queue.allHandledWhenNothingIsLeft();
        }
        return new TransientDataAccessResourceException("The " + name + " writer gave up waiting: " + reason
                + (dropped ? "; the row was not stored" : "; the row is still being stored"), cause);
    }

    /**
     * Queues the row for the writer and returns, unless the oldest row still waiting for a commit
     * was queued longer ago than the answer window: then it waits for its own commit like
     * {@link #write}. See the class comment for what happens to a row answered before its commit.
     * Returns whether the caller was answered before the commit.
     */
    boolean writeBehind(T row) {
        if (!running) {
            storeNow(row, true);
            return false;
        }
        PendingRow<T> pending = queue.add(row, true);
        if (answerWindow != null) {
            // decided after queuing: every row answered early was queued within the window after the oldest unhandled one
            PendingRow<T> oldest = queue.oldest();
            if (oldest != null && oldest != pending && System.nanoTime() - oldest.queuedAt() > answerWindow.toNanos()) {
                pending.behind = false;
                waitedForCommit.incrementAndGet();
                await(pending);
                return false;
            }
        }
        return true;
    }

    /** How many write-behind callers waited for their commit because the queue was older than the answer window. */
    long waitedForCommit() {
        return waitedForCommit.get();
    }

    /**
     * Waits until every row queued before this call is stored (or given up), at most {@code max};
     * false if that took longer (the caller then reads what is committed so far).
     */
    boolean awaitWritten(Duration max) {
        return queue.awaitWritten(max, () -> running);
    }

    /** Rows queued and not yet stored (or given up). */
    int backlog() {
        return queue.backlog();
    }

    /** How long the oldest row still waiting for its commit has waited (zero when none waits). */
    Duration oldestWaiting() {
        PendingRow<T> oldest = queue.oldest();
        return oldest == null ? Duration.ZERO : Duration.ofNanos(Math.max(0, System.nanoTime() - oldest.queuedAt()));
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name(name + "-writer").start(writer);
    }

    /**
     * Stops taking rows and waits for the writer to store what is queued (at most the timeout;
     * rows a database outage still holds back then are logged as lost, by name).
     */
    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        queue.wakeReaders();
        try {
            thread.join(timeout.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(timeout.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<PendingRow<T>> left = new ArrayList<>();
        queue.drainTo(left);
        for (PendingRow<T> p : left) {
            if (!p.behind) {
                try {
                    storeNow(p.row(), true);
                    p.written().complete(null);
                } catch (RuntimeException e) {
                    p.written().completeExceptionally(e);
                }
            } else {
                storeNow(p.row(), false);
                p.written().complete(null);
            }
        }
    }

    boolean isRunning() {
        return running;
    }

    /** Stores the row on the caller's thread, in a transaction of its own. */
    private void storeNow(T row, boolean throwFailure) {
        try {
            store.store(List.of(row));
        } catch (RuntimeException e) {
            LOG.error("{} writer could not store {}", name, store.describe().apply(row), e);
            if (throwFailure) {
                throw e;
            }
            store.failed().accept(row);
        }
    }

    /** A failure of the database or the connection rather than of the rows: worth trying again. */
    static boolean passing(Throwable e) {
        return io.syncwatch.platform.database.DatabaseFailures.passing(e);
    }

    private static RuntimeException rethrown(ExecutionException e) {
        return e.getCause() instanceof RuntimeException runtime ? runtime
                : new IllegalStateException(e.getCause() == null ? e : e.getCause());
    }
}
