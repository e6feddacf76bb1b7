-- uuid-ossp's computed functions as column defaults (a migration's "id uuid DEFAULT
-- uuid_generate_v1mc()"): each row gets its own value, the named ones the same value.
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE TABLE mg_ud (id uuid PRIMARY KEY DEFAULT uuid_generate_v1(), id2 uuid NOT NULL DEFAULT uuid_generate_v1mc(), ns uuid DEFAULT uuid_generate_v5(uuid_ns_url(), 'http://x/'), ns3 uuid DEFAULT uuid_generate_v3(uuid_ns_dns(), 'example.com'), n int);
INSERT INTO mg_ud (n) VALUES (1), (2), (3);
SELECT count(DISTINCT id), count(DISTINCT id2), count(DISTINCT ns), min(ns::text), min(ns3::text) FROM mg_ud;
SELECT substr(id::text, 15, 1), substr(id2::text, 15, 1) FROM mg_ud ORDER BY n;
ALTER TABLE mg_ud ADD COLUMN later uuid DEFAULT uuid_generate_v5(uuid_ns_oid(), 'y');
SELECT DISTINCT later FROM mg_ud;
CREATE INDEX mg_ud_expr ON mg_ud ((uuid_generate_v5(uuid_ns_url(), n::text)));
SELECT count(*) FROM mg_ud WHERE uuid_generate_v5(uuid_ns_url(), n::text) = uuid_generate_v5(uuid_ns_url(), '2');
DROP TABLE mg_ud;
