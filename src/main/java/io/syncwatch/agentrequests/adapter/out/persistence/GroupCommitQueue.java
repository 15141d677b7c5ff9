package io.syncwatch.agentrequests.adapter.out.persistence;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * The rows a {@link GroupCommit} holds, with their bookkeeping: the queue the writer takes batches
 * from, every row not yet handled (queued, in a batch or kept for a retry) oldest first, the room
 * left (bounded by the rows' estimated size) and the sequence up to which every row is handled,
 * which readers wait for ({@link #awaitWritten}).
 */
final class GroupCommitQueue<T> {

    private final String name;
    private final ToIntFunction<T> bytes;
    private final Duration timeout;
    private final LinkedBlockingQueue<PendingRow<T>> queue = new LinkedBlockingQueue<>();
    /** Every row queued and not yet stored or given up, oldest first (queued, in a batch or kept for a retry). */
    private final ConcurrentLinkedQueue<PendingRow<T>> unhandled = new ConcurrentLinkedQueue<>();
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

    GroupCommitQueue(String name, long maxQueuedBytes, ToIntFunction<T> bytes, Duration timeout) {
        this.name = name;
        this.bytes = bytes;
        this.timeout = timeout;
        this.roomKib = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxQueuedBytes / 1024));
        this.room = new Semaphore(roomKib);
    }

    /** Queues the row once there is room for it; throws a passing failure if there is none within the timeout. */
    PendingRow<T> add(T row, boolean behind) {
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
            PendingRow<T> pending = new PendingRow<>(row, ++queued, kib, System.nanoTime(), behind);
            waiting.incrementAndGet();
            unhandled.add(pending);
            queue.add(pending);
            return pending;
        } finally {
            enqueue.unlock();
        }
    }

    /** Takes the row off the queue if the writer has not taken it yet; true if it did (the row is then forgotten). */
    boolean withdraw(PendingRow<T> pending) {
        if (!queue.remove(pending)) {
            return false;
        }
        forget(pending);
        return true;
    }

    /** Takes every row the writer has not taken yet off the queue (they are forgotten). */
    void drainTo(List<PendingRow<T>> rows) {
        queue.drainTo(rows);
        rows.forEach(this::forget);
    }

    private void forget(PendingRow<T> pending) {
        unhandled.remove(pending);
        room.release(pending.kib());
        waiting.decrementAndGet();
    }

    @Nullable PendingRow<T> poll(long millis) throws InterruptedException {
        return queue.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Nullable PendingRow<T> poll() {
        return queue.poll();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    boolean contains(PendingRow<T> pending) {
        return queue.contains(pending);
    }

    /** The oldest row not yet handled (null when none). */
    @Nullable PendingRow<T> oldest() {
        return unhandled.peek();
    }

    /** The writer is done with the row (stored or given up): its room is free (before its caller is told). */
    void release(PendingRow<T> p) {
        forget(p); // the head of unhandled: rows are handled in queue order
    }

    /** The row's caller has been told: readers waiting for it are released. */
    void handled(PendingRow<T> p) {
        handled = p.seq();
        if (unhandled.isEmpty()) {
            allHandledWhenNothingIsLeft(); // rows withdrawn after this one (gaveUp) are handled too
        }
        wakeReaders();
    }

    /** With no row left unhandled, every row queued so far is handled (stored, given up or withdrawn by its caller). */
    void allHandledWhenNothingIsLeft() {
        enqueue.lock();
        try {
            if (unhandled.isEmpty() && handled < queued) {
                handled = queued;
            }
        } finally {
            enqueue.unlock();
        }
        wakeReaders();
    }

    /** Wakes readers waiting in {@link #awaitWritten} (they check again, e.g. whether the writer still runs). */
    void wakeReaders() {
        if (readersWaiting > 0) {
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    /**
     * Waits until every row queued before this call is stored (or given up), at most {@code max}
     * and while {@code running}; false if that took longer (the caller then reads what is committed so far).
     */
    boolean awaitWritten(Duration max, BooleanSupplier running) {
        long target;
        enqueue.lock();
        try {
            target = queued;
        } finally {
            enqueue.unlock();
        }
        if (handled >= target || !running.getAsBoolean()) {
            return handled >= target;
        }
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (progress) {
            readersWaiting++;
            try {
                while (handled < target && running.getAsBoolean()) {
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
}
