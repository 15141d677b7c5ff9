package io.syncwatch.integrations.adapter.out.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface IntegrationRows extends ListCrudRepository<IntegrationRow, Long> {

    Optional<IntegrationRow> findByIdAndAccountId(long id, long accountId);

    List<IntegrationRow> findByAccountIdOrderByNameAscIdAsc(long accountId);

    List<IntegrationRow> findByAccountIdAndLifecycleNotOrderByNameAscIdAsc(long accountId, String lifecycle);

    List<IntegrationRow> findByEnvironmentAndLifecycleIn(String environment, Collection<String> lifecycles);

    /** Moves the time of the last API request forward only (concurrent imports report out of order). */
    @Modifying
    @Query("UPDATE integration SET last_api_request_at = :at WHERE id = :id AND account_id = :account AND last_api_request_at < :at")
    int touchApiRequest(@Param("id") long id, @Param("account") long account, @Param("at") Instant at);
}
