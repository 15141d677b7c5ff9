package io.syncwatch.agentrequests.adapter.out.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Group commit: rows written by many request threads at once are inserted by one writer thread,
 * many per statement and one transaction per batch; each caller returns only once its own row is
 * committed (or gets the failure), so nothing is acknowledged that is not stored. Under load the
 * batches grow by themselves (whatever queued while the previous batch was written), at rest a
 * batch is one row and waits for nothing. A failing batch is retried row by row, so one bad row
 * fails only its own request. Before {@link #start()} and after {@link #stop()} callers write
 * their row themselves.
 */
final class GroupCommit<T> {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private record Pending<T>(T row, CompletableFuture<Void> written) {
    }

    private final String name;
    private final Consumer<List<T>> insert;
    private final TransactionOperations transactions;
    private final int maxRows;
    private final int maxBytes;
    private final ToIntFunction<T> bytes;
    private final Duration timeout;
    private final LinkedBlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread writer;

    /**
     * @param insert inserts the rows; called inside a transaction
     * @param maxRows most rows in one batch
     * @param maxBytes a batch is closed once its rows' {@code bytes} reach this (keeps statements under the packet limit)
     * @param timeout how long a caller waits for its row before giving up with an exception
     */
    GroupCommit(String name, Consumer<List<T>> insert, TransactionOperations transactions, int maxRows, int maxBytes,
            ToIntFunction<T> bytes, Duration timeout) {
        this.name = name;
        this.insert = insert;
        this.transactions = transactions;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.bytes = bytes;
        this.timeout = timeout;
    }

    /** Stores the row; returns once it is committed. */
    void write(T row) {
        Pending<T> pending = new Pending<>(row, new CompletableFuture<>());
        if (!running) {
            flush(List.of(pending));
            await(pending.written());
            return;
        }
        queue.add(pending);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                pending.written().get(100, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (!running && queue.remove(pending)) {
                    // stopped after this row was queued and before the writer took it
                    flush(List.of(pending));
                    await(pending.written());
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The " + name + " writer did not store the row within " + timeout, e);
                }
            } catch (ExecutionException e) {
                throw rethrown(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the " + name + " writer stored the row", e);
            }
        }
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        writer = Thread.ofPlatform().daemon().name(name + "-writer").start(this::loop);
    }

    /** Stops taking rows, writes what is queued, waits for the writer. */
    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            writer.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending<T>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> flush(List.of(p)));
    }

    boolean isRunning() {
        return running;
    }

    private void loop() {
        List<Pending<T>> batch = new ArrayList<>(maxRows);
        while (running || !queue.isEmpty()) {
            try {
                Pending<T> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int size = bytes.applyAsInt(first.row());
                while (batch.size() < maxRows && size < maxBytes) {
                    Pending<T> next = queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    size += bytes.applyAsInt(next.row());
                }
                flush(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("{} writer interrupted; the callers of {} queued rows write them themselves", name, queue.size());
                return;
            } catch (Throwable e) {
                LOG.error("{} writer failed on a batch of {}", name, batch.size(), e);
                batch.forEach(p -> p.written().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void flush(List<Pending<T>> batch) {
        try {
            transactions.executeWithoutResult(status -> insert.accept(batch.stream().map(Pending::row).toList()));
            batch.forEach(p -> p.written().complete(null));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                LOG.error("{} writer could not store a row", name, e);
                batch.getFirst().written().completeExceptionally(e);
                return;
            }
            LOG.warn("{} writer: a batch of {} rows failed; storing them one by one", name, batch.size(), e);
            batch.forEach(p -> flush(List.of(p)));
        }
    }

    private static void await(CompletableFuture<Void> written) {
        try {
            written.get();
        } catch (ExecutionException e) {
            throw rethrown(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing a row", e);
        }
    }

    private static RuntimeException rethrown(ExecutionException e) {
        return e.getCause() instanceof RuntimeException runtime ? runtime
                : new IllegalStateException(e.getCause() == null ? e : e.getCause());
    }
}
