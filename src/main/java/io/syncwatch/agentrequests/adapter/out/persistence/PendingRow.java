package io.syncwatch.agentrequests.adapter.out.persistence;

import java.util.concurrent.CompletableFuture;

/**
 * A row queued in a {@link GroupCommit}: its place in the queue's sequence, the room it takes (KiB)
 * and when it was queued. {@code behind} while its caller has been answered without waiting for
 * the commit (a write-behind row); a failure is then reported rather than thrown.
 */
final class PendingRow<T> {

    private final T row;
    private final CompletableFuture<Void> written = new CompletableFuture<>();
    private final long seq;
    private final int kib;
    private final long queuedAt;
    volatile boolean behind;

    PendingRow(T row, long seq, int kib, long queuedAt, boolean behind) {
        this.row = row;
        this.seq = seq;
        this.kib = kib;
        this.queuedAt = queuedAt;
        this.behind = behind;
    }

    T row() {
        return row;
    }

    /** Completed once the row is committed, or exceptionally with the reason it was given up. */
    CompletableFuture<Void> written() {
        return written;
    }

    long seq() {
        return seq;
    }

    int kib() {
        return kib;
    }

    /** {@link System#nanoTime()} when it was queued. */
    long queuedAt() {
        return queuedAt;
    }
}
