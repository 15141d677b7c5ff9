-- Alert owners are picked from the account's users (recipients: their sign-in e-mails);
-- shared mailboxes that are not users are kept apart, added explicitly (architecture/alerts.md).
ALTER TABLE health_alert_owner ADD COLUMN mailboxes VARCHAR(1000) NOT NULL DEFAULT '';
