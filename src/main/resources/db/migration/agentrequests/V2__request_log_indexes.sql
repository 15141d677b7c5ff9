-- The summary strip of the API Status page counts a tab's invalid requests per error type for a
-- time range: one range of this index per error code, and in_test is read from the index too (the
-- Test Requests tab and the key-kind filter count only test or only production keys' requests).
-- The retention purge deletes per account through this index and the two tab indexes.
DROP INDEX ix_ac_request_error_code ON ac_request_error;
CREATE INDEX ix_ac_request_error_code ON ac_request_error (account_id, code, created_at DESC, log_id DESC, in_test);

-- Every logged row is in a tab (a test key's request, or a failed one), so the tab indexes reach
-- every row and the index on created_at alone (used only by the purge) is one index less to
-- update on every logged request.
ALTER TABLE ac_request_log ADD CONSTRAINT ck_ac_request_log_in_a_tab CHECK (in_test OR in_invalid);
DROP INDEX ix_ac_request_log_created ON ac_request_log;
