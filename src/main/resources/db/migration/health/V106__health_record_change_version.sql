-- Live pages across instances (issue 18): every write of a record bumps change_version and stamps
-- changed_at (the database's clock), so an instance finds the records other instances changed by
-- reading the few rows of its watched accounts changed in the last seconds (index range).
ALTER TABLE health_record ADD COLUMN change_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE health_record ADD COLUMN changed_at TIMESTAMP(6) NULL;
CREATE INDEX ix_health_record_account_changed ON health_record(account_id, changed_at);
