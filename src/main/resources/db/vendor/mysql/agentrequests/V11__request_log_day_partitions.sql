-- MySQL and MariaDB only (H2 keeps unpartitioned tables and the purge's DELETE): the request log's
-- two tables are range-partitioned by day on created_at (issue 20), so retention drops whole days
-- (ALTER TABLE ... DROP PARTITION) instead of deleting millions of rows beside the writer.
-- Every unique key of a partitioned table must hold the partitioning column: the primary keys and
-- the request id's unique key get created_at (a request id stays unique in practice: it begins with
-- its time in milliseconds and ends with 80 random bits). No foreign key refers to these tables.
ALTER TABLE ac_request_log DROP PRIMARY KEY, ADD PRIMARY KEY (id, created_at);
ALTER TABLE ac_request_log DROP INDEX uk_ac_request_log_request, ADD CONSTRAINT uk_ac_request_log_request UNIQUE (request_id, created_at);
ALTER TABLE ac_request_error DROP PRIMARY KEY, ADD PRIMARY KEY (log_id, code, created_at);

-- p_before holds the rows logged before today (UTC), pmax everything later; the app splits pmax
-- into one partition per day ahead of time (RequestLogPartitions, at start and with each purge),
-- and the purge drops the partitions older than the retention.
SET @sw_parts = CONCAT('PARTITION BY RANGE COLUMNS(created_at) (PARTITION p_before VALUES LESS THAN (''',
    DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d 00:00:00'), '''), PARTITION pmax VALUES LESS THAN (MAXVALUE))');
SET @sw_sql = CONCAT('ALTER TABLE ac_request_log ', @sw_parts);
PREPARE sw_stmt FROM @sw_sql;
EXECUTE sw_stmt;
DEALLOCATE PREPARE sw_stmt;
SET @sw_sql = CONCAT('ALTER TABLE ac_request_error ', @sw_parts);
PREPARE sw_stmt FROM @sw_sql;
EXECUTE sw_stmt;
DEALLOCATE PREPARE sw_stmt;
