package io.syncwatch.imports.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.application.port.out.ImportRuns;
import io.syncwatch.imports.domain.RunJournal;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.database.DatabaseFailures;

/**
 * Ends a run whatever state the database is in (issue 22.2, decision 0013). A failure of the
 * database during a run is recorded as {@link FailureCategory#SYNCWATCH_UNAVAILABLE} and the run
 * is tried again after {@code syncwatch.imports.outage.retry-after} from its last saved
 * checkpoint. The run's log lines on the way out are best effort. Finishing is retried with
 * growing waits (1 s doubling up to 30 s) for as long as {@code syncwatch.imports.outage.finish-for};
 * if the database is still away, or finishing fails for another reason, the run is at least
 * marked failed on its own; if even that cannot be written, the run stays unfinished and the
 * integration's next execution resumes it from its checkpoint (decision 0012).
 */
@Component
class RunClosing {

    private static final Logger log = LoggerFactory.getLogger(RunClosing.class);
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final ImportRuns runs;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration retryAfter;
    private final Duration finishFor;

    RunClosing(ImportRuns runs, TransactionTemplate tx, Clock clock, ImportsProperties properties) {
        this.runs = runs;
        this.tx = tx;
        this.clock = clock;
        this.retryAfter = properties.outage().retryAfter();
        this.finishFor = properties.outage().finishFor();
    }

    /**
     * Records an unexpected end of the run in its journal: a passing failure of the database as
     * {@link FailureCategory#SYNCWATCH_UNAVAILABLE}, anything else as unexpected. Returns when
     * the run should be tried again, or null for the integration's own schedule.
     */
    @Nullable Duration failed(RunJournal journal, RuntimeException e) {
        if (DatabaseFailures.passing(e)) {
            journal.fail(FailureCategory.SYNCWATCH_UNAVAILABLE, "Syncwatch's database was unavailable during the run; "
                    + "it is tried again in " + readable(retryAfter) + " from the last saved checkpoint");
            return retryAfter;
        }
        journal.fail(FailureCategory.UNEXPECTED, "The import failed unexpectedly: " + e.getMessage());
        return null;
    }

    /** One line of the run's log; if the database cannot take it, it goes to the application log instead. */
    void logQuietly(ImportRunId run, AccountId account, String level, String message) {
        try {
            runs.log(run, account, clock.instant(), level, message);
        } catch (RuntimeException e) {
            log.warn("Import run {}: log line not stored ({}): {} {}", run, rootMessage(e), level, message);
        }
    }

    /** Runs {@code finish} until it succeeds or gives up as described above; never throws. */
    void close(ImportRunId run, RunJournal journal, Runnable finish) {
        Instant giveUpAt = clock.instant().plus(finishFor);
        Duration wait = FIRST_WAIT;
        for (int attempt = 1;; attempt++) {
            try {
                finish.run();
                if (attempt > 1) {
                    log.info("Import run {} finished ({}) on attempt {}", run, journal.outcome().label(), attempt);
                }
                return;
            } catch (RuntimeException e) {
                boolean retry = DatabaseFailures.passing(e) && clock.instant().plus(wait).isBefore(giveUpAt);
                if (!retry) {
                    log.error("Import run {} could not be finished after {} attempt(s); marking it failed on its own",
                            run, attempt, e);
                    markFailed(run, journal);
                    return;
                }
                log.warn("Import run {} not finished yet (attempt {}: {}); trying again in {}", run, attempt,
                        rootMessage(e), readable(wait));
                if (!sleep(wait)) {
                    log.warn("Import run {} left for the next execution of its integration to resume (stopping)", run);
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            }
        }
    }

    private void markFailed(ImportRunId run, RunJournal journal) {
        try {
            FailureCategory category = journal.failureCategory() == null ? FailureCategory.UNEXPECTED
                    : journal.failureCategory();
            String message = journal.failureCategory() == null
                    ? "The run could not be finished: " + journal.message() : journal.message();
            tx.executeWithoutResult(status -> runs.finish(run, RunOutcome.FAILED, category, message, journal.counts(),
                    journal.lastRecordSavedAt(), clock.instant()));
        } catch (RuntimeException e) {
            log.error("Import run {} stays open until the next execution of its integration resumes it ({})", run,
                    rootMessage(e));
        }
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + firstLine(root.getMessage()));
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static String readable(Duration d) {
        return d.toSeconds() % 60 == 0 && d.toSeconds() >= 60 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
