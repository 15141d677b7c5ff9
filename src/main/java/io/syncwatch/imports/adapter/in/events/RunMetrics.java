package io.syncwatch.imports.adapter.in.events;

import java.time.Duration;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.syncwatch.imports.ImportRunFinished;

/**
 * Prometheus metrics of finished import runs (issue 17.4): {@code syncwatch_imports_runs_total} and
 * {@code syncwatch_imports_run_duration_seconds}, both by {@code outcome} (succeeded,
 * succeeded_with_warnings, rate_limited, failed) and {@code trigger}. Counted once the run's
 * transaction committed, on the instance that ran it (a plain listener: no event publication).
 */
@Component
class RunMetrics {

    private final MeterRegistry meters;

    RunMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ImportRunFinished run) {
        String outcome = run.outcome().name().toLowerCase();
        String trigger = run.trigger().name().toLowerCase();
        Counter.builder("syncwatch.imports.runs").description("Import runs that ended, by outcome")
                .tags("outcome", outcome, "trigger", trigger).register(meters).increment();
        Duration took = Duration.between(run.startedAt(), run.finishedAt());
        Timer.builder("syncwatch.imports.run.duration").description("How long import runs took, by outcome")
                .tags("outcome", outcome, "trigger", trigger).publishPercentileHistogram()
                .register(meters).record(took.isNegative() ? Duration.ZERO : took);
    }
}
