package io.syncwatch.agentrequests.adapter.out.persistence;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
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
 */
final class GroupCommit<T> {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);
    /** How long a caller waits for its row while the writer's batches fail for a passing reason (decision 0013). */
    static final Duration GIVE_UP_WHILE_FAILING = Duration.ofSeconds(2);

    /** Since when ({@link System#nanoTime}, never 0) the writer's batches fail for a passing reason; 0 while they are stored. */
    private volatile long failingSince;

    /**
     * A queued row. {@code behind} while its caller has been answered without waiting for the
     * commit (a write-behind row); a failure is then reported rather than thrown.
     */
    private static final class Pending<T> {
        final T row;
        final CompletableFuture<Void> written;
        final long seq;
        final int kib;
        final long queuedAt;
        volatile boolean behind;

        Pending(T row, CompletableFuture<Void> written, long seq, int kib, long queuedAt, boolean behind) {
            this.row = row;
            this.written = written;
            this.seq = seq;
            this.kib = kib;
            this.queuedAt = queuedAt;
            this.behind = behind;
        }

        T row() {
            return row;
        }

        CompletableFuture<Void> written() {
            return written;
        }

        long seq() {
            return seq;
        }

        int kib() {
            return kib;
        }

        long queuedAt() {
            return queuedAt;
        }
    }

    private final String name;
    private final Consumer<List<T>> insert;
    private final TransactionOperations transactions;
    private final int maxRows;
    private final int maxBytes;
    private final ToIntFunction<T> bytes;
    private final Duration timeout;
    private final Function<T, String> describe;
    private final Consumer<T> failed;
    private final LongConsumer committedAfter;
    private final LinkedBlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    /** Every row queued and not yet stored or given up, oldest first (queued, in a batch or kept for a retry). */
    private final ConcurrentLinkedQueue<Pending<T>> unhandled = new ConcurrentLinkedQueue<>();
    /**
     * A write-behind caller is answered at once only while the oldest unhandled row is younger than
     * this; past it (the database is slow or the queue is busy) it waits for its own commit. So the
     * rows answered and not yet committed were all queued within this window: what a sudden death
     * of the process can lose. Null: always answered once queued.
     */
    private final @Nullable Duration answerWindow;
    /** Rows a failed batch left, retried before the queue (writer thread only). */
    private final Deque<Pending<T>> retry = new ArrayDeque<>();
    /** KiB of queued rows that may still be added. */
    private final Semaphore room;
    private final int roomKib;
    private final ReentrantLock enqueue = new ReentrantLock();
    /** Sequence number of the last queued row (under {@link #enqueue}, so queue order = sequence order). */
    private long queued;
    /** Sequence number up to which every row has been stored or given up (rows are handled in sequence order). */
    private volatile long handled;
    private final Object progress = new Object();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile int readersWaiting;
    private volatile boolean running;
    private Thread writer;

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
        this.answerWindow = answerWindow;
        this.name = name;
        this.insert = insert;
        this.transactions = transactions;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.bytes = bytes;
        this.timeout = timeout;
        this.describe = describe;
        this.failed = failed;
        this.committedAfter = committedAfter;
        this.roomKib = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxQueuedBytes / 1024));
        this.room = new Semaphore(roomKib);
    }

    /** Stores the row; returns once it is committed. */
    void write(T row) {
        if (!running) {
            storeNow(row, true);
            return;
        }
        await(enqueue(row, false));
    }

    /** Waits until the queued row is committed (or throws its failure). */
    private void await(Pending<T> pending) {
        T row = pending.row();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                pending.written().get(100, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (!running && queue.remove(pending)) {
                    // stopped after this row was queued and before the writer took it
                    unhandled.remove(pending);
                    room.release(pending.kib());
                    waiting.decrementAndGet();
                    storeNow(row, true);
                    return;
                }
                long failing = failingSince;
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
    private RuntimeException gaveUp(Pending<T> pending, String reason, Exception cause) {
        boolean dropped = queue.remove(pending);
        if (dropped) {
            unhandled.remove(pending);
            room.release(pending.kib());
            waiting.decrementAndGet();
            allHandledWhenNothingIsLeft();
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
        Pending<T> pending = enqueue(row, true);
        if (answerWindow != null) {
            // decided after queuing: every row answered early was queued within the window after the oldest unhandled one
            Pending<T> oldest = unhandled.peek();
            if (oldest != null && oldest != pending && System.nanoTime() - oldest.queuedAt() > answerWindow.toNanos()) {
                pending.behind = false;
                waitedForCommit.incrementAndGet();
                await(pending);
                return false;
            }
        }
        return true;
    }

    private final AtomicLong waitedForCommit = new AtomicLong();

    /** How many write-behind callers waited for their commit because the queue was older than the answer window. */
    long waitedForCommit() {
        return waitedForCommit.get();
    }

    /**
     * Waits until every row queued before this call is stored (or given up), at most {@code max};
     * false if that took longer (the caller then reads what is committed so far).
     */
    boolean awaitWritten(Duration max) {
        long target;
        enqueue.lock();
        try {
            target = queued;
        } finally {
            enqueue.unlock();
        }
        if (handled >= target || !running) {
            return handled >= target;
        }
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (progress) {
            readersWaiting++;
            try {
                while (handled < target && running) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                readersWaiting--;
            }
        }
        return handled >= target;
    }

    /** Rows queued and not yet stored (or given up). */
    int backlog() {
        return waiting.get();
    }

    /** How long the oldest row still waiting for its commit has waited (zero when none waits). */
    java.time.Duration oldestWaiting() {
        Pending<T> oldest = unhandled.peek();
        return oldest == null ? java.time.Duration.ZERO : java.time.Duration.ofNanos(Math.max(0, System.nanoTime() - oldest.queuedAt()));
    }

    private Pending<T> enqueue(T row, boolean behind) {
        int kib = Math.min(roomKib, Math.max(1, bytes.applyAsInt(row) / 1024));
        try {
            if (!room.tryAcquire(kib, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                // nothing was stored for this row: a passing condition (the API answers 503 with Retry-After)
                throw new TransientDataAccessResourceException("The " + name + " writer is behind (" + backlog()
                        + " rows waiting for the database); no room for another row within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for room in the " + name + " queue", e);
        }
        enqueue.lock();
        try {
            Pending<T> pending = new Pending<>(row, new CompletableFuture<>(), ++queued, kib, System.nanoTime(), behind);
            waiting.incrementAndGet();
            unhandled.add(pending);
            queue.add(pending);
            return pending;
        } finally {
            enqueue.unlock();
        }
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        writer = Thread.ofPlatform().daemon().name(name + "-writer").start(this::loop);
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
        synchronized (progress) {
            progress.notifyAll();
        }
        try {
            writer.join(timeout.toMillis());
            if (writer.isAlive()) {
                writer.interrupt();
                writer.join(timeout.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending<T>> left = new ArrayList<>();
        queue.drainTo(left);
        for (Pending<T> p : left) {
            unhandled.remove(p);
            room.release(p.kib());
            waiting.decrementAndGet();
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

    private void loop() {
        List<Pending<T>> batch = new ArrayList<>(maxRows);
        Duration pause = FIRST_PAUSE;
        while (running || !queue.isEmpty() || !retry.isEmpty()) {
            try {
                // a batch kept back by a database failure is tried again on its own: rows queued meanwhile
                // stay in the queue, where a caller waiting for its row can still withdraw it (decision 0013)
                boolean retrying = !retry.isEmpty();
                Pending<T> first = retrying ? retry.pollFirst() : queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int size = bytes.applyAsInt(first.row());
                while (batch.size() < maxRows && size < maxBytes) {
                    Pending<T> next = retrying ? retry.pollFirst() : queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    size += bytes.applyAsInt(next.row());
                }
                List<Pending<T>> keep = flush(batch);
                if (keep.isEmpty()) {
                    pause = FIRST_PAUSE;
                    continue;
                }
                for (int i = keep.size() - 1; i >= 0; i--) {
                    retry.addFirst(keep.get(i));
                }
                if (!running) {
                    giveUp("the application is stopping and the database still fails");
                    return;
                }
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                giveUp("the writer was interrupted");
                return;
            } catch (Throwable e) {
                LOG.error("{} writer failed on a batch of {}", name, batch.size(), e);
                batch.forEach(p -> done(p, e));
            } finally {
                batch.clear();
            }
        }
    }

    /** Stores the batch; returns the rows to try again later (in order), empty when all are done. */
    private List<Pending<T>> flush(List<Pending<T>> batch) {
        try {
            store(batch);
            failingSince = 0;
            committedAfter.accept(System.nanoTime() - batch.getFirst().queuedAt());
            batch.forEach(p -> done(p, null));
            return List.of();
        } catch (RuntimeException e) {
            if (passing(e)) {
                if (failingSince == 0) {
                    failingSince = System.nanoTime() | 1;
                }
                LOG.warn("{} writer: the database failed ({}); keeping {} rows and trying again", name, e.getMessage(), batch.size());
                return List.copyOf(batch);
            }
            if (batch.size() == 1) {
                done(batch.getFirst(), e);
                return List.of();
            }
            LOG.warn("{} writer: a batch of {} rows failed; storing them one by one", name, batch.size(), e);
        }
        for (int i = 0; i < batch.size(); i++) {
            Pending<T> p = batch.get(i);
            try {
                store(List.of(p));
                done(p, null);
            } catch (RuntimeException e) {
                if (passing(e)) {
                    if (failingSince == 0) {
                        failingSince = System.nanoTime() | 1;
                    }
                    return List.copyOf(batch.subList(i, batch.size()));
                }
                done(p, e);
            }
        }
        return List.of();
    }

    private void store(List<Pending<T>> rows) {
        transactions.executeWithoutResult(status -> insert.accept(rows.stream().map(Pending::row).toList()));
    }

    /** The row is stored ({@code failure} null) or given up; readers waiting for it are released. */
    private void done(Pending<T> p, @Nullable Throwable failure) {
        room.release(p.kib());
        waiting.decrementAndGet();
        unhandled.remove(p); // the head: rows are handled in queue order
        if (failure != null) {
            if (!p.behind) {
                LOG.error("{} writer could not store {}", name, describe.apply(p.row()), failure);
            } else {
                LOG.error("{} writer could not store {} (already answered): it is not in the log", name, describe.apply(p.row()),
                        failure);
                failed.accept(p.row());
            }
            p.written().completeExceptionally(failure);
        } else {
            p.written().complete(null);
        }
        handled = p.seq();
        if (unhandled.isEmpty()) {
            allHandledWhenNothingIsLeft(); // rows withdrawn after this one (gaveUp) are handled too
        }
        if (readersWaiting > 0) {
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    /** With no row left unhandled, every row queued so far is handled (stored, given up or withdrawn by its caller). */
    private void allHandledWhenNothingIsLeft() {
        enqueue.lock();
        try {
            if (unhandled.isEmpty() && handled < queued) {
                handled = queued;
            }
        } finally {
            enqueue.unlock();
        }
        if (readersWaiting > 0) {
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    private void giveUp(String why) {
        List<Pending<T>> left = new ArrayList<>(retry);
        retry.clear();
        IllegalStateException e = new IllegalStateException("The " + name + " writer stopped: " + why);
        for (Pending<T> p : left) {
            done(p, e);
        }
    }

    /** Stores the row on the caller's thread, in a transaction of its own. */
    private void storeNow(T row, boolean throwFailure) {
        try {
            transactions.executeWithoutResult(status -> insert.accept(List.of(row)));
        } catch (RuntimeException e) {
            LOG.error("{} writer could not store {}", name, describe.apply(row), e);
            if (throwFailure) {
                throw e;
            }
            failed.accept(row);
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
