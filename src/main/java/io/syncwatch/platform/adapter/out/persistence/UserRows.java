package io.syncwatch.platform.adapter.out.persistence;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface UserRows extends ListCrudRepository<UserRow, Long> {

    Optional<UserRow> findByEmail(String email);

    Optional<UserRow> findByIdAndAccountId(long id, long accountId);

    List<UserRow> findByAccountIdOrderByEmail(long accountId);
}
