-- Issue 18: one name per account among the integrations that are not deleted (see the MySQL/MariaDB version):
-- a generated column, NULL for deleted integrations, under a unique index.
ALTER TABLE integration
    ADD COLUMN live_name VARCHAR(100) GENERATED ALWAYS AS (CASE WHEN lifecycle = 'DELETED' THEN NULL ELSE LOWER(name) END);
CREATE UNIQUE INDEX ux_integration_live_name ON integration (account_id, live_name);
