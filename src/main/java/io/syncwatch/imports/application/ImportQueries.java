package io.syncwatch.imports.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.domain.ContactSearch;
import io.syncwatch.imports.domain.DailyImports;
import io.syncwatch.imports.application.port.in.ImportHistory;
import io.syncwatch.imports.domain.ImportedContact;
import io.syncwatch.imports.application.port.in.ImportedContacts;
import io.syncwatch.imports.application.port.in.IntegrationFilters;
import io.syncwatch.imports.domain.RunLogLine;
import io.syncwatch.imports.domain.RunSummary;
import io.syncwatch.imports.application.port.out.ContactStore;
import io.syncwatch.imports.application.port.out.ImportIntegrations;
import io.syncwatch.imports.application.port.out.ImportRuns;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.platform.AccountId;

/** Read side: import history, daily counts, imported contacts and each integration's filters. */
@Service
class ImportQueries implements ImportHistory, ImportedContacts {

    private final ImportRuns runs;
    private final ContactStore contacts;
    private final ImportIntegrations integrations;
    private final Clock clock;

    ImportQueries(ImportRuns runs, ContactStore contacts, ImportIntegrations integrations, Clock clock) {
        this.runs = runs;
        this.contacts = contacts;
        this.integrations = integrations;
        this.clock = clock;
    }

    @Override
    public List<RunSummary> runs(AccountId account, IntegrationId integration, int offset, int limit) {
        return runs.page(account, integration, offset, limit);
    }

    @Override
    public long countRuns(AccountId account, IntegrationId integration) {
        return runs.count(account, integration);
    }

    @Override
    public List<RunLogLine> logLines(AccountId account, ImportRunId run) {
        return runs.logLines(account, run);
    }

    @Override
    public List<DailyImports> dailyImports(AccountId account, IntegrationId integration, int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = today.minusDays(days - 1L);
        Map<LocalDate, DailyImports> stored = runs.daily(account, integration, from).stream()
                .collect(Collectors.toMap(DailyImports::day, Function.identity()));
        List<DailyImports> all = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            all.add(stored.getOrDefault(day, new DailyImports(day, 0, 0)));
        }
        return all;
    }

    @Override
    public List<ImportedContact> search(AccountId account, ContactSearch search, int offset, int limit) {
        return contacts.search(account, search, offset, limit);
    }

    @Override
    public long count(AccountId account, ContactSearch search) {
        return contacts.count(account, search);
    }

    @Override
    public Optional<ImportedContact> find(AccountId account, long contactId) {
        return contacts.find(account, contactId);
    }

    @Override
    public List<IntegrationFilters> integrations(AccountId account) {
        // deleted ones too: their imported contacts stay and are named by them (never "Integration 13")
        return integrations.ofAccount(account).stream()
                .map(i -> new IntegrationFilters(i.id(), i.name(), i.platform(), i.lifecycle(), i.filters())).toList();
    }

    @Override
    public List<String> channels(AccountId account, @org.jspecify.annotations.Nullable IntegrationId integration) {
        return contacts.channels(account, integration);
    }
}
