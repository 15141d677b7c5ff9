-- Counts first inserts of a record that met one already created by a concurrent listener. The
-- insert is an upsert that bumps it, so the writer learns (2 rows affected, not 1) that the record
-- existed and applies its change to it, holding an exclusive lock rather than a shared one.
ALTER TABLE health_record ADD COLUMN create_conflicts INT NOT NULL DEFAULT 0;
