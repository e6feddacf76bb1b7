-- Domains against PostgreSQL's own regression probes (docs/sql-compat.md "Domains"): a column
-- of a domain added to a table with rows takes its default cast to the domain, checked there
CREATE DOMAIN rd_code AS text CHECK (VALUE <> 'none') DEFAULT 'none';
CREATE DOMAIN rd_req AS text NOT NULL;
CREATE DOMAIN rd_short AS rd_code CHECK (length(VALUE) < 4);
CREATE TABLE rd_items (id int PRIMARY KEY, qty int);
ALTER TABLE rd_items ADD COLUMN early rd_code;
INSERT INTO rd_items (id, qty) VALUES (1, 5);
INSERT INTO rd_items (id, qty, early) VALUES (1, 5, 'abc');
ALTER TABLE rd_items ADD COLUMN code rd_code;
ALTER TABLE rd_items ADD COLUMN req rd_req;
ALTER TABLE rd_items ADD COLUMN req rd_req DEFAULT 'r';
ALTER TABLE rd_items ADD COLUMN code rd_code DEFAULT 'kept';
ALTER TABLE rd_items ADD COLUMN sh rd_short DEFAULT 'long';
ALTER TABLE rd_items ADD COLUMN sh rd_short DEFAULT 'none';
ALTER TABLE rd_items ADD COLUMN sh rd_short;
ALTER TABLE rd_items ADD COLUMN sh rd_short DEFAULT 'ok';
SELECT * FROM rd_items ORDER BY id;
-- a table's own CHECK its default fails on the rows there is a check violation
ALTER TABLE rd_items ADD COLUMN plain text CHECK (plain <> 'x') DEFAULT 'x';
DROP TABLE rd_items;
DROP DOMAIN rd_short;
DROP DOMAIN rd_code;
DROP DOMAIN rd_req;
