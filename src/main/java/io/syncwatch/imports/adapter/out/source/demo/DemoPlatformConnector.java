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
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.SourcePlatformCatalog.CredentialField;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;

/**
 * The Demo platform: serves deterministic conversations seeded by the API key, and behaves as
 * its "scenario" credential says: healthy, quiet (nothing new), rate-limited (every
 * {@value #RATE_LIMIT_EVERY}rd page request of an API key is refused with a retry-after),
 * auth-failing, permission-denied, unreachable, or malformed (some records lack a reference or
 * carry a bad timestamp). It goes through the same pipeline as any real connector.
 */
@Component
class DemoPlatformConnector implements SourcePlatformConnector {

    static final String KEY = "demo";
    /** The API key the Demo platform always rejects, to try a failing connection test. */
    static final String INVALID_KEY = "invalid";
    static final int RATE_LIMIT_EVERY = 3;
    static final Duration RETRY_AFTER = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();

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
                                "How the demo source behaves")),
                true, "Conversation ID", EnumSet.allOf(FilterField.class), List.of("open", "pending", "solved", "closed"),
                Set.of("solved", "closed"));
    }

    @Override
    public String testConnection(SourceCredentials credentials) throws SourceFailure {
        // The connection test checks the key only: the scenario says what happens during imports
        // (a key revoked or stripped of permissions later, a source that stops answering...).
        if (credentials.get("apiKey").isBlank() || credentials.get("apiKey").equals(INVALID_KEY)) {
            throw SourceFailure.authenticationFailed("The Demo platform rejected the API key (HTTP 401 Unauthorized)");
        }
        DemoScenario scenario = DemoScenario.of(credentials.get("scenario"));
        return "Connected to the Demo platform (scenario: " + scenario.key + ")";
    }

    @Override
    public SourcePage fetchChanges(SourceRequest request) throws SourceFailure {
        DemoScenario scenario = check(request.credentials());
        var conversations = conversations(request.credentials());
        Instant now = clock.instant();
        long from = request.checkpoint() != null ? Long.parseLong(request.checkpoint().substring("slot:".length()))
                : conversations.slotAfter(request.startFrom().minusMillis(1));
        long last = conversations.lastSlot(now);
        if (scenario == DemoScenario.QUIET) {
            return SourcePage.of(List.of(), request.checkpoint() != null ? request.checkpoint() : "slot:" + (last + 1),
                    true);
        }
        if (scenario == DemoScenario.RATE_LIMITED) {
            long count = requests.computeIfAbsent(request.credentials().get("apiKey"), k -> new AtomicLong())
                    .incrementAndGet();
            if (count % RATE_LIMIT_EVERY == 0) {
                throw SourceFailure.rateLimited("The Demo platform's rate limit was reached (HTTP 429); it asked to retry "
                        + "after 15 minutes. The next run resumes where this one stopped", RETRY_AFTER);
            }
        }
        long to = Math.min(last, from + request.pageSize() - 1);
        List<SourceRecord> records = new ArrayList<>();
        for (long slot = from; slot <= to; slot++) {
            if (scenario == DemoScenario.MALFORMED && slot % 10 == 3) {
                records.add(slot % 20 == 3 ? SourceRecord.malformed(null, "missing reference")
                        : SourceRecord.malformed(DemoConversations.reference(slot),
                                "bad timestamp 'updated_at: 31/02/2026 25:61'"));
            } else {
                records.add(SourceRecord.valid(conversations.conversationAt(slot)));
            }
        }
        return SourcePage.of(records, "slot:" + (Math.max(from, to + 1)), to >= last);
    }

    @Override
    public Optional<SourceConversation> fetchOne(SourceCredentials credentials, String reference) throws SourceFailure {
        check(credentials);
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
