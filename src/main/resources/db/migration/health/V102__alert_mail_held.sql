-- Alert mails held back by the hourly throttle, so that repeats are summarised rather than lost.
-- One row per integration and kind: how many were held, the first and last time, and when the
-- window of the last mail of that kind ends (due_at). The summary mail sent at due_at (or the next
-- alert of that kind after it) deletes the row in the transaction that sends it.
CREATE TABLE health_alert_mail_held (
    account_id BIGINT NOT NULL,
    integration_id BIGINT NOT NULL,
    kind VARCHAR(60) NOT NULL,
    about VARCHAR(400) NOT NULL,
    held_count INT NOT NULL,
    first_held_at TIMESTAMP(6) NOT NULL,
    last_held_at TIMESTAMP(6) NOT NULL,
    due_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (account_id, integration_id, kind)
);
CREATE INDEX ix_health_alert_mail_held_due ON health_alert_mail_held(due_at);
