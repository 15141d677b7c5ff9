-- Imports: the projection of integrations this module runs, runs and their logs, checkpoints,
-- imported contacts, per-day counts, and db-scheduler's table.

CREATE TABLE import_integration (
    id BIGINT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    name VARCHAR(200) NOT NULL,
    platform VARCHAR(50) NOT NULL,
    schedule VARCHAR(30) NOT NULL,
    filters TEXT NOT NULL,
    lifecycle VARCHAR(20) NOT NULL,
    next_run_at DATETIME(6) NULL,
    claimed_by VARCHAR(100) NULL,
    claim_expires_at DATETIME(6) NULL,
    updated_at DATETIME(6) NOT NULL
);
CREATE INDEX ix_import_integration_account ON import_integration(account_id);
CREATE INDEX ix_import_integration_due ON import_integration(lifecycle, next_run_at);

CREATE TABLE import_checkpoint (
    integration_id BIGINT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    checkpoint_value VARCHAR(500) NULL,
    updated_at DATETIME(6) NOT NULL
);

CREATE TABLE import_run (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    integration_id BIGINT NOT NULL,
    run_trigger VARCHAR(30) NOT NULL,
    actor VARCHAR(200) NOT NULL,
    state VARCHAR(20) NOT NULL,
    outcome VARCHAR(30) NULL,
    failure_category VARCHAR(30) NULL,
    message TEXT NULL,
    fetched BIGINT NOT NULL DEFAULT 0,
    imported BIGINT NOT NULL DEFAULT 0,
    updated BIGINT NOT NULL DEFAULT 0,
    skipped_by_filter BIGINT NOT NULL DEFAULT 0,
    skipped_duplicate BIGINT NOT NULL DEFAULT 0,
    skipped_malformed BIGINT NOT NULL DEFAULT 0,
    progress DOUBLE NOT NULL DEFAULT 0,
    backfill_from DATETIME(6) NULL,
    first_run BOOLEAN NOT NULL DEFAULT FALSE,
    started_at DATETIME(6) NOT NULL,
    finished_at DATETIME(6) NULL,
    last_record_saved_at DATETIME(6) NULL
);
CREATE INDEX ix_import_run_integration ON import_run(account_id, integration_id, started_at);

CREATE TABLE import_run_log (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    logged_at DATETIME(6) NOT NULL,
    level VARCHAR(10) NOT NULL,
    message TEXT NOT NULL
);
CREATE INDEX ix_import_run_log_run ON import_run_log(run_id);

CREATE TABLE import_contact (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    integration_id BIGINT NOT NULL,
    source_reference VARCHAR(191) NOT NULL,
    channel VARCHAR(100) NULL,
    agent VARCHAR(200) NULL,
    status VARCHAR(100) NULL,
    subject VARCHAR(500) NULL,
    tags VARCHAR(1000) NULL,
    custom_fields TEXT NULL,
    source_created_at DATETIME(6) NOT NULL,
    source_updated_at DATETIME(6) NOT NULL,
    first_imported_at DATETIME(6) NOT NULL,
    last_refreshed_at DATETIME(6) NULL,
    CONSTRAINT uq_import_contact_reference UNIQUE (integration_id, source_reference)
);
CREATE INDEX ix_import_contact_account_reference ON import_contact(account_id, source_reference);
CREATE INDEX ix_import_contact_account_imported ON import_contact(account_id, first_imported_at);

CREATE TABLE import_daily_count (
    integration_id BIGINT NOT NULL,
    count_day DATE NOT NULL,
    account_id BIGINT NOT NULL,
    imported BIGINT NOT NULL,
    updated BIGINT NOT NULL,
    PRIMARY KEY (integration_id, count_day)
);

-- db-scheduler's table (its MySQL schema, indexes as separate statements).
CREATE TABLE scheduled_tasks (
    task_name VARCHAR(100) NOT NULL,
    task_instance VARCHAR(100) NOT NULL,
    task_data BLOB,
    execution_time TIMESTAMP(6) NOT NULL,
    picked BOOLEAN NOT NULL,
    picked_by VARCHAR(50),
    last_success TIMESTAMP(6) NULL,
    last_failure TIMESTAMP(6) NULL,
    consecutive_failures INT,
    last_heartbeat TIMESTAMP(6) NULL,
    version BIGINT NOT NULL,
    priority SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks(execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks(last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks(priority, execution_time);
