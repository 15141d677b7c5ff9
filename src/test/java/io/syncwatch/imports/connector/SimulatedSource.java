package io.syncwatch.imports.connector;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * The conversations a simulated platform holds, for {@link ConnectorContractTest}: a connector's
 * test answers the platform's API over them (paging, cursors, single records) and the contract
 * test changes them (an update at the source) or interrupts the next answers (a rate limit, an
 * error, a slow answer).
 */
public final class SimulatedSource {

    /**
     * One conversation at the source. {@code malformed} ones are served so that the connector
     * cannot map them (each platform's test decides how: a timestamp that is not one, say) but
     * keep their id and their place in the update order.
     */
    public record Conversation(long id, String status, Instant createdAt, Instant updatedAt, boolean malformed) {

        public String reference() {
            return Long.toString(id);
        }
    }

    /** In the order the platforms' change feeds use: update time, then id. */
    public static final Comparator<Conversation> UPDATE_ORDER = Comparator.comparing(Conversation::updatedAt)
            .thenComparingLong(Conversation::id);

    private final Map<Long, Conversation> conversations = new ConcurrentHashMap<>();
    private final Deque<UnaryOperator<ResponseDefinitionBuilder>> interruptions = new ConcurrentLinkedDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    /** A conversation created two days before {@code updatedAt}. */
    public Conversation add(long id, String status, Instant updatedAt) {
        return put(new Conversation(id, status, updatedAt.minus(Duration.ofDays(2)), updatedAt, false));
    }

    public Conversation addMalformed(long id, Instant updatedAt) {
        return put(new Conversation(id, "open", updatedAt.minus(Duration.ofDays(2)), updatedAt, true));
    }

    /** The conversation changed at the source: new status and update time, same creation. */
    public Conversation update(long id, String status, Instant updatedAt) {
        Conversation before = conversations.get(id);
        return put(new Conversation(id, status, before.createdAt(), updatedAt, before.malformed()));
    }

    private Conversation put(Conversation conversation) {
        conversations.put(conversation.id(), conversation);
        return conversation;
    }

    /** By reference as a platform would look it up; empty for an unknown or non-numeric one. */
    public Optional<Conversation> find(String reference) {
        try {
            return Optional.ofNullable(conversations.get(Long.parseLong(reference)));
        } catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
    }

    /** All of them in {@link #UPDATE_ORDER}. */
    public List<Conversation> inUpdateOrder() {
        return conversations.values().stream().sorted(UPDATE_ORDER).toList();
    }

    /** Those updated at or after {@code from}, in update order. */
    public List<Conversation> updatedFrom(Instant from) {
        return inUpdateOrder().stream().filter(c -> !c.updatedAt().isBefore(from)).toList();
    }

    /** Those after the position (update time, id) in update order: a keyset cursor. */
    public List<Conversation> after(Instant updatedAt, long id) {
        Conversation position = new Conversation(id, "", updatedAt, updatedAt, false);
        return inUpdateOrder().stream().filter(c -> UPDATE_ORDER.compare(c, position) > 0).toList();
    }

    /** The next {@code times} requests are answered by {@code change} applied to what the platform would answer. */
    public void interruptNext(int times, UnaryOperator<ResponseDefinitionBuilder> change) {
        for (int i = 0; i < times; i++) {
            interruptions.add(change);
        }
    }

    /** Requests the simulated platform answered so far. */
    public int requests() {
        return requests.get();
    }

    /** What went wrong inside a simulator (a bug in a test, not in the connector). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    @Nullable UnaryOperator<ResponseDefinitionBuilder> served() {
        requests.incrementAndGet();
        return interruptions.poll();
    }

    void problem(String problem) {
        problems.add(problem);
    }

    /** Pages of {@code size}: a helper for platforms that page by number. */
    public static <T> List<T> page(List<T> all, int number, int size) {
        int from = Math.min(all.size(), Math.max(0, (number - 1) * size));
        return new ArrayList<>(all.subList(from, Math.min(all.size(), from + size)));
    }
}
