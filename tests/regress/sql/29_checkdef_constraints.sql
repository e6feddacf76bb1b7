-- CHECK constraints read back in PostgreSQL's terms: pg_get_constraintdef (plain and pretty:
-- psql's \d, pg_dump), pg_get_expr(conbin) and information_schema.check_constraints print
-- the text PostgreSQL prints from the stored tree (parentheses, true/false, 'x'::text,
-- explicit casts), kept beside the SQLite translation when the constraint is made.
CREATE TABLE cdf_t (a int, b boolean, c text, e numeric(10,2), f jsonb,
  CHECK (b = true OR a > 0), CHECK (c ~ '^x'), CHECK (e::int < 5), CHECK (f ? 'k'));
CREATE TABLE cdf_s (id int PRIMARY KEY, n int CHECK (n >= 0), nick varchar(20) CHECK (nick <> ''),
  email text CONSTRAINT email_like CHECK (email LIKE '%@%'), d date CHECK (d > '2000-01-01'),
  m numeric CHECK (m BETWEEN 1 AND 10), k int CHECK (k IN (1, 2, 3)), big bigint,
  flag boolean CHECK (NOT flag), s text CHECK (lower(s) = s),
  CONSTRAINT pair CHECK (coalesce(n, 0) < coalesce(k, 5)),
  CONSTRAINT nonempty CHECK (length(email) > 0 AND email IS NOT NULL),
  CHECK (big * 2 + n - 1 > 0), CHECK (email ILIKE 'a%' OR email NOT LIKE 'b%'),
  CHECK (s !~* 'z'));
SELECT conrelid::regclass::text AS rel, conname, pg_get_constraintdef(oid) AS def,
       pg_get_constraintdef(oid, true) AS pretty, pg_get_expr(conbin, conrelid) AS bin,
       pg_get_expr(conbin, conrelid, true) AS binp
  FROM pg_constraint WHERE contype = 'c' AND conrelid IN ('cdf_t'::regclass, 'cdf_s'::regclass)
 ORDER BY 1, 2;
SELECT constraint_name, check_clause FROM information_schema.check_constraints
 WHERE constraint_name LIKE 'cdf%' OR constraint_name IN ('email_like', 'pair', 'nonempty')
 ORDER BY 1;
-- the constraints still check
INSERT INTO cdf_t VALUES (1, true, 'xa', 1.5, '{"k": 1}');
INSERT INTO cdf_t VALUES (-1, false, 'xa', 1.5, '{"k": 1}');
INSERT INTO cdf_t VALUES (1, true, 'ya', 1.5, '{"k": 1}');
INSERT INTO cdf_t VALUES (1, true, 'xa', 1.5, '{"j": 1}');
-- ALTER TABLE ADD CONSTRAINT, ADD COLUMN with a CHECK, NOT VALID
ALTER TABLE cdf_t ADD CONSTRAINT cdf_pos CHECK (a > 0 AND b);
ALTER TABLE cdf_t ADD CHECK (c <> 'zz');
ALTER TABLE cdf_t ADD COLUMN g int CHECK (g > 0 OR g IS NULL);
ALTER TABLE cdf_t ADD COLUMN h text CONSTRAINT h_short CHECK (length(h) < 10);
ALTER TABLE cdf_t ADD CONSTRAINT cdf_nv CHECK (a < 100) NOT VALID;
SELECT conname, pg_get_constraintdef(oid) AS def, pg_get_constraintdef(oid, true) AS pretty,
       convalidated, pg_get_expr(conbin, conrelid) AS bin
  FROM pg_constraint WHERE conrelid = 'cdf_t'::regclass ORDER BY 1;
SELECT constraint_name, check_clause FROM information_schema.check_constraints
 WHERE constraint_name IN ('cdf_nv', 'h_short', 'cdf_t_g_check') ORDER BY 1;
ALTER TABLE cdf_t VALIDATE CONSTRAINT cdf_nv;
SELECT conname, pg_get_constraintdef(oid), convalidated
  FROM pg_constraint WHERE conrelid = 'cdf_t'::regclass AND conname = 'cdf_nv';
-- renames: the PostgreSQL text names the new column; rebuilds keep it
ALTER TABLE cdf_t RENAME COLUMN a TO aa;
SELECT conname, pg_get_constraintdef(oid) AS def, pg_get_constraintdef(oid, true) AS pretty
  FROM pg_constraint WHERE conrelid = 'cdf_t'::regclass ORDER BY 1;
ALTER TABLE cdf_t DROP COLUMN h;
ALTER TABLE cdf_t DROP CONSTRAINT cdf_pos;
ALTER TABLE cdf_t ALTER COLUMN b SET NOT NULL;
SELECT conname, pg_get_constraintdef(oid) AS def, pg_get_constraintdef(oid, true) AS pretty
  FROM pg_constraint WHERE conrelid = 'cdf_t'::regclass ORDER BY 1;
INSERT INTO cdf_t VALUES (1, true, 'xb', 1, '{"k": 2}', 2);
INSERT INTO cdf_t VALUES (1, true, 'xb', 1, '{"k": 2}', 0);
-- a column whose type changes keeps the text of a CHECK that does not read it
ALTER TABLE cdf_s ALTER COLUMN big TYPE numeric;
SELECT conname, pg_get_constraintdef(oid, true) AS pretty
  FROM pg_constraint WHERE conrelid = 'cdf_s'::regclass AND conname IN ('pair', 'cdf_s_n_check')
 ORDER BY 1;
-- differs: a CHECK that reads a column whose type changed shows its SQLite text (PostgreSQL prints the new type's casts)
SELECT conname, pg_get_constraintdef(oid, true) AS pretty
  FROM pg_constraint WHERE conrelid = 'cdf_s'::regclass AND conname = 'cdf_s_check';
DROP TABLE cdf_t;
DROP TABLE cdf_s;
-- a quoted column's, renamed (a named constraint: PostgreSQL keeps names as made)
CREATE TABLE cdf_q (x int CONSTRAINT x_nz CHECK (x <> 0), "Odd Col" text CHECK ("Odd Col" <> 'q'));
SELECT conname, pg_get_constraintdef(oid) AS def, pg_get_constraintdef(oid, true) AS pretty
  FROM pg_constraint WHERE conrelid = 'cdf_q'::regclass ORDER BY 1;
ALTER TABLE cdf_q RENAME COLUMN x TO "X y";
SELECT conname, pg_get_constraintdef(oid) AS def, pg_get_constraintdef(oid, true) AS pretty
  FROM pg_constraint WHERE conrelid = 'cdf_q'::regclass ORDER BY 1;
INSERT INTO cdf_q VALUES (0, 'a');
DROP TABLE cdf_q;
-- a temporary table's CHECK
CREATE TEMP TABLE cdf_tmp (x int CHECK (x <> 0));
SELECT conname, pg_get_constraintdef(oid) AS def
  FROM pg_constraint WHERE conrelid = 'cdf_tmp'::regclass ORDER BY 1;
DROP TABLE cdf_tmp;
-- more shapes: modulo, casts to text, IN over text, upper()
CREATE TABLE cdf_m (n int, flag boolean, s text, CHECK (n % 2 = 0), CHECK (n::text <> 'x'),
  CHECK (s IN ('a', 'b')), CHECK (upper(s) <> 'Q'));
SELECT conname, pg_get_constraintdef(oid) AS def, pg_get_constraintdef(oid, true) AS pretty,
       pg_get_expr(conbin, conrelid) AS bin
  FROM pg_constraint WHERE conrelid = 'cdf_m'::regclass ORDER BY 1;
-- expressions the printer does not type keep their SQLite text
ALTER TABLE cdf_m ADD CONSTRAINT cdf_m_t CHECK (flag IS NOT TRUE);
ALTER TABLE cdf_m ADD CONSTRAINT cdf_m_a CHECK (abs(n) < 5);
SELECT conname, pg_get_constraintdef(oid, true) AS pretty
  FROM pg_constraint WHERE conname IN ('cdf_m_t', 'cdf_m_a') ORDER BY 1;
SELECT conname, pg_get_constraintdef(oid) AS def
  FROM pg_constraint WHERE conname IN ('cdf_m_t', 'cdf_m_a') ORDER BY 1;
DROP TABLE cdf_m;
