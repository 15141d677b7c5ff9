package io.syncwatch.platform.adapter.out.persistence;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface ApiKeyRows extends ListCrudRepository<ApiKeyRow, Long> {

    Optional<ApiKeyRow> findByKeyHash(String keyHash);

    Optional<ApiKeyRow> findByIdAndAccountId(long id, long accountId);

    List<ApiKeyRow> findByAccountIdOrderByCreatedAtDesc(long accountId);
}
