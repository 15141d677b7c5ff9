-- Issue 19, decision 0022: the version of the integration snapshot the projection holds; a snapshot is applied
-- only when it is newer (integration events can arrive out of order). 0 for the rows projected before: the
-- integration's next change (version 2 or more) applies.
ALTER TABLE import_integration ADD COLUMN integration_version BIGINT NOT NULL DEFAULT 0;
