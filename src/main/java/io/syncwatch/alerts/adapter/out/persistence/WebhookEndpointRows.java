package io.syncwatch.alerts.adapter.out.persistence;

import java.util.List;
import java.util.Optional;

import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

interface WebhookEndpointRows extends ListCrudRepository<WebhookEndpointRow, Long> {

    List<WebhookEndpointRow> findByAccountIdOrderByIdAsc(long accountId);

    Optional<WebhookEndpointRow> findByIdAndAccountId(long id, long accountId);

    /** The row locked for the caller's transaction ({@code SELECT … FOR UPDATE}), to be changed and saved whole. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<WebhookEndpointRow> findForUpdateByIdAndAccountId(long id, long accountId);
}
