package io.syncwatch.imports.adapter.out.source.freshdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import io.syncwatch.imports.adapter.out.source.freshdesk.FreshdeskCheckpoint.Listed;

/** The checkpoint's edge cases, without HTTP. */
class FreshdeskCheckpointTest {

    static final Instant T = Instant.parse("2026-01-02T10:00:00Z");

    @Test
    void startsAtTheStartDateToTheSecondAndAsksFromOneSecondEarlier() {
        FreshdeskCheckpoint start = FreshdeskCheckpoint.from(Instant.parse("2026-01-01T00:00:00.750Z"));
        assertThat(start.format()).isEqualTo("2026-01-01T00:00:00Z;1;");
        assertThat(start.updatedSince()).hasToString("2025-12-31T23:59:59Z");
        assertThat(FreshdeskCheckpoint.parse(start.format())).isEqualTo(start);
    }

    @Test
    void anEmptyListKeepsTheCheckpoint() {
        FreshdeskCheckpoint at = new FreshdeskCheckpoint(T, 1, Set.of(7L));
        assertThat(at.after(List.of(), 100)).isEqualTo(at);
    }

    @Test
    void ticketsReadBeforeAreRecognisedAndANewerVersionIsNot() {
        FreshdeskCheckpoint at = new FreshdeskCheckpoint(T, 1, Set.of(7L));
        assertThat(at.alreadyRead(new Listed(7L, T))).isTrue();
        assertThat(at.alreadyRead(new Listed(6L, T.minusSeconds(1)))).as("before the second: read").isTrue();
        assertThat(at.alreadyRead(new Listed(8L, T))).as("same second, not seen").isFalse();
        assertThat(at.alreadyRead(new Listed(7L, T.plusSeconds(60)))).as("updated again since").isFalse();
        assertThat(at.alreadyRead(new Listed(null, null))).as("unreadable: passed on, reported malformed").isFalse();
    }

    @Test
    void aBulkUpdateOfAHundredTicketsInOneSecondStillFitsTheCheckpointColumn() {
        List<Listed> bulk = LongStream.rangeClosed(19_000_000_001L, 19_000_000_100L).mapToObj(id -> new Listed(id, T)).toList();
        FreshdeskCheckpoint next = FreshdeskCheckpoint.from(T.minusSeconds(3600)).after(bulk, 100);

        assertThat(next.since()).isEqualTo(T);
        assertThat(next.seen()).hasSize(FreshdeskCheckpoint.MAX_SEEN);
        assertThat(next.format().length()).isLessThanOrEqualTo(500);
        // the next list, from that second, brings the same full page again and nothing newer: the next page
        FreshdeskCheckpoint deeper = next.after(bulk, 100);
        assertThat(deeper.page()).isEqualTo(2);
        assertThat(deeper.format().length()).isLessThanOrEqualTo(500);
    }
}
