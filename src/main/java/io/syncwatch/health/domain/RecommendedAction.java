package io.syncwatch.health.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.RunOutcome;

/** The action spec 000 recommends per failure category, and spec 001's "what to check" list. */
public final class RecommendedAction {

    public static final String RECONNECT = "Reconnect, or edit the integration and re-enter the credentials";
    public static final String CHECK_ACCESS = "Check that the user or API key in the source platform still has the access Syncwatch needs";
    public static final String WAIT_OR_SUPPORT = "Usually transient: if it persists past the next scheduled run, contact support";
    public static final String NO_ACTION_RATE_LIMITED = "No action needed: the next run will resume where this one stopped";
    public static final String REVIEW_MESSAGE = "Open the integration and review the message";
    public static final String NO_ACTION_RETRIED = "No action needed: Syncwatch tries the run again shortly from where it stopped";
    public static final String CONTACT_SUPPORT = "Review the message; if it persists, contact support";
    /** Quality assurance (spec 002): the engineering team acts next, and contacts the customer. */
    public static final String QUALITY_ASSURANCE = "No action needed from you: our engineering team has been notified "
            + "and will contact you once the issue is resolved and the integration is re-enabled";
    public static final String RECONNECT_TO_RESUME = "Reconnect with new credentials: it stays paused until you do";
    public static final String FINISH_SETUP = "Finish setup: configure the filters to start importing";
    public static final String RESUME = "Resume it when you're ready";
    public static final String REACTIVATE = "Reactivate it when you're ready: it runs again on its schedule";
    public static final String WAITING = "No action needed: the first run starts at the next scheduled time";

    private RecommendedAction() {
    }

    public static @Nullable String forCategory(@Nullable FailureCategory category, RunOutcome outcome) {
        if (category == null) {
            return outcome == RunOutcome.SUCCEEDED_WITH_WARNINGS ? REVIEW_MESSAGE : null;
        }
        return switch (category) {
            case AUTHENTICATION_FAILED -> RECONNECT;
            case PERMISSION_DENIED -> CHECK_ACCESS;
            case SOURCE_UNREACHABLE -> WAIT_OR_SUPPORT;
            case RATE_LIMITED -> NO_ACTION_RATE_LIMITED;
            case INVALID_DATA, UNEXPECTED -> CONTACT_SUPPORT;
            case SYNCWATCH_UNAVAILABLE -> NO_ACTION_RETRIED;
        };
    }

    /** The short "what to check" list (spec 001) for a failure category. */
    public static List<String> whatToCheck(@Nullable FailureCategory category) {
        if (category == null) {
            return List.of();
        }
        return switch (category) {
            case AUTHENTICATION_FAILED -> List.of(
                    "The credentials may have expired or the API token may have been revoked",
                    "Click Reconnect and follow the prompt, or edit the integration and re-enter the credentials",
                    "Then trigger a manual import to confirm the fix");
            case PERMISSION_DENIED -> List.of(
                    "Check the user or API key in the source platform still has the access Syncwatch needs",
                    "If the source platform changed its API or rotated credentials, re-authenticate");
            case SOURCE_UNREACHABLE -> List.of(
                    "The source platform may be down: this is usually transient",
                    "Wait for the next scheduled run; if it persists, contact support with the integration name and affected date range");
            case RATE_LIMITED -> List.of(
                    "The source platform rate-limited Syncwatch: this usually clears within an hour",
                    "The next scheduled run picks up where this one left off");
            case SYNCWATCH_UNAVAILABLE -> List.of(
                    "Syncwatch could not reach its own database for a moment: nothing is needed from you",
                    "The run is tried again shortly and resumes from the last saved checkpoint",
                    "If it persists past the next scheduled run, contact support");
            case INVALID_DATA, UNEXPECTED -> List.of(
                    "Review the message in full",
                    "Try a manual import of one conversation to see whether the whole integration is affected",
                    "If the error persists, contact support with the integration name, the affected date range and one or two source references");
        };
    }
}
