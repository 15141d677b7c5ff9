-- Sign-in throttling (issue 16, decision 0003): Bucket4j budgets shared by every instance, the
-- recent sign-ins an account admin sees, and the moment an admin signed all of a user's
-- sessions out. The racy per-user counter (failed_attempts, locked_until) goes.
CREATE TABLE sign_in_budget (
    id         VARCHAR(80)     NOT NULL PRIMARY KEY,
    state      VARBINARY(1024) NOT NULL,
    updated_at DATETIME(6)     NOT NULL
);

CREATE TABLE sign_in_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id  BIGINT      NULL,
    user_id     BIGINT      NULL,
    login       VARCHAR(254) NOT NULL,
    ip          VARCHAR(45) NOT NULL,
    result      VARCHAR(20) NOT NULL,
    occurred_at DATETIME(6) NOT NULL
);
CREATE INDEX ix_sign_in_event_account ON sign_in_event (account_id, occurred_at);
CREATE INDEX ix_sign_in_event_time ON sign_in_event (occurred_at);

ALTER TABLE app_user ADD COLUMN sessions_revoked_at DATETIME(6) NULL;
ALTER TABLE app_user DROP COLUMN failed_attempts;
ALTER TABLE app_user DROP COLUMN locked_until;
