-- The summary strip of the API Status page counts a tab's invalid requests per error type for a
-- time range: one range of this index per error code, and in_test is read from the index too (the
-- Test Requests tab and the key-kind filter count only test or only production keys' requests).
DROP INDEX ix_ac_request_error_code ON ac_request_error;
CREATE INDEX ix_ac_request_error_code ON ac_request_error (account_id, code, created_at DESC, log_id DESC, in_test);
