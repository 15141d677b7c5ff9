package io.syncwatch.imports.adapter.out.source.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.application.port.out.SourceFailure;
import io.syncwatch.imports.application.port.out.SourcePage;
import io.syncwatch.imports.application.port.out.SourceRequest;
import io.syncwatch.imports.domain.SourceRecord;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.SourceCredentials;

class DemoPlatformConnectorTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    final DemoPlatformConnector connector = new DemoPlatformConnector(Clock.fixed(NOW, ZoneOffset.UTC));

    static SourceCredentials creds(String scenario) {
        return new SourceCredentials(Map.of("apiKey", "acme-key", "scenario", scenario));
    }

    SourcePage page(String scenario, String checkpoint) throws SourceFailure {
        return connector.fetchChanges(new SourceRequest(IntegrationId.of(1), creds(scenario), checkpoint,
                NOW.minus(Duration.ofDays(1)), 20));
    }

    @Test
    void servesTheSameRealisticConversationsEveryTimeAndPagesWithTheCheckpoint() throws SourceFailure {
        SourcePage first = page("healthy", null);
        assertThat(first.records()).hasSize(20).allMatch(SourceRecord.Valid.class::isInstance);
        assertThat(page("healthy", null)).isEqualTo(first);
        var c = ((SourceRecord.Valid) first.records().getFirst()).conversation();
        assertThat(c.updatedAt()).isAfterOrEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(c.channel()).isIn("email", "chat", "phone", "social");
        assertThat(c.status()).isIn("open", "pending", "solved", "closed");
        assertThat(c.customFields()).containsKeys("priority", "region");

        SourcePage second = page("healthy", first.nextCheckpoint());
        var next = ((SourceRecord.Valid) second.records().getFirst()).conversation();
        assertThat(next.updatedAt()).isAfter(((SourceRecord.Valid) first.records().getLast()).conversation().updatedAt());
        String checkpoint = first.nextCheckpoint();
        SourcePage page;
        do {
            page = page("healthy", checkpoint);
            checkpoint = page.nextCheckpoint();
        } while (!page.endOfStream());
        assertThat(page("healthy", checkpoint).records()).isEmpty();
    }

    @Test
    void fetchOneReturnsTheLatestVersionOrNothing() throws SourceFailure {
        long lastSlot = new DemoConversations("acme-key".hashCode()).lastSlot(NOW);
        String recent = DemoConversations.reference(lastSlot - 100 - (lastSlot - 100) % 8);
        assertThat(connector.fetchOne(creds("healthy"), recent)).isPresent();
        assertThat(connector.fetchOne(creds("healthy"), "999999999")).isEmpty();
        assertThat(connector.fetchOne(creds("healthy"), "not-a-number")).isEmpty();
    }

    @Test
    void scenariosFailWithTheirCategory() {
        assertThat(category("auth-failing")).isEqualTo(FailureCategory.AUTHENTICATION_FAILED);
        assertThat(category("permission-denied")).isEqualTo(FailureCategory.PERMISSION_DENIED);
        assertThat(category("unreachable")).isEqualTo(FailureCategory.SOURCE_UNREACHABLE);
        assertThatThrownBy(() -> connector.testConnection(new SourceCredentials(Map.of("scenario", "healthy"))))
                .isInstanceOfSatisfying(SourceFailure.class,
                        f -> assertThat(f.category()).isEqualTo(FailureCategory.AUTHENTICATION_FAILED));
    }

    @Test
    void onceSyncedRateLimitedRefusesEveryOtherRequestQuietHasNothingMalformedBreaksRecords() throws SourceFailure {
        String synced = synced("rate-limited");
        assertThatThrownBy(() -> page("rate-limited", synced)).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.RATE_LIMITED);
            assertThat(f.retryAfter()).isEqualTo(Duration.ofMinutes(15));
        });
        assertThat(page("rate-limited", synced).records()).as("the next request passes").isNotNull();
        SourcePage quiet = page("quiet", null);
        assertThat(quiet.records()).isEmpty();
        assertThat(quiet.endOfStream()).isTrue();
        assertThat(page("malformed", null).records()).as("the first import is clean")
                .noneMatch(SourceRecord.Malformed.class::isInstance);
        assertThat(page("malformed", synced("malformed")).records()).filteredOn(SourceRecord.Malformed.class::isInstance)
                .hasSize(1);
    }

    @Test
    void rateLimitedRefusesOneRequestInTheIntegrationsNthCountedPerIntegration() throws SourceFailure {
        var everyThird = new SourceCredentials(Map.of("apiKey", "shared-key", "scenario", "rate-limited",
                "rateLimitEvery", "3"));
        var byDefault = new SourceCredentials(Map.of("apiKey", "shared-key", "scenario", "rate-limited"));
        String synced = syncedCheckpoint(IntegrationId.of(30), everyThird);

        // requests once synced: 1st refused, then one in three (4th, 7th, ...)
        assertThat(refusals(IntegrationId.of(30), everyThird, synced, 7))
                .containsExactly(true, false, false, true, false, false, true);
        // another integration with the same API key keeps its own count and the default N = 2
        assertThat(refusals(IntegrationId.of(31), byDefault, synced, 5)).containsExactly(true, false, true, false, true);
        var always = new SourceCredentials(Map.of("apiKey", "shared-key", "scenario", "rate-limited", "rateLimitEvery", "1"));
        assertThat(refusals(IntegrationId.of(32), always, synced, 3)).containsExactly(true, true, true);

        assertThat(connector.testConnection(everyThird))
                .isEqualTo("Connected to the Demo platform (scenario: rate-limited); once synced, one request in 3 is "
                        + "refused, the first one included");
        for (String wrong : List.of("0", "three", "1001", "-2")) {
            var bad = new SourceCredentials(Map.of("apiKey", "k", "scenario", "rate-limited", "rateLimitEvery", wrong));
            assertThatThrownBy(() -> connector.testConnection(bad)).isInstanceOfSatisfying(SourceFailure.class, f -> {
                assertThat(f.category()).isEqualTo(FailureCategory.INVALID_DATA);
                assertThat(f.getMessage()).isEqualTo("'Rate limit every Nth request' must be a whole number from 1 to "
                        + "1000 (it is '" + wrong + "')");
            });
        }
        assertThat(connector.descriptor().credentialFields()).filteredOn(f -> f.key().equals("rateLimitEvery"))
                .singleElement().satisfies(f -> {
                    assertThat(f.required()).isFalse();
                    assertThat(f.secret()).isFalse();
                });
    }

    private List<Boolean> refusals(IntegrationId integration, SourceCredentials credentials, String synced, int requests) {
        List<Boolean> refused = new java.util.ArrayList<>();
        for (int i = 0; i < requests; i++) {
            try {
                connector.fetchChanges(new SourceRequest(integration, credentials, synced, NOW.minus(Duration.ofDays(1)), 20));
                refused.add(false);
            } catch (SourceFailure f) {
                assertThat(f.category()).isEqualTo(FailureCategory.RATE_LIMITED);
                refused.add(true);
            }
        }
        return refused;
    }

    private String syncedCheckpoint(IntegrationId integration, SourceCredentials credentials) throws SourceFailure {
        String checkpoint = null;
        SourcePage p;
        do {
            p = connector.fetchChanges(new SourceRequest(integration, credentials, checkpoint, NOW.minus(Duration.ofDays(1)), 20));
            checkpoint = p.nextCheckpoint();
        } while (!p.endOfStream());
        assertThat(checkpoint).endsWith(":synced");
        return checkpoint;
    }

    /** Reads the source to its end, as a first import does, and returns the synced checkpoint. */
    private String synced(String scenario) throws SourceFailure {
        String checkpoint = null;
        SourcePage p;
        do {
            p = page(scenario, checkpoint);
            checkpoint = p.nextCheckpoint();
        } while (!p.endOfStream());
        assertThat(checkpoint).endsWith(":synced");
        return checkpoint;
    }

    private FailureCategory category(String scenario) {
        try {
            page(scenario, synced(scenario));
            throw new AssertionError("no failure");
        } catch (SourceFailure failure) {
            return failure.category();
        }
    }
}
