-- Accounts (tenants), console users and account API keys.
CREATE TABLE account (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(120) NOT NULL,
    flags      VARCHAR(200) NOT NULL DEFAULT '',
    created_at DATETIME(6)  NOT NULL,
    CONSTRAINT uk_account_name UNIQUE (name)
);

CREATE TABLE app_user (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id      BIGINT       NOT NULL,
    email           VARCHAR(254) NOT NULL,
    display_name    VARCHAR(120) NOT NULL,
    password_hash   VARCHAR(100) NOT NULL,
    permissions     VARCHAR(200) NOT NULL DEFAULT '',
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts INT          NOT NULL DEFAULT 0,
    locked_until    DATETIME(6)  NULL,
    CONSTRAINT uk_app_user_email UNIQUE (email),
    CONSTRAINT fk_app_user_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_app_user_account ON app_user (account_id);

CREATE TABLE account_api_key (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id   BIGINT      NOT NULL,
    name         VARCHAR(80) NOT NULL,
    key_prefix   VARCHAR(16) NOT NULL,
    key_hash     CHAR(64)    NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    revoked_at   DATETIME(6) NULL,
    last_used_at DATETIME(6) NULL,
    CONSTRAINT uk_account_api_key_hash UNIQUE (key_hash),
    CONSTRAINT fk_account_api_key_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_account_api_key_account ON account_api_key (account_id);
