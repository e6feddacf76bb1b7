-- A domain's CHECK read back as PostgreSQL prints it (pg_get_constraintdef plain and pretty,
-- pg_get_expr(conbin), information_schema.check_constraints, psql's \dD, pg_dump): VALUE in
-- upper case, the casts and parentheses of its stored tree, printed at CREATE DOMAIN and
-- ALTER DOMAIN ... ADD CHECK by the printer of table CHECKs.
CREATE DOMAIN ckt_posint AS integer CHECK (value > 0);
CREATE DOMAIN ckt_slug AS varchar(20) CHECK (value ~ '^[a-z]+$');
CREATE DOMAIN ckt_price AS numeric(10,2) CONSTRAINT ckt_price_nonneg CHECK (VALUE >= 0) CHECK (value < 1000000);
CREATE DOMAIN ckt_email AS text CHECK (value LIKE '%@%' AND length(value) < 255);
CREATE DOMAIN ckt_day AS date CHECK (value > '2000-01-01');
CREATE DOMAIN ckt_stat AS text CHECK (value IN ('a', 'b', 'c'));
CREATE DOMAIN ckt_flag AS boolean CHECK (value IS NOT NULL);
CREATE DOMAIN ckt_num AS numeric CHECK (value BETWEEN 0 AND 100);
CREATE DOMAIN ckt_big AS bigint CHECK (value % 2 = 0);
CREATE DOMAIN ckt_small AS smallint CHECK (value > 0 AND value < 10);
CREATE DOMAIN ckt_js AS jsonb CHECK (value ? 'id');
CREATE DOMAIN ckt_nospace AS varchar CHECK (value NOT LIKE '% %');
CREATE DOMAIN ckt_ci AS text CHECK (value ILIKE 'a%');
CREATE DOMAIN ckt_co AS text CHECK (coalesce(value, '') <> 'bad');
CREATE DOMAIN ckt_cat AS text CHECK (value || 'x' <> 'yx');
CREATE DOMAIN ckt_case AS int CHECK (CASE WHEN value > 0 THEN true ELSE false END);
ALTER DOMAIN ckt_posint ADD CONSTRAINT ckt_posint_small CHECK (value < 1000);
ALTER DOMAIN ckt_slug ADD CHECK (length(value) > 1) NOT VALID;
SELECT conname, pg_get_constraintdef(oid) AS def, pg_get_constraintdef(oid, true) AS pretty,
       pg_get_expr(conbin, 0) AS bin, convalidated
  FROM pg_constraint WHERE contypid <> 0 AND conname LIKE 'ckt%' ORDER BY conname;
SELECT constraint_name, check_clause FROM information_schema.check_constraints
 WHERE constraint_name LIKE 'ckt%' ORDER BY 1;
-- psql's \dD
SELECT t.typname, pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.pg_get_constraintdef(r.oid, true)
         FROM pg_catalog.pg_constraint r WHERE t.oid = r.contypid ORDER BY r.conname), ' ') AS "Check"
  FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname LIKE 'ckt%' ORDER BY 1;
-- the constraints still check, through their SQLite text
SELECT 5::ckt_posint, 'abc'::ckt_slug, 'a@b'::ckt_email;
SELECT 0::ckt_posint;
SELECT 1000::ckt_posint;
SELECT 'ab c'::ckt_slug;
SELECT 'x'::ckt_slug;
CREATE TABLE ckt_dt (p ckt_posint, s ckt_slug, e ckt_email);
INSERT INTO ckt_dt VALUES (1, 'ab', 'x@y');
INSERT INTO ckt_dt VALUES (1, 'ab', 'xy');
ALTER DOMAIN ckt_slug VALIDATE CONSTRAINT ckt_slug_check1;
ALTER DOMAIN ckt_posint RENAME CONSTRAINT ckt_posint_small TO ckt_posint_lt;
SELECT conname, pg_get_constraintdef(oid), convalidated FROM pg_constraint
 WHERE conname IN ('ckt_posint_lt', 'ckt_slug_check1') ORDER BY 1;
CREATE DOMAIN ckt_child AS ckt_posint CHECK (value < 50);
-- differs: a domain over a domain keeps libpg_query's text (PostgreSQL shows VALUE cast to each operator's type: (VALUE)::integer < 50)
SELECT pg_get_constraintdef(oid, true) FROM pg_constraint WHERE conname = 'ckt_child_check';
DROP TABLE ckt_dt;
DROP DOMAIN ckt_child, ckt_posint, ckt_slug, ckt_price, ckt_email, ckt_day, ckt_stat, ckt_flag, ckt_num,
  ckt_big, ckt_small, ckt_js, ckt_nospace, ckt_ci, ckt_co, ckt_cat, ckt_case;
