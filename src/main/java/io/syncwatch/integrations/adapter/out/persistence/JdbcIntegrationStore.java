package io.syncwatch.integrations.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.ImportFiltersJson;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.application.port.out.IntegrationStore;
import io.syncwatch.integrations.domain.AuditEntry;
import io.syncwatch.integrations.domain.Integration;
import io.syncwatch.platform.AccountId;

/**
 * Integrations as a Spring Data JDBC aggregate: an {@link Integration} is read and written whole
 * ({@link IntegrationRows}, table {@code integration}, filters as one JSON document through
 * {@link ImportFiltersJson}); its audit trail is appended to {@code integration_audit} on each save
 * ({@link IntegrationAuditRows}) and read apart, newest first. Each save increases the integration's
 * version ({@link IntegrationRow}); saving a copy that another save has overtaken fails with Spring's
 * {@code OptimisticLockingFailureException} and writes nothing.
 */
@Repository
class JdbcIntegrationStore implements IntegrationStore {

    private static final List<String> DEVELOPMENT_CANDIDATES = List.of(Lifecycle.ACTIVE.name(), Lifecycle.SETUP.name());

    private final IntegrationRows rows;
    private final IntegrationAuditRows audit;

    JdbcIntegrationStore(IntegrationRows rows, IntegrationAuditRows audit) {
        this.rows = rows;
        this.audit = audit;
    }

    @Override
    public Integration save(Integration integration) {
        IntegrationRow saved = rows.save(row(integration));
        integration.stored(IntegrationId.of(Objects.requireNonNull(saved.id())), saved.version());
        List<AuditEntry> entries = integration.drainAudit();
        if (!entries.isEmpty()) {
            audit.saveAll(entries.stream().map(e -> new IntegrationAuditRow(null, integration.accountId().value(),
                    integration.id().value(), e.at(), truncate(e.actor(), 200), truncate(e.action(), 100), truncate(e.detail(), 2000)))
                    .toList());
        }
        return integration;
    }

    @Override
    public Optional<Integration> find(AccountId account, IntegrationId id) {
        return rows.findByIdAndAccountId(id.value(), account.value()).map(JdbcIntegrationStore::integration);
    }

    @Override
    public Optional<Integration> findAnyAccount(IntegrationId id) {
        return rows.findById(id.value()).map(JdbcIntegrationStore::integration);
    }

    @Override
    public List<Integration> list(AccountId account, boolean includeDeleted) {
        List<IntegrationRow> found = includeDeleted ? rows.findByAccountIdOrderByNameAscIdAsc(account.value())
                : rows.findByAccountIdAndLifecycleNotOrderByNameAscIdAsc(account.value(), Lifecycle.DELETED.name());
        return found.stream().map(JdbcIntegrationStore::integration).toList();
    }

    @Override
    public List<Integration> developmentCandidates() {
        return rows.findByEnvironmentAndLifecycleIn(Environment.DEVELOPMENT.name(), DEVELOPMENT_CANDIDATES).stream()
                .map(JdbcIntegrationStore::integration).toList();
    }

    @Override
    public List<AuditEntry> auditTrail(AccountId account, IntegrationId id) {
        return audit.findByAccountIdAndIntegrationIdOrderByAtDescIdDesc(account.value(), id.value()).stream()
                .map(a -> new AuditEntry(a.at(), a.actor(), a.action(), a.detail())).toList();
    }

    @Override
    public void touchApiRequest(AccountId account, IntegrationId id, Instant at) {
        rows.touchApiRequest(id.value(), account.value(), at);
    }

    private static IntegrationRow row(Integration i) {
        return new IntegrationRow(i.id() == null ? null : i.id().value(), i.version(), i.accountId().value(), i.name(),
                i.platform(), i.environment().name(), i.schedule().name(), ImportFiltersJson.write(i.filters()), i.filtersConfigured(),
                i.lifecycle().name(), i.pauseReason() == null ? null : i.pauseReason().name(),
                i.pauseDetail() == null ? null : truncate(i.pauseDetail(), 500), i.encryptedCredentials(), i.connectedAt(),
                i.lastApiRequestAt());
    }

    private static Integration integration(IntegrationRow r) {
        return Integration.restore(IntegrationId.of(Objects.requireNonNull(r.id())), r.version(), new AccountId(r.accountId()),
                r.name(), r.platform(), Environment.valueOf(r.environment()), Schedule.valueOf(r.schedule()), ImportFiltersJson.read(r.filters()),
                r.filtersConfigured(), Lifecycle.valueOf(r.lifecycle()),
                r.pauseReason() == null ? null : PauseReason.valueOf(r.pauseReason()), r.pauseDetail(), r.credentials(),
                r.connectedAt(), r.lastApiRequestAt());
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
