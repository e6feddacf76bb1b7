-- pg_index_column_has_property(index, column, property), which DBD::Pg's statistics_info
-- (DBIx::Class::Schema::Loader's unique-constraint reader) sends for ASC_OR_DESC and
-- pg_null_ordering: per column of a btree index, a hash index and a constraint's index.
CREATE TABLE pyp_ix (a int, b text, c int, d int UNIQUE);
CREATE INDEX pyp_ix_ab ON pyp_ix (a DESC, b NULLS FIRST) INCLUDE (c);
CREATE INDEX pyp_ix_low ON pyp_ix (lower(b) DESC NULLS LAST);
CREATE INDEX pyp_ix_h ON pyp_ix USING hash (b);
SELECT c.relname, k, p, pg_index_column_has_property(c.oid, k, p)
  FROM pg_class c, generate_series(0, 4) k,
       unnest(ARRAY['asc', 'desc', 'nulls_first', 'nulls_last', 'orderable', 'distance_orderable',
                    'returnable', 'search_array', 'search_nulls', 'clusterable', 'bogus', 'ASC']) p
 WHERE c.relname IN ('pyp_ix_ab', 'pyp_ix_low', 'pyp_ix_h', 'pyp_ix_d_key')
 ORDER BY 1, 2, 3;
SELECT pg_index_column_has_property('pyp_ix_ab'::regclass, 1, 'desc'),
       pg_index_column_has_property('pyp_ix'::regclass, 1, 'asc'),
       pg_index_column_has_property('pyp_ix_ab'::regclass, NULL, 'asc'),
       pg_index_column_has_property('pyp_ix_ab'::regclass, 1, NULL);
-- DBD::Pg's statistics_info, as it sends it
SELECT c.relname AS "INDEX_NAME", col.i AS "ORDINAL_POSITION", att.attname AS "COLUMN_NAME",
       CASE WHEN pg_catalog.pg_index_column_has_property(c.oid, col.i, 'asc') THEN 'A'
            WHEN pg_catalog.pg_index_column_has_property(c.oid, col.i, 'desc') THEN 'D'
       END AS "ASC_OR_DESC",
       pg_catalog.pg_get_indexdef(i.indexrelid, col.i, true) AS "pg_expression",
       col.i <= i.indnkeyatts AS "pg_is_key_column",
       CASE WHEN pg_catalog.pg_index_column_has_property(c.oid, col.i, 'nulls_first') THEN 'first'
            WHEN pg_catalog.pg_index_column_has_property(c.oid, col.i, 'nulls_last') THEN 'last'
       END AS "pg_null_ordering"
  FROM pg_catalog.pg_index i
  JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
  JOIN pg_catalog.pg_class d ON d.oid = i.indrelid
  JOIN pg_catalog.pg_am a ON a.oid = c.relam
  JOIN pg_catalog.pg_namespace n ON n.oid = d.relnamespace
  JOIN pg_catalog.generate_series(1, pg_catalog.current_setting('max_index_keys')::integer) col(i)
       ON col.i <= i.indnatts
  LEFT JOIN pg_catalog.pg_attribute att ON att.attrelid = d.oid AND att.attnum = i.indkey[col.i - 1]
 WHERE d.relname = 'pyp_ix' AND n.nspname = 'public'
 ORDER BY NOT i.indisunique, c.relname, col.i;
SELECT proname, pronargs, prorettype::regtype, proargtypes::text FROM pg_proc
 WHERE proname = 'pg_index_column_has_property';
SHOW max_index_keys;
SELECT current_setting('max_index_keys')::int;
-- one row (the session's settings list it now, pg_settings had its own row)
SELECT name, setting, context FROM pg_settings WHERE name = 'max_index_keys';
DROP TABLE pyp_ix;
