-- Issue 18: one name per account among the integrations that are not deleted, guaranteed by the database, so that
-- two browsers connecting "Support EU" at the same moment cannot both succeed (the service's check runs before the
-- connection test and cannot see the other's uncommitted row). A unique index cannot have a WHERE on MySQL/MariaDB,
-- so it is on a generated column that is NULL for deleted integrations (NULLs never collide) and otherwise the
-- lower-cased name, compared byte by byte (utf8mb4_bin) like the service's equalsIgnoreCase: the table's
-- accent-insensitive collation would also refuse "Cafe" beside "Café".
ALTER TABLE integration
    ADD COLUMN live_name VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        GENERATED ALWAYS AS (CASE WHEN lifecycle = 'DELETED' THEN NULL ELSE LOWER(name) END) STORED;
CREATE UNIQUE INDEX ux_integration_live_name ON integration (account_id, live_name);
