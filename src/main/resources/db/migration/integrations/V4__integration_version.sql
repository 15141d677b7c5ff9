-- Issue 19, decision 0022: the integration aggregate's version (Spring Data JDBC @Version), increased by every
-- save and checked by it (optimistic locking), and carried by every integration event's snapshot, so that the
-- other modules' projections apply a snapshot only when it is newer than the one they hold. Existing rows start
-- at 1 (0 would mean "never stored" to Spring Data JDBC); the projections start at 0, so the next change of
-- every integration applies.
ALTER TABLE integration ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
