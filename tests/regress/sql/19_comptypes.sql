-- Composite types (CREATE TYPE name AS (...)): the catalog's rows, values made by casts and
-- ROW(...), columns of a composite type (kept in record_out's text), (x).f and (x).*,
-- DROP TYPE with its dependency check, the ALTER TYPE forms.
CREATE TYPE ct_pair AS (a int, b text);
CREATE TYPE ct_pair AS (x int);
CREATE TYPE ct_dup AS (a int, a text);
CREATE TYPE ct_money AS (amount numeric(10,2), cur varchar(3), at timestamp, ok boolean);
CREATE TYPE "CtQuoted" AS ("Id" int8, label text);
CREATE TYPE ct_empty AS ();
-- the catalog: pg_type (typtype c, typrelid), pg_class (relkind c), pg_attribute
SELECT typname, typtype, typcategory, typlen, typinput, typoutput, typrelid <> 0 AS has_rel,
  typarray <> 0 AS has_array FROM pg_type WHERE typname IN ('ct_pair', 'ct_money', 'CtQuoted') ORDER BY typname;
SELECT relname, relkind, relnatts, reltype = (SELECT oid FROM pg_type WHERE typname = relname)
  FROM pg_class WHERE relname LIKE 'ct\_%' OR relname = 'CtQuoted' ORDER BY relname;
SELECT attname, atttypid::regtype, format_type(atttypid, atttypmod), attnum, attnotnull
  FROM pg_attribute WHERE attrelid = 'ct_money'::regclass ORDER BY attnum;
SELECT t.typname, a.attname FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid
  JOIN pg_attribute a ON a.attrelid = c.oid WHERE t.typname = 'ct_pair' AND a.attnum > 0 ORDER BY a.attnum;
SELECT 'ct_pair'::regtype, 'ct_pair'::regtype::oid = (SELECT oid FROM pg_type WHERE typname = 'ct_pair');
-- values: ROW(...)::t, (...)::t, 'text'::t (record_in: each field through its type's input)
SELECT ROW(1, 'x y')::ct_pair;
SELECT (2, 'z')::ct_pair;
SELECT '( 1 ,x)'::ct_pair, '(,)'::ct_pair, '(3,"")'::ct_pair, '(4,"a\"b")'::ct_pair;
SELECT '(1)'::ct_pair;
SELECT '(1,a,b)'::ct_pair;
SELECT '(x,a)'::ct_pair;
SELECT '1,a'::ct_pair;
SELECT ROW(1.5, 'EUR', '2024-01-02 03:04:05', true)::ct_money;
SELECT ROW(1.5, 'EURO', '2024-01-02 03:04:05', true)::ct_money;
SELECT '(1.555,usd,"2024-01-02",t)'::ct_money;
SELECT '(1,EURO,,t)'::ct_money;
SELECT ROW(7, 'q')::"CtQuoted";
SELECT ROW()::ct_empty;
SELECT NULL::ct_pair IS NULL AS n;
-- fields of a value
SELECT ('(1,"a,b")'::ct_pair).b, (ROW(2, 'z')::ct_pair).a;
SELECT (ROW(2, 'z')::ct_pair).*;
SELECT (ROW(2, 'z')::ct_pair).c;
-- columns of a composite type
CREATE TABLE ct_wallet (id serial PRIMARY KEY, m ct_money, p ct_pair);
INSERT INTO ct_wallet (m, p) VALUES (ROW(3, 'GBP', NULL, false), (1, '')), ('(,,,)', '(,)');
INSERT INTO ct_wallet (m, p) VALUES (NULL, '( 5 , "five" )');
INSERT INTO ct_wallet (p) VALUES ('(x,y)');
INSERT INTO ct_wallet (m) VALUES (ROW(1, 'EURO', NULL, true));
SELECT id, m, p, (m).amount, (m).cur, (m).ok, (p).b IS NULL AS bnull, m IS NULL AS mnull,
  p IS NOT NULL AS pnn FROM ct_wallet ORDER BY id;
SELECT id, (p).* FROM ct_wallet ORDER BY id;
UPDATE ct_wallet SET p = ROW(9, 'nine') WHERE id = 1;
UPDATE ct_wallet SET p = '(10,ten)' WHERE id = 2;
SELECT id, p FROM ct_wallet WHERE (p).a >= 9 ORDER BY id;
-- UPDATE ... SET col.field = value: one field replaced (a NULL row gains the others NULL)
UPDATE ct_wallet SET m.cur = 'USD' WHERE id = 1;
UPDATE ct_wallet SET m.amount = 2.345, id = id WHERE id IN (1, 3);
UPDATE ct_wallet SET m.ok = NULL WHERE id = 1;
UPDATE ct_wallet SET m.zz = 1;
UPDATE ct_wallet SET m.amount = 'x';
UPDATE ct_wallet SET m.cur = 'EURO';
SELECT id, m FROM ct_wallet ORDER BY id;
-- comparing and grouping composite values: = and <> (their texts, exact without numeric or
-- float attributes), DISTINCT; no min/max of a row type; < and ORDER BY field by field
SELECT id FROM ct_wallet WHERE p = ROW(9, 'nine')::ct_pair ORDER BY id;
SELECT id FROM ct_wallet WHERE p = '( 9 , nine)' ORDER BY id;
SELECT id FROM ct_wallet WHERE p <> ROW(9, 'nine')::ct_pair ORDER BY id;
SELECT count(DISTINCT p), count(p) FROM ct_wallet;
SELECT max(p) FROM ct_wallet;
SELECT id FROM ct_wallet WHERE p > ROW(5, 'x')::ct_pair ORDER BY id;
SELECT id FROM ct_wallet ORDER BY p;
SELECT id FROM ct_wallet WHERE m = m ORDER BY id;
SELECT p::text, length(p::text) FROM ct_wallet WHERE id = 1;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'ct_wallet'::regclass
  AND attnum > 0 ORDER BY attnum;
SELECT column_name, data_type, udt_schema = current_schema() AS own, udt_name FROM information_schema.columns
  WHERE table_name = 'ct_wallet' ORDER BY ordinal_position;
-- through the extended protocol: the result's text
-- extended
SELECT id, p FROM ct_wallet ORDER BY id;
-- a composite type is no relation
SELECT * FROM ct_pair;
-- a composite type as a function's input parameter (a record of its attributes in the body)
CREATE FUNCTION ct_norm(p ct_pair, k int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN (p.a * p.a + length(p.b)) * k; END $$;
CREATE FUNCTION ct_label(p ct_pair) RETURNS text LANGUAGE sql AS $$ SELECT p.b || '#' || p.a $$;
SELECT ct_norm(ROW(3, 'four')::ct_pair, 2), ct_norm('(1,xy)', 1), ct_norm((2, 'z'), 3), ct_norm(NULL, 1);
SELECT id, ct_label(p), ct_norm(p, 1) FROM ct_wallet ORDER BY id;
SELECT pg_get_function_arguments(oid), proargtypes[0] = 'ct_pair'::regtype::oid FROM pg_proc WHERE proname = 'ct_norm';
-- a PL/pgSQL variable of a composite type, and OUT parameters of one
DO $$ DECLARE v ct_pair; BEGIN v.a := 1; v.b := 'x'; IF v.b <> 'x' THEN RAISE EXCEPTION 'no'; END IF; END $$;
CREATE FUNCTION ct_out(OUT r ct_pair, OUT n int) LANGUAGE plpgsql AS $$ BEGIN r.a := 3; r.b := 'q r'; n := 1; END $$;
SELECT * FROM ct_out();
SELECT (r).b, n FROM ct_out();
DROP FUNCTION ct_out();
-- DROP TYPE: refused while a function or a column uses it
DROP TYPE ct_pair;
DROP FUNCTION ct_norm(ct_pair, int);
DROP FUNCTION ct_label;
-- DROP TYPE: refused while a column uses it, IF EXISTS, several at once (all or none)
DROP TYPE ct_pair;
DROP TYPE ct_empty, ct_pair;
SELECT count(*) FROM pg_type WHERE typname = 'ct_empty';
-- ALTER TYPE's attribute forms while a column uses the type (19_comptypes_alter.sql)
ALTER TYPE ct_pair ADD ATTRIBUTE c int;
ALTER TYPE ct_pair RENAME ATTRIBUTE a TO aa;
SELECT id, p, (p).aa FROM ct_wallet ORDER BY id;
DROP TABLE ct_wallet;
DROP TYPE ct_pair, ct_money;
DROP TYPE ct_pair;
DROP TYPE IF EXISTS ct_pair;
SELECT count(*) FROM pg_class WHERE relname IN ('ct_pair', 'ct_money');
-- ALTER TYPE ... RENAME TO of an unused composite type
ALTER TYPE "CtQuoted" RENAME TO ct_renamed;
SELECT ROW(8, 'r')::ct_renamed;
DROP TYPE ct_renamed, ct_empty;
-- RETURNS record in PL/pgSQL: RETURN of a record variable is the row of the column definition list
CREATE FUNCTION ct_rec(k int) RETURNS record LANGUAGE plpgsql AS $$ DECLARE r record; BEGIN SELECT k AS a, 'x' || k AS b INTO r; RETURN r; END $$;
SELECT * FROM ct_rec(3) AS t(a int, b text);
SELECT t.b, t.a FROM ct_rec(4) AS t(a int, b text);
SELECT * FROM ct_rec(3);
SELECT * FROM ct_rec(3) AS t(a int, b int);
SELECT * FROM ct_rec(3) AS t(a int);
CREATE TYPE ct_rp AS (a int, b text);
CREATE FUNCTION ct_rec2() RETURNS record LANGUAGE plpgsql AS $$ DECLARE p ct_rp; BEGIN p.a := 1; p.b := 'q'; RETURN p; END $$;
SELECT * FROM ct_rec2() AS t(a int, b text);
CREATE FUNCTION ct_rec3() RETURNS record LANGUAGE plpgsql AS $$ BEGIN RETURN ROW(5, 'five'::text); END $$;
SELECT * FROM ct_rec3() AS t(a int, b text);
DROP FUNCTION IF EXISTS ct_rec3();
DROP FUNCTION ct_rec(int);
DROP FUNCTION ct_rec2();
DROP TYPE ct_rp;
