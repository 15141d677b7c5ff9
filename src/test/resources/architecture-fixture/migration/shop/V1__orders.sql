-- The architecture tests' fixture (TableRules): the shop module's table.
CREATE TABLE shop_order (
    id BIGINT PRIMARY KEY,
    total_cents BIGINT NOT NULL
);
