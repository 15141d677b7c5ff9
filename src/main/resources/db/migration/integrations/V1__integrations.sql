CREATE TABLE integration (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id           BIGINT       NOT NULL,
    name                 VARCHAR(100) NOT NULL,
    platform             VARCHAR(50)  NOT NULL,
    environment          VARCHAR(20)  NOT NULL,
    schedule             VARCHAR(30)  NOT NULL,
    filters              TEXT         NOT NULL,
    filters_configured   BOOLEAN      NOT NULL,
    lifecycle            VARCHAR(20)  NOT NULL,
    pause_reason         VARCHAR(40),
    pause_detail         VARCHAR(500),
    credentials          TEXT         NOT NULL,
    connected_at         DATETIME(6)  NOT NULL,
    last_api_request_at  DATETIME(6)  NOT NULL
);
CREATE INDEX ix_integration_account ON integration (account_id, lifecycle);
CREATE INDEX ix_integration_environment ON integration (environment, lifecycle);

CREATE TABLE integration_audit (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id      BIGINT       NOT NULL,
    integration_id  BIGINT       NOT NULL,
    at              DATETIME(6)  NOT NULL,
    actor           VARCHAR(200) NOT NULL,
    action          VARCHAR(100) NOT NULL,
    detail          VARCHAR(2000) NOT NULL
);
CREATE INDEX ix_integration_audit ON integration_audit (account_id, integration_id, at);
