package io.syncwatch.imports.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.syncwatch.imports.ImportCounts;
import io.syncwatch.imports.ImportRunFinished;
import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.RunTrigger;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/** Finished runs are counted by outcome and timed (issue 17.4). */
class RunMetricsTest {

    @Test
    void runsAreCountedByOutcomeAndTimed() {
        var meters = new SimpleMeterRegistry();
        var metrics = new RunMetrics(meters);
        Instant start = Instant.parse("2026-12-04T10:00:00Z");

        metrics.on(finished(RunOutcome.SUCCEEDED, start, start.plusSeconds(12)));
        metrics.on(finished(RunOutcome.SUCCEEDED, start, start.plusSeconds(8)));
        metrics.on(finished(RunOutcome.FAILED, start, start.plusSeconds(1)));

        assertThat(meters.get("syncwatch.imports.runs").tag("outcome", "succeeded").counter().count()).isEqualTo(2);
        assertThat(meters.get("syncwatch.imports.runs").tag("outcome", "failed").counter().count()).isEqualTo(1);
        var duration = meters.get("syncwatch.imports.run.duration").tag("outcome", "succeeded").timer();
        assertThat(duration.count()).isEqualTo(2);
        assertThat(duration.totalTime(TimeUnit.SECONDS)).isEqualTo(20.0);
    }

    private static ImportRunFinished finished(RunOutcome outcome, Instant startedAt, Instant finishedAt) {
        return new ImportRunFinished(new ImportRunId(1), new IntegrationId(2), AccountId.of(3), RunTrigger.values()[0], outcome,
                null, null, ImportCounts.zero(), null, false, startedAt, finishedAt, null);
    }
}
