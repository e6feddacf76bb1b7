-- CREATE VIEW (not TEMP) over a temporary table or view: PostgreSQL makes the view temporary
-- (NOTICE `view "v" will be a temporary view`, checked by test_ddlnotice.c); a materialized view
-- over one is refused.
CREATE TEMP TABLE r3m_tt (a int, b text);
INSERT INTO r3m_tt VALUES (1, 'x'), (2, 'y');
CREATE VIEW r3m_tv AS SELECT * FROM r3m_tt;
SELECT * FROM r3m_tv ORDER BY a;
SELECT relname, relpersistence, relkind FROM pg_class WHERE relname = 'r3m_tv';
CREATE VIEW r3m_tv2 AS SELECT a FROM r3m_tv WHERE a > 1;
SELECT * FROM r3m_tv2;
CREATE OR REPLACE VIEW r3m_tv2 AS SELECT a, b FROM r3m_tt WHERE a > 1;
SELECT * FROM r3m_tv2;
CREATE VIEW r3m_tv3 AS SELECT 1 AS x WHERE EXISTS (SELECT 1 FROM r3m_tt);
SELECT * FROM r3m_tv3;
CREATE VIEW r3m_tv4 AS WITH q AS (SELECT * FROM r3m_tt) SELECT count(*) FROM q;
SELECT * FROM r3m_tv4;
CREATE VIEW r3m_tv5 AS SELECT * FROM pg_temp.r3m_tt;
SELECT count(*) FROM r3m_tv5;
CREATE VIEW public.r3m_tv6 AS SELECT * FROM r3m_tt;
CREATE MATERIALIZED VIEW r3m_mv AS SELECT * FROM r3m_tt;
-- a WITH query named as a temporary table is not that table: the view stays permanent
CREATE VIEW r3m_pv AS WITH r3m_tt AS (SELECT 1 AS a) SELECT a FROM r3m_tt;
SELECT relname, relpersistence FROM pg_class WHERE relname LIKE 'r3m_%v%' ORDER BY relname;
DROP VIEW r3m_pv;
DROP VIEW r3m_tv2, r3m_tv3, r3m_tv4, r3m_tv5;
DROP VIEW r3m_tv;
DROP TABLE r3m_tt;
