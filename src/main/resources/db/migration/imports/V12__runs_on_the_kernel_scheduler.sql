-- Decision 0012: one integration is run at a time by db-scheduler (one execution per integration,
-- revived when its instance's heartbeat stops), not by a claim of our own: the claim columns go.
-- A run interrupted by a shutdown is kept in state INTERRUPTED and resumed by the next execution;
-- executions counts how many executions worked on a run (more than one: it was resumed).
ALTER TABLE import_integration DROP COLUMN claimed_by;
ALTER TABLE import_integration DROP COLUMN claim_expires_at;
ALTER TABLE import_run ADD COLUMN executions INT NOT NULL DEFAULT 0;
CREATE INDEX ix_import_run_unfinished ON import_run(integration_id, state);
