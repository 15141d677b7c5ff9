-- Pre-aggregated counts of the request log (issue 20): the API Status page's summary strip reads
-- these buckets instead of counting rows, so its cost grows with the number of buckets in the range,
-- not with the number of logged requests. The request log's group commit updates them in the
-- transaction that stores the rows, so they never disagree with the rows; the retention purge
-- deletes the buckets of the days it purges.
--   span:       'H' an hour's bucket, 'D' a day's (UTC); every request is counted in both
--   tab:        'INVALID' or 'TEST' (a failed test-key request is counted in both tabs)
--   key_kind:   'TEST' or 'PRODUCTION'
--   code:       '' for the tab's requests, otherwise an error code (every error of a request counts)
--   start_at:   the UTC start of the hour or day
CREATE TABLE ac_request_count (
    account_id BIGINT      NOT NULL,
    span       CHAR(1)     NOT NULL,
    tab        VARCHAR(8)  NOT NULL,
    key_kind   VARCHAR(16) NOT NULL,
    code       VARCHAR(40) NOT NULL,
    start_at   DATETIME    NOT NULL,
    requests   BIGINT      NOT NULL,
    PRIMARY KEY (account_id, span, tab, key_kind, code, start_at)
);
-- the retention purge deletes old buckets of every account by time
CREATE INDEX ix_ac_request_count_start ON ac_request_count (start_at);

-- Backfill from the rows already logged (MySQL 8, MariaDB and H2 in MySQL mode alike: an hour is
-- TIMESTAMPADD(HOUR, TIMESTAMPDIFF(HOUR, epoch, t), epoch) from an epoch on an hour boundary).
INSERT INTO ac_request_count (account_id, span, tab, key_kind, code, start_at, requests)
SELECT account_id, 'H', 'INVALID', key_kind, '', TIMESTAMPADD(HOUR, TIMESTAMPDIFF(HOUR, TIMESTAMP '2000-01-01 00:00:00', created_at), TIMESTAMP '2000-01-01 00:00:00'), COUNT(*)
FROM ac_request_log WHERE in_invalid = TRUE
GROUP BY account_id, key_kind, TIMESTAMPADD(HOUR, TIMESTAMPDIFF(HOUR, TIMESTAMP '2000-01-01 00:00:00', created_at), TIMESTAMP '2000-01-01 00:00:00');

INSERT INTO ac_request_count (account_id, span, tab, key_kind, code, start_at, requests)
SELECT account_id, 'H', 'TEST', key_kind, '', TIMESTAMPADD(HOUR, TIMESTAMPDIFF(HOUR, TIMESTAMP '2000-01-01 00:00:00', created_at), TIMESTAMP '2000-01-01 00:00:00'), COUNT(*)
FROM ac_request_log WHERE in_test = TRUE
GROUP BY account_id, key_kind, TIMESTAMPADD(HOUR, TIMESTAMPDIFF(HOUR, TIMESTAMP '2000-01-01 00:00:00', created_at), TIMESTAMP '2000-01-01 00:00:00');

-- every request with an error is on the Invalid tab; one with a test key is on the Test tab too (in_test)
INSERT INTO ac_request_count (account_id, span, tab, key_kind, code, start_at, requests)
SELECT account_id, 'H', 'INVALID', CASE WHEN in_test THEN 'TEST' ELSE 'PRODUCTION' END, code,
       TIMESTAMPADD(HOUR, TIMESTAMPDIFF(HOUR, TIMESTAMP '2000-01-01 00:00:00', created_at), TIMESTAMP '2000-01-01 00:00:00'), COUNT(*)
FROM ac_request_error
GROUP BY account_id, CASE WHEN in_test THEN 'TEST' ELSE 'PRODUCTION' END, code,
         TIMESTAMPADD(HOUR, TIMESTAMPDIFF(HOUR, TIMESTAMP '2000-01-01 00:00:00', created_at), TIMESTAMP '2000-01-01 00:00:00');

INSERT INTO ac_request_count (account_id, span, tab, key_kind, code, start_at, requests)
SELECT account_id, 'H', 'TEST', 'TEST', code,
       TIMESTAMPADD(HOUR, TIMESTAMPDIFF(HOUR, TIMESTAMP '2000-01-01 00:00:00', created_at), TIMESTAMP '2000-01-01 00:00:00'), COUNT(*)
FROM ac_request_error WHERE in_test = TRUE
GROUP BY account_id, code, TIMESTAMPADD(HOUR, TIMESTAMPDIFF(HOUR, TIMESTAMP '2000-01-01 00:00:00', created_at), TIMESTAMP '2000-01-01 00:00:00');

-- the day buckets are the sums of their hours
INSERT INTO ac_request_count (account_id, span, tab, key_kind, code, start_at, requests)
SELECT account_id, 'D', tab, key_kind, code, TIMESTAMPADD(DAY, TIMESTAMPDIFF(DAY, TIMESTAMP '2000-01-01 00:00:00', start_at), TIMESTAMP '2000-01-01 00:00:00'), SUM(requests)
FROM ac_request_count WHERE span = 'H'
GROUP BY account_id, tab, key_kind, code, TIMESTAMPADD(DAY, TIMESTAMPDIFF(DAY, TIMESTAMP '2000-01-01 00:00:00', start_at), TIMESTAMP '2000-01-01 00:00:00');
