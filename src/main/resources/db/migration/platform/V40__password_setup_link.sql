-- One-time links that let a user set their password (the first admin, issue 17.1): only the
-- SHA-256 of the link's secret is stored; valid until expires_at, single use (used_at).
CREATE TABLE password_setup_link (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id    BIGINT      NOT NULL,
    token_hash CHAR(64)    NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    CONSTRAINT uq_password_setup_link_hash UNIQUE (token_hash),
    CONSTRAINT fk_password_setup_link_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_password_setup_link_user ON password_setup_link (user_id);
