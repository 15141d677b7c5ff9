-- The Imported contacts & filters tab: the total for one integration (COUNT(*) ... WHERE
-- account_id = ? AND integration_id = ? [AND channel = ?]) and the channel list
-- (SELECT DISTINCT channel ... WHERE account_id = ? [AND integration_id = ?]) read only this
-- index (a range of one account's / one integration's entries) instead of the table's rows.
CREATE INDEX ix_import_contact_account_integration_channel ON import_contact(account_id, integration_id, channel);
