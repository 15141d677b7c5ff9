package io.syncwatch.imports.adapter.out.source.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import io.syncwatch.imports.domain.SourceConversation;

/**
 * A deterministic stream of conversations seeded by a number: slot {@code k} happens at
 * {@code ORIGIN + k * spacing}. Most slots are new conversations (reference {@code 100000 + k});
 * every eighth slot is a later update of the conversation 20 slots earlier (it was re-opened
 * or solved), so that runs see both new and refreshed records.
 */
final class DemoConversations {

    static final Instant ORIGIN = Instant.parse("2025-01-01T00:00:00Z");
    static final int UPDATE_EVERY = 8;
    static final int UPDATE_DISTANCE = 20;

    private static final List<String> CHANNELS = List.of("email", "chat", "phone", "social");
    private static final List<String> AGENTS = List.of("Alice Moreno", "Bilal Khan", "Chen Wei", "Dana Okafor",
            "Erik Larsen");
    private static final List<String> STATUSES = List.of("open", "pending", "solved", "closed", "closed", "solved");
    private static final List<String> TAGS = List.of("billing", "vip", "refund", "bug", "onboarding", "complaint");
    private static final List<String> SUBJECTS = List.of("Refund for order", "Cannot log in", "Invoice question",
            "Delivery delayed", "Upgrade plan", "App crashes on start", "Change address");

    private final long seed;
    private final Duration spacing;

    DemoConversations(long seed) {
        this.seed = seed;
        this.spacing = Duration.ofMinutes(15 + Math.floorMod(seed, 31));
    }

    Instant at(long slot) {
        return ORIGIN.plus(spacing.multipliedBy(slot));
    }

    /** The first slot strictly after {@code instant}. */
    long slotAfter(Instant instant) {
        if (instant.isBefore(ORIGIN)) {
            return 0;
        }
        return Duration.between(ORIGIN, instant).toMillis() / spacing.toMillis() + 1;
    }

    /** The last slot that has happened by {@code now}. */
    long lastSlot(Instant now) {
        return slotAfter(now) - 1;
    }

    static boolean isUpdate(long slot) {
        return slot % UPDATE_EVERY == UPDATE_EVERY - 1 && slot >= UPDATE_DISTANCE;
    }

    static String reference(long slot) {
        return Long.toString(100000 + slot);
    }

    /** The conversation as it looks at {@code slot} (a new one, or the update of an earlier one). */
    SourceConversation conversationAt(long slot) {
        if (isUpdate(slot)) {
            long original = slot - UPDATE_DISTANCE;
            SourceConversation base = original(original);
            var random = new SplittableRandom(seed * 31 + slot);
            return new SourceConversation(base.reference(), base.channel(), base.agent(),
                    random.nextBoolean() ? "closed" : "open", base.tags(), base.customFields(), base.subject(),
                    base.createdAt(), at(slot));
        }
        return original(slot);
    }

    /** The latest version of a conversation by reference, as of {@code now}. */
    Optional<SourceConversation> find(String reference, Instant now) {
        long slot;
        try {
            slot = Long.parseLong(reference.trim()) - 100000;
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (slot < 0 || slot > lastSlot(now) || isUpdate(slot)) {
            return Optional.empty();
        }
        long update = slot + UPDATE_DISTANCE;
        return Optional.of(isUpdate(update) && update <= lastSlot(now) ? conversationAt(update) : original(slot));
    }

    private SourceConversation original(long slot) {
        var random = new SplittableRandom(seed * 1_000_003 + slot);
        var tags = new LinkedHashSet<String>();
        int tagCount = random.nextInt(3);
        for (int i = 0; i < tagCount; i++) {
            tags.add(TAGS.get(random.nextInt(TAGS.size())));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("priority", List.of("low", "normal", "normal", "high").get(random.nextInt(4)));
        fields.put("region", List.of("EU", "US", "APAC").get(random.nextInt(3)));
        Instant when = at(slot);
        return new SourceConversation(reference(slot), CHANNELS.get(random.nextInt(CHANNELS.size())),
                AGENTS.get(random.nextInt(AGENTS.size())), STATUSES.get(random.nextInt(STATUSES.size())), tags, fields,
                SUBJECTS.get(random.nextInt(SUBJECTS.size())), when.minus(Duration.ofMinutes(random.nextInt(1, 90))),
                when);
    }
}
