-- Agent Connect: company settings, API keys and the request log of the API Status page.
CREATE TABLE ac_channel (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT      NOT NULL,
    name       VARCHAR(40) NOT NULL,
    enabled    BOOLEAN     NOT NULL,
    mode       VARCHAR(16) NOT NULL,
    CONSTRAINT uk_ac_channel UNIQUE (account_id, name)
);

CREATE TABLE ac_brand (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT       NOT NULL,
    label      VARCHAR(120) NOT NULL,
    label_key  VARCHAR(120) NOT NULL,
    active     BOOLEAN      NOT NULL,
    CONSTRAINT uk_ac_brand UNIQUE (account_id, label_key)
);

CREATE TABLE ac_language (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT      NOT NULL,
    code       VARCHAR(35) NOT NULL,
    code_key   VARCHAR(35) NOT NULL,
    active     BOOLEAN     NOT NULL,
    CONSTRAINT uk_ac_language UNIQUE (account_id, code_key)
);

CREATE TABLE ac_employee (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id       BIGINT       NOT NULL,
    email            VARCHAR(254) NOT NULL,
    name             VARCHAR(200) NOT NULL,
    profile_complete BOOLEAN      NOT NULL,
    profile_approved BOOLEAN      NOT NULL,
    active           BOOLEAN      NOT NULL,
    CONSTRAINT uk_ac_employee UNIQUE (account_id, email)
);

CREATE TABLE ac_api_key (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT      NOT NULL,
    name       VARCHAR(80) NOT NULL,
    kind       VARCHAR(16) NOT NULL,
    key_prefix VARCHAR(20) NOT NULL,
    key_hash   CHAR(64)    NOT NULL,
    created_at DATETIME(6) NOT NULL,
    revoked_at DATETIME(6) NULL,
    CONSTRAINT uk_ac_api_key_hash UNIQUE (key_hash)
);
CREATE INDEX ix_ac_api_key_account ON ac_api_key (account_id);

-- One row per logged request (test-key requests and failed requests); in_test / in_invalid say which tab.
CREATE TABLE ac_request_log (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_id      VARCHAR(40)  NOT NULL,
    account_id      BIGINT       NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    key_id          BIGINT       NOT NULL,
    key_name        VARCHAR(80)  NOT NULL,
    key_kind        VARCHAR(16)  NOT NULL,
    in_test         BOOLEAN      NOT NULL,
    in_invalid      BOOLEAN      NOT NULL,
    response_status INT          NOT NULL,
    primary_error   VARCHAR(40)  NULL,
    error_count     INT          NOT NULL,
    errors          TEXT         NULL,
    employee_email  VARCHAR(254) NULL,
    customer_name   VARCHAR(200) NULL,
    customer_email  VARCHAR(254) NULL,
    channel         VARCHAR(40)  NULL,
    brand           VARCHAR(120) NULL,
    language        VARCHAR(35)  NULL,
    reference       VARCHAR(120) NULL,
    raw_body        TEXT         NULL,
    CONSTRAINT uk_ac_request_log_request UNIQUE (request_id)
);
CREATE INDEX ix_ac_request_log_invalid ON ac_request_log (account_id, in_invalid, created_at DESC, id DESC);
CREATE INDEX ix_ac_request_log_test ON ac_request_log (account_id, in_test, created_at DESC, id DESC);
CREATE INDEX ix_ac_request_log_created ON ac_request_log (created_at);

-- Every error of a logged request, for the error-type filter and the summary strip.
CREATE TABLE ac_request_error (
    log_id     BIGINT      NOT NULL,
    account_id BIGINT      NOT NULL,
    code       VARCHAR(40) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    in_test    BOOLEAN     NOT NULL,
    PRIMARY KEY (log_id, code)
);
CREATE INDEX ix_ac_request_error_code ON ac_request_error (account_id, code, created_at DESC, log_id DESC);
