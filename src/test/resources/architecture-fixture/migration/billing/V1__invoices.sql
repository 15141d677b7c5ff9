-- The architecture tests' fixture (TableRules): the billing module's table.
CREATE TABLE IF NOT EXISTS billing_invoice (
    id BIGINT PRIMARY KEY,
    order_id BIGINT NOT NULL
);
