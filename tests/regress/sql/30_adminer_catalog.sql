-- Adminer 4.8.1's catalog queries (its pgsql driver), as it sends them. indexes() reads
-- pg_index without ORDER BY and shows the indexes in the order the rows come: a CREATE
-- TABLE's primary key index first (a serial or integer key, SQLite's rowid, too; one written
-- after a UNIQUE too), its other constraints' indexes in the order written, then those
-- CREATE INDEX made.
CREATE TABLE adm_cust (id serial PRIMARY KEY, name text NOT NULL, email varchar(120) UNIQUE);
CREATE TABLE adm_ord (id bigserial PRIMARY KEY, cust int4 NOT NULL REFERENCES adm_cust (id),
  code text UNIQUE, note text);
CREATE INDEX adm_ord_cust ON adm_ord (cust);
CREATE TABLE adm_late (code text UNIQUE, id integer PRIMARY KEY, tag text, UNIQUE (tag, code));
CREATE TABLE adm_pair (a int, b int, c text UNIQUE, PRIMARY KEY (a, b));
CREATE UNIQUE INDEX adm_late_lower ON adm_late (lower(tag));
SELECT relname, indisunique::int, indisprimary::int, indkey, indoption,
       (indpred IS NOT NULL)::int as indispartial
  FROM pg_index i, pg_class ci
 WHERE i.indrelid = (SELECT oid FROM pg_class WHERE relnamespace = (SELECT oid FROM pg_namespace
       WHERE nspname = current_schema()) AND relname = 'adm_cust') AND ci.oid = i.indexrelid;
SELECT relname, indisunique::int, indisprimary::int, indkey, indoption,
       (indpred IS NOT NULL)::int as indispartial
  FROM pg_index i, pg_class ci
 WHERE i.indrelid = 'adm_ord'::regclass AND ci.oid = i.indexrelid;
SELECT relname, indisunique::int, indisprimary::int, indkey, indoption,
       (indpred IS NOT NULL)::int as indispartial
  FROM pg_index i, pg_class ci
 WHERE i.indrelid = 'adm_late'::regclass AND ci.oid = i.indexrelid;
SELECT relname, indisunique::int, indisprimary::int, indkey
  FROM pg_index i, pg_class ci
 WHERE i.indrelid = 'adm_pair'::regclass AND ci.oid = i.indexrelid;
-- its structure page's columns and the table list
SELECT a.attname AS field, format_type(a.atttypid, a.atttypmod) AS full_type,
       pg_get_expr(d.adbin, d.adrelid) AS default, a.attnotnull::int,
       col_description(c.oid, a.attnum) AS comment, a.attidentity
  FROM pg_class c JOIN pg_namespace n ON c.relnamespace = n.oid
  JOIN pg_attribute a ON c.oid = a.attrelid
  LEFT JOIN pg_attrdef d ON c.oid = d.adrelid AND a.attnum = d.adnum
 WHERE c.relname = 'adm_ord' AND n.nspname = current_schema() AND NOT a.attisdropped
   AND a.attnum > 0
 ORDER BY a.attnum;
DROP TABLE adm_ord, adm_cust, adm_late, adm_pair;
