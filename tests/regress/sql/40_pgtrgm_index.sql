-- pg_trgm's index classes gin_trgm_ops and gist_trgm_ops (siglen): a SQLite b-tree that the
-- catalog shows as PostgreSQL's GIN or GiST index (docs/sql-compat.md, "Index access
-- methods"); queries with %, LIKE, ILIKE and regular expressions on the column return the
-- same rows (a scan); DROP EXTENSION pg_trgm is 2BP01 while such an index exists.
CREATE TABLE t (id int PRIMARY KEY, name varchar(50), body text, c char(8));
INSERT INTO t VALUES (1, 'apple pie', 'An apple a day', 'apple'), (2, 'Apple Tart', 'tarte', 'tart'),
  (3, 'banana split', NULL, 'banana'), (4, 'pineapple', 'Ananas', 'pine'), (5, '', '', ''), (6, NULL, 'x', NULL);
CREATE INDEX t_bad ON t USING gin (name gin_trgm_ops);
CREATE INDEX t_bad2 ON t USING gist (name gist_trgm_ops);
CREATE EXTENSION pg_trgm;
CREATE INDEX t_gin ON t USING gin (name gin_trgm_ops);
CREATE INDEX t_gist ON t USING gist (body gist_trgm_ops);
CREATE INDEX t_gist32 ON t USING gist (name gist_trgm_ops(siglen=32));
CREATE INDEX t_lower ON t USING gin (lower(body) gin_trgm_ops);
CREATE INDEX ON t USING gin (body gin_trgm_ops, name gin_trgm_ops);
CREATE INDEX t_gist0 ON t USING gist (name gist_trgm_ops(siglen=0));
CREATE INDEX t_gistbig ON t USING gist (name gist_trgm_ops(siglen=2025));
CREATE INDEX t_c ON t USING gin (c gin_trgm_ops);
CREATE INDEX t_id ON t USING gin (id gin_trgm_ops);
CREATE INDEX t_wrongam ON t USING gist (name gin_trgm_ops);
CREATE UNIQUE INDEX t_u ON t USING gin (name gin_trgm_ops);
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 't' ORDER BY indexname;
SELECT pg_get_indexdef('t_gist32'::regclass), pg_get_indexdef('t_lower'::regclass);
SELECT c.relname, am.amname FROM pg_class c JOIN pg_am am ON am.oid = c.relam
  WHERE c.relname LIKE 't\_%' AND c.relkind = 'i' ORDER BY c.relname;
SELECT c.relname, i.indnatts, i.indisunique FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
  WHERE i.indrelid = 't'::regclass ORDER BY c.relname;
SELECT id FROM t WHERE name LIKE '%apple%' ORDER BY id;
SELECT id FROM t WHERE name ILIKE '%APPLE%' ORDER BY id;
SELECT id FROM t WHERE name % 'apple' ORDER BY id;
SELECT id FROM t WHERE lower(body) LIKE '%an%' ORDER BY id;
SELECT id FROM t WHERE body % 'apple day' ORDER BY id;
SELECT id, name <-> 'aple' AS d FROM t ORDER BY name <-> 'aple', id LIMIT 3;
SELECT id, body <<-> 'ananas' FROM t ORDER BY 2, id;
-- detail
DROP EXTENSION pg_trgm;
DROP INDEX t_gin, t_gist, t_lower, t_body_name_idx;
-- detail
DROP EXTENSION pg_trgm;
DROP INDEX t_gist32;
DROP EXTENSION pg_trgm;
SELECT indexname FROM pg_indexes WHERE tablename = 't' ORDER BY indexname;
CREATE INDEX t_gin ON t USING gin (name gin_trgm_ops);
