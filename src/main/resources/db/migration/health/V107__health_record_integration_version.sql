-- Issue 19, decision 0022: the version of the integration snapshot the health record projects; a snapshot is
-- applied only when it is newer (integration events can arrive out of order). 0 for the records written before:
-- the integration's next change (version 2 or more) applies.
ALTER TABLE health_record ADD COLUMN integration_version BIGINT NOT NULL DEFAULT 0;
