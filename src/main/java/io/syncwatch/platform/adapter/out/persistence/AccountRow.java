package io.syncwatch.platform.adapter.out.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("account")
record AccountRow(@Id @Nullable Long id, String name, String flags, Instant createdAt) {
}
