-- Health alerts (issue 8): webhook endpoints and their delivery outbox, alert routing and
-- mail throttling, admin notices, and the digest's own projections fed by events.
CREATE TABLE health_webhook_endpoint (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    url VARCHAR(2000) NOT NULL,
    description VARCHAR(300) NOT NULL,
    event_types VARCHAR(300) NOT NULL,
    enabled BOOLEAN NOT NULL,
    secret_cipher VARCHAR(500) NOT NULL,
    failing_since TIMESTAMP(6) NULL,
    disabled_reason VARCHAR(300) NULL,
    created_at TIMESTAMP(6) NOT NULL
);
CREATE INDEX ix_health_webhook_endpoint_account ON health_webhook_endpoint(account_id);

CREATE TABLE health_webhook_delivery (
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
    created_at TIMESTAMP(6) NOT NULL
);
CREATE INDEX ix_health_webhook_delivery_due ON health_webhook_delivery(status, next_attempt_at);
CREATE INDEX ix_health_webhook_delivery_endpoint ON health_webhook_delivery(endpoint_id, created_at);

CREATE TABLE health_alert_owner (
    account_id BIGINT NOT NULL,
    integration_id BIGINT NOT NULL,
    recipients VARCHAR(1000) NOT NULL,
    PRIMARY KEY (account_id, integration_id)
);

CREATE TABLE health_alert_mail_log (
    account_id BIGINT NOT NULL,
    integration_id BIGINT NOT NULL,
    kind VARCHAR(60) NOT NULL,
    last_sent_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (account_id, integration_id, kind)
);

CREATE TABLE health_alert_notice (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    message VARCHAR(1000) NOT NULL,
    created_at TIMESTAMP(6) NOT NULL
);
CREATE INDEX ix_health_alert_notice_account ON health_alert_notice(account_id, created_at);

CREATE TABLE health_digest_integration (
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

CREATE TABLE health_digest_daily (
    account_id BIGINT NOT NULL,
    integration_id BIGINT NOT NULL,
    import_day DATE NOT NULL,
    imported BIGINT NOT NULL,
    PRIMARY KEY (account_id, integration_id, import_day)
);
