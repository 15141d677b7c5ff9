package io.syncwatch.integrations.adapter.out.persistence;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface IntegrationAuditRows extends ListCrudRepository<IntegrationAuditRow, Long> {

    List<IntegrationAuditRow> findByAccountIdAndIntegrationIdOrderByAtDescIdDesc(long accountId, long integrationId);
}
