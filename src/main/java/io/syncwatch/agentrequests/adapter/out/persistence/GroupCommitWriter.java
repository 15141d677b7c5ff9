package io.syncwatch.agentrequests.adapter.out.persistence;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.ToIntFunction;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The writer thread of a {@link GroupCommit}: takes whatever rows are queued (up to the batch's
 * rows and bytes), stores them in one transaction and releases their callers. A batch that fails
 * for a passing reason (connection lost, lock wait, database restarting) is kept, in order, and
 * tried again on its own with a pause growing from 0.2 s to 10 s; one that fails for its own
 * content is stored row by row, and a row that still fails is given up: thrown to a caller that
 * waits, reported ({@code failed} and an ERROR log naming it) for one answered already.
 */
final class GroupCommitWriter<T> implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    /** What a group commit does with its rows (shared by the writer and callers that store their own row). */
    record Store<T>(String name, Consumer<List<T>> insert, TransactionOperations transactions, Function<T, String> describe,
            Consumer<T> failed) {

        void store(List<T> rows) {
            transactions.executeWithoutResult(status -> insert.accept(rows));
        }
    }

    private final Store<T> store;
    private final GroupCommitQueue<T> queue;
    private final BooleanSupplier running;
    private final int maxRows;
    private final int maxBytes;
    private final ToIntFunction<T> bytes;
    private final LongConsumer committedAfter;
    /** Rows a failed batch left, retried before the queue (writer thread only). */
    private final Deque<PendingRow<T>> retry = new ArrayDeque<>();
    /** Since when ({@link System#nanoTime}, never 0) the writer's batches fail for a passing reason; 0 while they are stored. */
    private volatile long failingSince;

    GroupCommitWriter(Store<T> store, GroupCommitQueue<T> queue, BooleanSupplier running, int maxRows, int maxBytes,
            ToIntFunction<T> bytes, LongConsumer committedAfter) {
        this.store = store;
        this.queue = queue;
        this.running = running;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.bytes = bytes;
        this.committedAfter = committedAfter;
    }

    /** Since when the batches fail for a passing reason ({@link System#nanoTime}), 0 while they are stored. */
    long failingSince() {
        return failingSince;
    }

    @Override
    public void run() {
        List<PendingRow<T>> batch = new ArrayList<>(maxRows);
        Duration pause = FIRST_PAUSE;
        while (running.getAsBoolean() || !queue.isEmpty() || !retry.isEmpty()) {
            try {
                // a batch kept back by a database failure is tried again on its own: rows queued meanwhile
                // stay in the queue, where a caller waiting for its row can still withdraw it (decision 0013)
                boolean retrying = !retry.isEmpty();
                PendingRow<T> first = retrying ? retry.pollFirst() : queue.poll(100);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int size = bytes.applyAsInt(first.row());
                while (batch.size() < maxRows && size < maxBytes) {
                    PendingRow<T> next = retrying ? retry.pollFirst() : queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    size += bytes.applyAsInt(next.row());
                }
                List<PendingRow<T>> keep = flush(batch);
                if (keep.isEmpty()) {
                    pause = FIRST_PAUSE;
                    continue;
                }
                for (int i = keep.size() - 1; i >= 0; i--) {
                    retry.addFirst(keep.get(i));
                }
                if (!running.getAsBoolean()) {
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
                LOG.error("{} writer failed on a batch of {}", store.name(), batch.size(), e);
                batch.forEach(p -> done(p, e));
            } finally {
                batch.clear();
            }
        }
    }

    /** Stores the batch; returns the rows to try again later (in order), empty when all are done. */
    private List<PendingRow<T>> flush(List<PendingRow<T>> batch) {
        try {
            store(batch);
            failingSince = 0;
            committedAfter.accept(System.nanoTime() - batch.getFirst().queuedAt());
            batch.forEach(p -> done(p, null));
            return List.of();
        } catch (RuntimeException e) {
            if (GroupCommit.passing(e)) {
                failing();
                LOG.warn("{} writer: the database failed ({}); keeping {} rows and trying again", store.name(), e.getMessage(),
                        batch.size());
                return List.copyOf(batch);
            }
            if (batch.size() == 1) {
                done(batch.getFirst(), e);
                return List.of();
            }
            LOG.warn("{} writer: a batch of {} rows failed; storing them one by one", store.name(), batch.size(), e);
        }
        for (int i = 0; i < batch.size(); i++) {
            PendingRow<T> p = batch.get(i);
            try {
                store(List.of(p));
                done(p, null);
            } catch (RuntimeException e) {
                if (GroupCommit.passing(e)) {
                    failing();
                    return List.copyOf(batch.subList(i, batch.size()));
                }
                done(p, e);
            }
        }
        return List.of();
    }

    private void failing() {
        if (failingSince == 0) {
            failingSince = System.nanoTime() | 1;
        }
    }

    private void store(List<PendingRow<T>> rows) {
        store.store(rows.stream().map(PendingRow::row).toList());
    }

    /** The row is stored ({@code failure} null) or given up; readers waiting for it are released. */
    private void done(PendingRow<T> p, @Nullable Throwable failure) {
        queue.release(p);
        if (failure != null) {
            if (!p.behind) {
                LOG.error("{} writer could not store {}", store.name(), store.describe().apply(p.row()), failure);
            } else {
                LOG.error("{} writer could not store {} (already answered): it is not in the log", store.name(),
                        store.describe().apply(p.row()), failure);
                store.failed().accept(p.row());
            }
            p.written().completeExceptionally(failure);
        } else {
            p.written().complete(null);
        }
        queue.handled(p);
    }

    private void giveUp(String why) {
        List<PendingRow<T>> left = new ArrayList<>(retry);
        retry.clear();
        IllegalStateException e = new IllegalStateException("The " + store.name() + " writer stopped: " + why);
        for (PendingRow<T> p : left) {
            done(p, e);
        }
    }
}
