-- The request log's errors are stored once (issue 19, decision 0021): each error of a logged request
-- is a row of ac_request_error, which now keeps its field and message beside its code, and the
-- tab-separated copy in ac_request_log.errors ("CODE<tab>field<tab>message<newline>" per error, tabs
-- and newlines of the texts replaced by spaces, cut at 8,000 bytes) is dropped.
-- Runs on MySQL 8, MariaDB and H2 (MySQL mode) alike; on MySQL/MariaDB both tables are partitioned
-- by day (vendor migration V11), which ADD/DROP COLUMN keep.
ALTER TABLE ac_request_error ADD COLUMN field VARCHAR(40) NOT NULL DEFAULT '';
-- TEXT: a message of the old column may be up to 8,000 bytes (new ones are cut at 1,000 characters)
ALTER TABLE ac_request_error ADD COLUMN message TEXT NULL;

-- 1. Each error row takes its own line of the old column (its "field<tab>message"), found as
--    "<newline>CODE<tab>" in "<newline>" + errors + "<newline>" (a request has each code once), up to
--    the next newline; the log row is found in its own day partition (id and created_at).
UPDATE ac_request_error SET message = (
    SELECT SUBSTRING(CONCAT(CHAR(10), l.errors, CHAR(10)),
               LOCATE(CONCAT(CHAR(10), ac_request_error.code, CHAR(9)), CONCAT(CHAR(10), l.errors, CHAR(10)))
                   + CHAR_LENGTH(ac_request_error.code) + 2,
               LOCATE(CHAR(10), CONCAT(CHAR(10), l.errors, CHAR(10)),
                   LOCATE(CONCAT(CHAR(10), ac_request_error.code, CHAR(9)), CONCAT(CHAR(10), l.errors, CHAR(10)))
                       + CHAR_LENGTH(ac_request_error.code) + 2)
               - (LOCATE(CONCAT(CHAR(10), ac_request_error.code, CHAR(9)), CONCAT(CHAR(10), l.errors, CHAR(10)))
                   + CHAR_LENGTH(ac_request_error.code) + 2))
    FROM ac_request_log l
    WHERE l.id = ac_request_error.log_id AND l.created_at = ac_request_error.created_at
      AND LOCATE(CONCAT(CHAR(10), ac_request_error.code, CHAR(9)), CONCAT(CHAR(10), l.errors, CHAR(10))) > 0);

-- 2. Split the line at its first tab (a field never holds one): the field before it, the message after.
UPDATE ac_request_error SET field = SUBSTRING(message, 1, LEAST(LOCATE(CHAR(9), message) - 1, 40))
WHERE message IS NOT NULL AND LOCATE(CHAR(9), message) > 0;
UPDATE ac_request_error SET message = SUBSTRING(message, LOCATE(CHAR(9), message) + 1)
WHERE message IS NOT NULL AND LOCATE(CHAR(9), message) > 0;

ALTER TABLE ac_request_log DROP COLUMN errors;
