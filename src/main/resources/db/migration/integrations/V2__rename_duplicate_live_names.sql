-- Issue 18: two integrations of one account never share a name (deleted ones aside), now guaranteed by the
-- database (V3, per vendor). Integrations that already share a name would make that index fail, so they are
-- renamed first, deterministically: within an account, the oldest integration (lowest id) of each name, compared
-- case-insensitively and ignoring deleted ones, keeps its name; every later one gets " (<its id>)" appended,
-- e.g. "Support EU" id 42 becomes "Support EU (42)" (cut to 80 characters first, so that it fits 100).
-- The derived table (DISTINCT keeps MySQL/MariaDB from merging it) lets MySQL update the table it reads.
UPDATE integration SET name = CONCAT(LEFT(name, 80), ' (', id, ')')
WHERE id IN (
    SELECT id FROM (
        SELECT DISTINCT later.id
        FROM integration later
        JOIN integration earlier
          ON earlier.account_id = later.account_id
         AND LOWER(earlier.name) = LOWER(later.name)
         AND earlier.id < later.id
        WHERE later.lifecycle <> 'DELETED' AND earlier.lifecycle <> 'DELETED'
    ) duplicates
);
