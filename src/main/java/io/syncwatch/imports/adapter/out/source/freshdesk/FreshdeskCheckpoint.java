package io.syncwatch.imports.adapter.out.source.freshdesk;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Where the next ticket list starts. Freshdesk has no change cursor, and paging by page number
 * over a list that changes while it is read skips tickets (one updated in between leaves its
 * page and the others move up), so the checkpoint moves {@code updated_since} forward instead:
 * <ul>
 * <li>{@code since}: every ticket updated before this second has been read;</li>
 * <li>{@code seen}: the tickets of that very second already read, skipped when the next list
 * (from one second before {@code since}, whatever Freshdesk's bound) shows them again; at most
 * {@link #MAX_SEEN}, the checkpoint column holds 500 characters;</li>
 * <li>{@code page}: 1, unless more tickets share one second than a page holds: then the pages of
 * that second are read by number.</li>
 * </ul>
 * Stored as {@code since;page;id,id,...}.
 */
record FreshdeskCheckpoint(Instant since, int page, Set<Long> seen) {

    static final int MAX_SEEN = 30;

    /** One ticket of a list, as far as it could be read: {@code null} when its id or update time could not. */
    record Listed(@Nullable Long id, @Nullable Instant updatedAt) {
    }

    FreshdeskCheckpoint {
        since = since.truncatedTo(ChronoUnit.SECONDS);
        seen = Set.copyOf(seen.stream().limit(MAX_SEEN).toList());
    }

    static FreshdeskCheckpoint from(Instant startFrom) {
        return new FreshdeskCheckpoint(startFrom, 1, Set.of());
    }

    static FreshdeskCheckpoint parse(String text) {
        String[] p = text.split(";", -1);
        Set<Long> seen = p[2].isEmpty() ? Set.of()
                : java.util.Arrays.stream(p[2].split(",")).map(Long::valueOf).collect(Collectors.toSet());
        return new FreshdeskCheckpoint(Instant.parse(p[0]), Integer.parseInt(p[1]), seen);
    }

    String format() {
        return since + ";" + page + ";" + seen.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The {@code updated_since} to ask for: one second early, so that the tickets of second {@code since} come whether Freshdesk's bound is inclusive or not. */
    Instant updatedSince() {
        return since.minusSeconds(1);
    }

    /** Whether this ticket of the list was read before (earlier than {@code since}, or seen at that second). */
    boolean alreadyRead(Listed ticket) {
        Instant at = ticket.updatedAt();
        if (at != null && at.isBefore(since)) {
            return true;
        }
        return ticket.id() != null && seen.contains(ticket.id()) && (at == null || at.equals(since));
    }

    /** The checkpoint after a list of {@code listed} tickets (in Freshdesk's order) asked for {@code perPage} at a time. */
    FreshdeskCheckpoint after(List<Listed> listed, int perPage) {
        Instant newest = listed.stream().map(Listed::updatedAt).filter(java.util.Objects::nonNull).max(Instant::compareTo)
                .orElse(null);
        if (newest != null && newest.isAfter(since)) {
            // the next list starts at the newest second: the tickets of that second read now are skipped then
            Set<Long> atNewest = new LinkedHashSet<>();
            for (int i = listed.size() - 1; i >= 0; i--) {
                Listed ticket = listed.get(i);
                if (ticket.updatedAt() != null && !ticket.updatedAt().equals(newest)) {
                    break;
                }
                if (ticket.id() != null) {
                    atNewest.add(ticket.id());
                }
            }
            return new FreshdeskCheckpoint(newest, 1, atNewest);
        }
        Set<Long> seenNow = new LinkedHashSet<>(seen);
        listed.stream().filter(t -> t.id() != null && since.equals(t.updatedAt())).forEach(t -> seenNow.add(t.id()));
        // a full page that brought nothing newer: more tickets share this second than a page holds
        return new FreshdeskCheckpoint(since, listed.size() >= perPage ? page + 1 : page, seenNow);
    }
}
