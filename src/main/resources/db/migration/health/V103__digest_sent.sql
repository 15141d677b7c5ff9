-- One row per weekly digest slot (the cron time it was scheduled for) and account, inserted in the
-- transaction that mails and posts that account's digest: the primary key lets only one instance
-- send it, however many instances run the schedule (decision 0007).
CREATE TABLE health_digest_sent (
    slot_at TIMESTAMP(6) NOT NULL,
    account_id BIGINT NOT NULL,
    sent_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (slot_at, account_id)
);
