package io.syncwatch.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

import io.syncwatch.imports.application.port.in.IntegrationProjection;
import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationCredentials;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationOperations;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.FailingDataSource;

/**
 * Test doubles of the integrations module, a scripted source, a movable clock and an event recorder.
 *
 * <p>No stereotype: the tests that need these doubles {@code @Import} it (its {@code @Bean} methods
 * are read as a lite configuration), and component scanning never picks it up.
 */
public class ImportsFixtures {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }

    @Bean
    @Primary
    FakeIntegrations fakeIntegrations(@org.springframework.context.annotation.Lazy IntegrationProjection projection) {
        // lazy: the projection's services need the integrations facade this double stands in for
        return new FakeIntegrations(projection);
    }

    /** The data source, made to refuse connections on demand (database outage tests). */
    @Bean
    static FailingDataSource failingDataSource() {
        return new FailingDataSource();
    }

    @Bean
    ScriptedConnector scriptedConnector() {
        return new ScriptedConnector();
    }

    @Bean
    RecordedEvents recordedEvents() {
        return new RecordedEvents();
    }

    /** A clock tests can move forward; starts at the real time. */
    public static class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        public void advance(java.time.Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Every ImportRun* event, across threads. */
    public static class RecordedEvents {
        private final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ImportRunStarted e) {
            events.add(e);
        }

        @EventListener
        void on(ImportRunRetrying e) {
            events.add(e);
        }

        @EventListener
        void on(ImportRunFinished e) {
            events.add(e);
        }

        public <T> List<T> of(Class<T> type, IntegrationId integration) {
            List<T> found = new ArrayList<>();
            for (Object e : events) {
                if (type.isInstance(e) && integrationOf(e).equals(integration)) {
                    found.add(type.cast(e));
                }
            }
            return found;
        }

        private static IntegrationId integrationOf(Object e) {
            return switch (e) {
                case ImportRunStarted s -> s.integrationId();
                case ImportRunRetrying r -> r.integrationId();
                case ImportRunFinished f -> f.integrationId();
                default -> throw new IllegalArgumentException();
            };
        }
    }

    /** Stands in for the integrations module: credentials and snapshots, fed straight into the projection. */
    public static class FakeIntegrations implements IntegrationCredentials, IntegrationOperations {
        private final IntegrationProjection projection;
        private final Map<IntegrationId, IntegrationSnapshot> snapshots = new ConcurrentHashMap<>();
        private final Map<IntegrationId, SourceCredentials> credentials = new ConcurrentHashMap<>();

        FakeIntegrations(IntegrationProjection projection) {
            this.projection = projection;
        }

        public IntegrationSnapshot connect(AccountId account, String platform, ImportFilters filters,
                Map<String, String> creds) {
            var id = IntegrationId.of(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L));
            var snapshot = new IntegrationSnapshot(id, account, platform + " " + id, platform, Environment.PRODUCTION,
                    Schedule.HOURLY, filters, Lifecycle.ACTIVE, null, null, Instant.now(), 1);
            credentials.put(id, new SourceCredentials(creds));
            update(snapshot);
            return snapshot;
        }

        /** Knows an integration connected through another application context (its credentials too). */
        public void know(IntegrationSnapshot snapshot, Map<String, String> creds) {
            snapshots.put(snapshot.id(), snapshot);
            credentials.put(snapshot.id(), new SourceCredentials(creds));
        }

        public void update(IntegrationSnapshot snapshot) {
            snapshots.put(snapshot.id(), snapshot);
            projection.apply(snapshot);
        }

        /** The integration changed, as the integrations module would store it: a version above the last one. */
        public IntegrationSnapshot with(IntegrationSnapshot s, Lifecycle lifecycle, ImportFilters filters) {
            long last = Optional.ofNullable(snapshots.get(s.id())).map(IntegrationSnapshot::version).orElse(s.version());
            var changed = new IntegrationSnapshot(s.id(), s.accountId(), s.name(), s.platform(), s.environment(),
                    s.schedule(), filters, lifecycle, null, null, s.connectedAt(), Math.max(last, s.version()) + 1);
            update(changed);
            return changed;
        }

        @Override
        public Optional<SourceCredentials> credentialsFor(IntegrationId integration) {
            return Optional.ofNullable(credentials.get(integration));
        }

        @Override
        public List<IntegrationSnapshot> integrations(AccountId account) {
            return snapshots.values().stream().filter(s -> s.accountId().equals(account)).toList();
        }

        @Override
        public Optional<IntegrationSnapshot> find(AccountId account, IntegrationId integration) {
            return Optional.ofNullable(snapshots.get(integration)).filter(s -> s.accountId().equals(account));
        }

        @Override
        public void pause(AccountId account, IntegrationId integration, String actor) {
            find(account, integration).ifPresent(s -> with(s, Lifecycle.PAUSED, s.filters()));
        }

        @Override
        public void resume(AccountId account, IntegrationId integration, String actor) {
            find(account, integration).ifPresent(s -> with(s, Lifecycle.ACTIVE, s.filters()));
        }

        @Override
        public void holdForInvalidCredentials(IntegrationId integration, String detail) {
        }

        @Override
        public void holdForQualityAssurance(IntegrationId integration, String detail) {
        }
    }
}
