-- The alerts module's tables (decision 0016): webhook endpoints and their delivery outbox, alert
-- routing (owners, shared mailboxes), mail throttling and held alerts, admin notices, and the
-- digest's own projections and send claims. Their names keep the health_ prefix they were created
-- with while alerts lived inside health.
--
-- On every database that already had them, and on a fresh one too, these tables were created by
-- health's historical migrations V100, V102, V103 and V104 (db/migration/health, frozen: an applied
-- migration is never edited or removed), which run first because alerts depends on health and
-- Spring Modulith migrates modules in dependency order. So every statement here is
-- CREATE TABLE IF NOT EXISTS, in the tables' current shape, with the indexes inline: it changes
-- nothing where they exist and creates them where only alerts is migrated (its module tests).
-- AlertsMigrationsTest checks that both ways give the same columns and indexes.
-- Later changes to these tables are new migrations in this folder (V2, ...).

CREATE TABLE IF NOT EXISTS health_webhook_endpoint (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    url VARCHAR(2000) NOT NULL,
    description VARCHAR(300) NOT NULL,
    event_types VARCHAR(300) NOT NULL,
    enabled BOOLEAN NOT NULL,
    secret_cipher VARCHAR(500) NOT NULL,
    failing_since TIMESTAMP(6) NULL,
    disabled_reason VARCHAR(300) NULL,
    created_at TIMESTAMP(6) NOT NULL,
    INDEX ix_health_webhook_endpoint_account (account_id)
);

CREATE TABLE IF NOT EXISTS health_webhook_delivery (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    endpoint_id BIGINT NOT NULL,
    event_id VARCHAR(64) NOT NULL,
    event_type VARCHAR(60) NOT NULL,
    payload TEXT NOT NULL,
    status VARCHAR(20) NOT NULL,
    attempts INT NOT NULL,
    first_attempt_at TIMESTAMP(6) NULL,
    next_attempt_at TIMESTAMP(6) NULL,
    last_attempt_at TIMESTAMP(6) NULL,
    response_code INT NULL,
    response_millis BIGINT NULL,
    last_error VARCHAR(500) NULL,
    created_at TIMESTAMP(6) NOT NULL,
    INDEX ix_health_webhook_delivery_due (status, next_attempt_at),
    INDEX ix_health_webhook_delivery_endpoint (endpoint_id, created_at)
);

CREATE TABLE IF NOT EXISTS health_alert_owner (
    account_id BIGINT NOT NULL,
    integration_id BIGINT NOT NULL,
    recipients VARCHAR(1000) NOT NULL,
    mailboxes VARCHAR(1000) NOT NULL DEFAULT '',
    PRIMARY KEY (account_id, integration_id)
);

CREATE TABLE IF NOT EXISTS health_alert_mail_log (
    account_id BIGINT NOT NULL,
    integration_id BIGINT NOT NULL,
    kind VARCHAR(60) NOT NULL,
    last_sent_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (account_id, integration_id, kind)
);

CREATE TABLE IF NOT EXISTS health_alert_mail_held (
    account_id BIGINT NOT NULL,
    integration_id BIGINT NOT NULL,
    kind VARCHAR(60) NOT NULL,
    about VARCHAR(400) NOT NULL,
    held_count INT NOT NULL,
    first_held_at TIMESTAMP(6) NOT NULL,
    last_held_at TIMESTAMP(6) NOT NULL,
    due_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (account_id, integration_id, kind),
    INDEX ix_health_alert_mail_held_due (due_at)
);

CREATE TABLE IF NOT EXISTS health_alert_notice (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    message VARCHAR(1000) NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    INDEX ix_health_alert_notice_account (account_id, created_at)
);

CREATE TABLE IF NOT EXISTS health_digest_integration (
    account_id BIGINT NOT NULL,
    integration_id BIGINT NOT NULL,
    name VARCHAR(200) NOT NULL,
    platform VARCHAR(100) NOT NULL,
    state VARCHAR(40) NOT NULL,
    message TEXT NULL,
    recommended_action TEXT NULL,
    state_changed_at TIMESTAMP(6) NULL,
    recovered_at TIMESTAMP(6) NULL,
    last_ran_at TIMESTAMP(6) NULL,
    last_data_at TIMESTAMP(6) NULL,
    next_run_at TIMESTAMP(6) NULL,
    PRIMARY KEY (account_id, integration_id)
);

CREATE TABLE IF NOT EXISTS health_digest_daily (
    account_id BIGINT NOT NULL,
    integration_id BIGINT NOT NULL,
    import_day DATE NOT NULL,
    imported BIGINT NOT NULL,
    PRIMARY KEY (account_id, integration_id, import_day)
);

CREATE TABLE IF NOT EXISTS health_digest_sent (
    slot_at TIMESTAMP(6) NOT NULL,
    account_id BIGINT NOT NULL,
    sent_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (slot_at, account_id)
);
