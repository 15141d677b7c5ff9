package io.syncwatch.imports.adapter.out.source.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import io.syncwatch.imports.application.port.out.SourceFailure;
import io.syncwatch.imports.application.port.out.SourcePage;
import io.syncwatch.imports.application.port.out.SourcePlatformConnector;
import io.syncwatch.imports.application.port.out.SourceRequest;
import io.syncwatch.imports.domain.SourceConversation;
import io.syncwatch.imports.domain.SourceRecord;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.SourcePlatformCatalog.CredentialField;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;

/**
 * The Demo platform: serves deterministic conversations seeded by the API key, and behaves as
 * its "scenario" credential says: healthy, quiet (nothing new), rate-limited (once the first
 * import has read the source to its end, the integration's first page request and then every
 * Nth one is refused with a retry-after; N is the integration's optional "rateLimitEvery"
 * setting, 2 by default), auth-failing and permission-denied (the key is revoked / loses its permission
 * after the first import), unreachable (from the start) or malformed (after the first import,
 * each page carries a record without a reference or with a bad timestamp). It goes through the
 * same pipeline as any real connector.
 */
@Component
class DemoPlatformConnector implements SourcePlatformConnector {

    static final String KEY = "demo";
    /** The API key the Demo platform always rejects, to try a failing connection test. */
    static final String INVALID_KEY = "invalid";
    /** The optional per-integration setting: once synced, every Nth page request is refused. */
    static final String RATE_LIMIT_EVERY = "rateLimitEvery";
    /** N when the integration does not set it: every other request. */
    static final int DEFAULT_RATE_LIMIT_EVERY = 2;
    static final int MAX_RATE_LIMIT_EVERY = 1000;
    static final String SYNCED = ":synced";
    static final Duration RETRY_AFTER = Duration.ofMinutes(15);

    private final Clock clock;
    /** Page requests once synced, per integration (rate-limited and malformed scenarios). */
    private final Map<IntegrationId, AtomicLong> requests = new ConcurrentHashMap<>();

    DemoPlatformConnector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public PlatformDescriptor descriptor() {
        return new PlatformDescriptor(KEY, "Demo platform",
                "A built-in simulated help desk with realistic conversations; pick a scenario to see how Syncwatch "
                        + "reports healthy, quiet and failing sources.",
                List.of(new CredentialField("apiKey", "API key", true, true, List.of(),
                        "Any value; it seeds the demo conversations"),
                        new CredentialField("scenario", "Scenario", false, true, DemoScenario.keys(),
                                "How the demo source behaves"),
                        new CredentialField(RATE_LIMIT_EVERY, "Rate limit every Nth request", false, false, List.of(),
                                "Scenario rate-limited only: once the first import is done, the first request and then "
                                        + "every Nth one is refused (1 to " + MAX_RATE_LIMIT_EVERY + "; empty = "
                                        + DEFAULT_RATE_LIMIT_EVERY + ", every other)")),
                true, "Conversation ID", EnumSet.allOf(FilterField.class), List.of("open", "pending", "solved", "closed"),
                Set.of("solved", "closed"));
    }

    @Override
    public String testConnection(SourceCredentials credentials) throws SourceFailure {
        // The connection test checks the key (and that the rate-limit setting is a number) only: the
        // scenario says what happens during imports (a key revoked or stripped of permissions later,
        // a source that stops answering...).
        if (credentials.get("apiKey").isBlank() || credentials.get("apiKey").equals(INVALID_KEY)) {
            throw SourceFailure.authenticationFailed("The Demo platform rejected the API key (HTTP 401 Unauthorized)");
        }
        DemoScenario scenario = DemoScenario.of(credentials.get("scenario"));
        int every = rateLimitEvery(credentials);
        return "Connected to the Demo platform (scenario: " + scenario.key + ")"
                + (scenario == DemoScenario.RATE_LIMITED ? "; once synced, " + (every == 1 ? "every request is refused"
                        : "one request in " + every + " is refused, the first one included") : "");
    }

    @Override
    public SourcePage fetchChanges(SourceRequest request) throws SourceFailure {
        DemoScenario scenario = DemoScenario.of(credentials(request.credentials()));
        // A checkpoint ending in ":synced" was handed out when the source had been read to its end:
        // from then on the scenario plays out (a key revoked or stripped of its permissions after
        // the first import, rate limits, broken records). An unreachable source fails from the start.
        boolean synced = request.checkpoint() != null && request.checkpoint().endsWith(SYNCED);
        if (scenario == DemoScenario.UNREACHABLE || synced) {
            check(request.credentials());
        }
        var conversations = conversations(request.credentials());
        Instant now = clock.instant();
        long from = request.checkpoint() != null ? Long.parseLong(request.checkpoint().substring("slot:".length())
                .replace(SYNCED, "")) : conversations.slotAfter(request.startFrom().minusMillis(1));
        long last = conversations.lastSlot(now);
        if (scenario == DemoScenario.QUIET) {
            return SourcePage.of(List.of(), "slot:" + (request.checkpoint() != null ? from : last + 1) + SYNCED, true);
        }
        long count = 0;
        if (synced && (scenario == DemoScenario.RATE_LIMITED || scenario == DemoScenario.MALFORMED)) {
            count = requests.computeIfAbsent(request.integration(), k -> new AtomicLong()).incrementAndGet();
        }
        if (scenario == DemoScenario.RATE_LIMITED && synced
                && (count - 1) % rateLimitEvery(request.credentials()) == 0) {
            throw SourceFailure.rateLimited("The Demo platform's rate limit was reached (HTTP 429); it asked to retry "
                    + "after 15 minutes. The next run resumes where this one stopped", RETRY_AFTER);
        }
        long to = Math.min(last, from + request.pageSize() - 1);
        List<SourceRecord> records = new ArrayList<>();
        for (long slot = from; slot <= to; slot++) {
            records.add(SourceRecord.valid(conversations.conversationAt(slot)));
        }
        if (scenario == DemoScenario.MALFORMED && synced) {
            records.add(count % 2 == 0 ? SourceRecord.malformed(null, "missing reference")
                    : SourceRecord.malformed("X-" + (900000 + count), "bad timestamp 'updated_at: 31/02/2026 25:61'"));
        }
        boolean end = to >= last;
        return SourcePage.of(records, "slot:" + Math.max(from, to + 1) + (end ? SYNCED : ""), end);
    }

    /** The integration's N (1 = every request once synced); empty means {@value #DEFAULT_RATE_LIMIT_EVERY}. */
    static int rateLimitEvery(SourceCredentials credentials) throws SourceFailure {
        String value = credentials.get(RATE_LIMIT_EVERY).strip();
        if (value.isEmpty()) {
            return DEFAULT_RATE_LIMIT_EVERY;
        }
        try {
            int every = Integer.parseInt(value);
            if (every >= 1 && every <= MAX_RATE_LIMIT_EVERY) {
                return every;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SourceFailure.invalidData("'Rate limit every Nth request' must be a whole number from 1 to "
                + MAX_RATE_LIMIT_EVERY + " (it is '" + value + "')", null);
    }

    private static String credentials(SourceCredentials credentials) throws SourceFailure {
        if (credentials.get("apiKey").isBlank()) {
            throw SourceFailure.authenticationFailed("The Demo platform needs an API key");
        }
        return credentials.get("scenario");
    }

    @Override
    public Optional<SourceConversation> fetchOne(SourceCredentials credentials, String reference) throws SourceFailure {
        if (DemoScenario.of(credentials(credentials)) == DemoScenario.UNREACHABLE) {
            check(credentials);
        }
        return conversations(credentials).find(reference, clock.instant());
    }

    private static DemoConversations conversations(SourceCredentials credentials) {
        return new DemoConversations(credentials.get("apiKey").hashCode());
    }

    private static DemoScenario check(SourceCredentials credentials) throws SourceFailure {
        if (credentials.get("apiKey").isBlank()) {
            throw SourceFailure.authenticationFailed("The Demo platform needs an API key");
        }
        DemoScenario scenario = DemoScenario.of(credentials.get("scenario"));
        return switch (scenario) {
            case AUTH_FAILING -> throw SourceFailure.authenticationFailed(
                    "The Demo platform rejected the API key (HTTP 401 Unauthorized)");
            case PERMISSION_DENIED -> throw SourceFailure.permissionDenied(
                    "The API key may not read conversations at the Demo platform (HTTP 403 Forbidden)");
            case UNREACHABLE -> throw SourceFailure.unreachable(
                    "The Demo platform did not answer within 10 seconds (connection timed out)", null);
            default -> scenario;
        };
    }
}
