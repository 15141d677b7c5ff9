-- One row per integration, updated in place from events (never rebuilt from the run history).
CREATE TABLE health_record (
    integration_id BIGINT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    name VARCHAR(200) NOT NULL,
    platform VARCHAR(100) NOT NULL,
    schedule VARCHAR(40) NOT NULL,
    schedule_minutes INT NOT NULL,
    lifecycle VARCHAR(20) NOT NULL,
    pause_reason VARCHAR(40),
    pause_detail VARCHAR(1000),
    connected_at TIMESTAMP(6) NOT NULL,
    run_state VARCHAR(40) NOT NULL,
    detailed_state VARCHAR(40) NOT NULL,
    -- attention order of the summary status: 0 Error, 1 Warning, 2 Paused, 3 Active
    summary_rank INT NOT NULL,
    deleted BOOLEAN NOT NULL,
    last_ran_at TIMESTAMP(6) NULL,
    last_data_imported_at TIMESTAMP(6) NULL,
    message TEXT,
    failure_category VARCHAR(40),
    recommended_action VARCHAR(500),
    running BOOLEAN NOT NULL,
    auth_failing_since TIMESTAMP(6) NULL,
    first_run_done BOOLEAN NOT NULL,
    next_run_at TIMESTAMP(6) NULL
);
CREATE INDEX ix_health_record_account_status ON health_record(account_id, deleted, summary_rank, name);
CREATE INDEX ix_health_record_account_name ON health_record(account_id, deleted, name);

-- Internal notifications for the engineering/support team (quality assurance, credentials invalid).
CREATE TABLE health_notification (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    integration_id BIGINT NOT NULL,
    integration_name VARCHAR(200) NOT NULL,
    kind VARCHAR(40) NOT NULL,
    message TEXT,
    created_at TIMESTAMP(6) NOT NULL
);
CREATE INDEX ix_health_notification_account ON health_notification(account_id, created_at);
