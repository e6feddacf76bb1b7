-- pg_get_viewdef laid out as PostgreSQL 15's ruleutils prints it: qualified columns, one target
-- per line, clauses on their own lines, literals and implicit casts, parentheses with and
-- without the pretty flag, the wrap column; pg_get_ruledef, pg_views, information_schema.views
CREATE TABLE vd_shop (id int PRIMARY KEY, label text, sku varchar(12), cost numeric(8,2), qty bigint, made date, seen timestamp, small int2, live boolean);
CREATE TABLE vd_line (line_id int, shop_id int, amount numeric, note text);
CREATE VIEW vd_basic AS SELECT id, label || '!' AS shout FROM vd_shop WHERE id > 3 ORDER BY id;
SELECT pg_get_viewdef('vd_basic'::regclass);
SELECT pg_get_viewdef('vd_basic'::regclass, true);
SELECT pg_get_viewdef('vd_basic'::regclass, false);
-- literals: an integer stays bare, a negative one and a bigint are cast, a decimal stays bare,
-- a string becomes text, a date literal keeps its type
CREATE VIEW vd_lits AS SELECT 7 AS seven, -7 AS minus, 12345678901 AS huge, 2.50 AS dec, 'abc' AS word, 'it''s' AS quote, '2023-03-04'::date AS day;
SELECT pg_get_viewdef('vd_lits'::regclass);
SELECT pg_get_viewdef('vd_lits'::regclass, true);
-- implicit casts: varchar to text, integer to numeric, bigint arithmetic, unknown literals
CREATE VIEW vd_casts AS SELECT sku || '-x' AS tagged, cost * qty AS total, qty + small AS sum2, id * (qty - 1) AS prod, (id + 1) * 2 AS grouped, id - (small - 1) AS nested FROM vd_shop WHERE sku = 'A1' AND cost > 5 AND made >= '2020-02-29' AND seen < '2024-01-01 12:30:00' AND id = '4';
SELECT pg_get_viewdef('vd_casts'::regclass);
SELECT pg_get_viewdef('vd_casts'::regclass, true);
-- boolean structure, NULL tests, IN lists, BETWEEN, unary minus
CREATE VIEW vd_bool AS SELECT id, -id AS neg, NOT live AS dead FROM vd_shop WHERE (id > 1 AND label IS NOT NULL) OR (qty IN (1, 2, 3) AND NOT live) OR id BETWEEN 10 AND 20 OR sku IS NULL;
SELECT pg_get_viewdef('vd_bool'::regclass);
SELECT pg_get_viewdef('vd_bool'::regclass, true);
-- CASE, COALESCE, functions and aggregates, GROUP BY, HAVING
CREATE VIEW vd_agg AS SELECT label, count(*) AS n, count(DISTINCT sku) AS skus, sum(qty) AS q, max(sku) AS top, avg(cost) AS mean, CASE WHEN sum(qty) > 10 THEN 'many' ELSE 'few' END AS band, coalesce(label, 'none') AS named, upper(label) AS loud, length(max(sku)) AS len FROM vd_shop GROUP BY label HAVING count(*) > 1;
SELECT pg_get_viewdef('vd_agg'::regclass);
SELECT pg_get_viewdef('vd_agg'::regclass, true);
CREATE VIEW vd_case AS SELECT id, CASE id WHEN 1 THEN 'one' WHEN 2 THEN 'two' END AS word, CASE WHEN live THEN cost ELSE 0 END AS worth FROM vd_shop;
SELECT pg_get_viewdef('vd_case'::regclass);
SELECT pg_get_viewdef('vd_case'::regclass, true);
-- joins: ON, USING, LEFT/RIGHT/FULL, CROSS, a comma list, aliases
CREATE VIEW vd_joins AS SELECT s.id, l.amount, x.label FROM vd_shop s JOIN vd_line l ON l.shop_id = s.id AND l.amount > 0 LEFT JOIN vd_shop x ON x.id = l.line_id RIGHT JOIN vd_line r ON r.line_id = s.id FULL JOIN vd_line f ON f.shop_id = x.id CROSS JOIN vd_line c, vd_line z;
SELECT pg_get_viewdef('vd_joins'::regclass);
SELECT pg_get_viewdef('vd_joins'::regclass, true);
CREATE TABLE vd_a (k int, va text);
CREATE TABLE vd_b (k int, j int, vb text);
CREATE TABLE vd_c (j int, vc text);
CREATE VIEW vd_using AS SELECT k, j, va, vb, vc FROM vd_a JOIN vd_b USING (k) JOIN vd_c USING (j);
SELECT pg_get_viewdef('vd_using'::regclass, true);
-- subqueries: scalar, EXISTS, IN, in FROM; WITH; a correlated reference
CREATE VIEW vd_sub AS SELECT s.id, (SELECT max(l.amount) FROM vd_line l WHERE l.shop_id = s.id) AS top FROM vd_shop s WHERE EXISTS (SELECT 1 FROM vd_line e WHERE e.shop_id = s.id) AND s.id IN (SELECT line_id FROM vd_line);
SELECT pg_get_viewdef('vd_sub'::regclass);
SELECT pg_get_viewdef('vd_sub'::regclass, true);
CREATE VIEW vd_from AS SELECT t.shop_id, t.total FROM (SELECT shop_id, sum(amount) AS total FROM vd_line GROUP BY shop_id) t WHERE t.total > 100;
SELECT pg_get_viewdef('vd_from'::regclass, true);
CREATE VIEW vd_with AS WITH big AS (SELECT line_id, amount FROM vd_line WHERE amount > 10), small AS (SELECT line_id FROM vd_line WHERE amount <= 10) SELECT big.line_id, big.amount FROM big WHERE big.line_id NOT IN (SELECT line_id FROM small);
SELECT pg_get_viewdef('vd_with'::regclass);
SELECT pg_get_viewdef('vd_with'::regclass, true);
-- set operations: UNION layouts, a literal branch typed as the other branch's column
CREATE VIEW vd_union AS SELECT id, label FROM vd_shop UNION SELECT line_id, note FROM vd_line UNION ALL SELECT 0, 'zero' ORDER BY 1;
SELECT pg_get_viewdef('vd_union'::regclass);
SELECT pg_get_viewdef('vd_union'::regclass, true);
CREATE VIEW vd_union2 AS SELECT sku FROM vd_shop INTERSECT SELECT 'A1' EXCEPT SELECT sku FROM vd_shop WHERE id > 1;
SELECT pg_get_viewdef('vd_union2'::regclass, true);
-- DISTINCT, ORDER BY directions and NULLS, LIMIT and OFFSET
CREATE VIEW vd_order AS SELECT DISTINCT label, id FROM vd_shop ORDER BY label DESC, id NULLS FIRST LIMIT 5 OFFSET 1;
SELECT pg_get_viewdef('vd_order'::regclass);
SELECT pg_get_viewdef('vd_order'::regclass, true);
CREATE VIEW vd_order2 AS SELECT id, cost * 2 AS twice FROM vd_shop ORDER BY 2 DESC NULLS LAST, id DESC NULLS FIRST;
SELECT pg_get_viewdef('vd_order2'::regclass, true);
-- the wrap column: targets and FROM items share a line while they fit
SELECT pg_get_viewdef('vd_basic'::regclass, 80);
SELECT pg_get_viewdef('vd_agg'::regclass, 60);
SELECT pg_get_viewdef('vd_joins'::regclass, 120);
SELECT pg_get_viewdef('vd_lits'::regclass, -1);
-- quoted names
CREATE TABLE "VD Odd" ("Select" int, "two words" text, "user" int);
CREATE VIEW vd_quoted AS SELECT o."Select", o."two words" AS "Label", o."user" FROM "VD Odd" o WHERE o."user" > 0;
SELECT pg_get_viewdef('vd_quoted'::regclass, true);
-- the _RETURN rule, pg_views and information_schema.views show the same text
SELECT pg_get_ruledef(oid) FROM pg_rewrite WHERE ev_class = 'vd_basic'::regclass;
SELECT pg_get_ruledef(oid, true) FROM pg_rewrite WHERE ev_class = 'vd_basic'::regclass;
SELECT definition FROM pg_views WHERE viewname = 'vd_joins';
SELECT view_definition FROM information_schema.views WHERE table_name = 'vd_casts';
SELECT definition = pg_get_viewdef('vd_agg'::regclass) AS same FROM pg_views WHERE viewname = 'vd_agg';
-- one table at several levels: the inner ones renamed as PostgreSQL names them (vd_line_1)
CREATE VIEW vd_names AS SELECT line_id FROM vd_line WHERE amount > (SELECT avg(amount) FROM vd_line) AND line_id IN (SELECT line_id FROM vd_line WHERE note IS NOT NULL);
SELECT pg_get_viewdef('vd_names'::regclass, true);
CREATE VIEW vd_names2 AS SELECT d.line_id FROM (SELECT line_id FROM vd_line) d JOIN vd_line ON vd_line.line_id = d.line_id, vd_line vd_line_1;
SELECT pg_get_viewdef('vd_names2'::regclass);
CREATE VIEW vd_names3 AS WITH w AS (SELECT line_id FROM vd_line) SELECT w.line_id FROM w, vd_line WHERE w.line_id = vd_line.shop_id AND EXISTS (SELECT 1 FROM w WHERE w.line_id > 2);
SELECT pg_get_viewdef('vd_names3'::regclass, true);
DROP VIEW vd_names, vd_names2, vd_names3;
-- scalar subqueries that may return rows (the translator checks for a second one)
CREATE VIEW vd_scalar AS SELECT line_id, (SELECT note FROM vd_line n WHERE n.line_id = l.shop_id) AS other FROM vd_line l WHERE l.amount BETWEEN (SELECT amount FROM vd_line WHERE line_id = 1) AND (SELECT cost FROM vd_shop WHERE id = 2);
SELECT pg_get_viewdef('vd_scalar'::regclass);
SELECT pg_get_viewdef('vd_scalar'::regclass, true);
DROP VIEW vd_scalar;
-- a materialized view's kept query is laid out the same way
CREATE MATERIALIZED VIEW vd_mat AS SELECT id, cost FROM vd_shop WHERE cost > 5 ORDER BY id;
SELECT pg_get_viewdef('vd_mat'::regclass);
SELECT pg_get_viewdef('vd_mat'::regclass, true);
SELECT definition FROM pg_matviews WHERE matviewname = 'vd_mat';
DROP MATERIALIZED VIEW vd_mat;
-- a view of a view
CREATE VIEW vd_of_view AS SELECT id, shout FROM vd_basic WHERE shout <> '';
SELECT pg_get_viewdef('vd_of_view'::regclass, true);
DROP VIEW vd_of_view, vd_basic, vd_lits, vd_casts, vd_bool, vd_agg, vd_case, vd_joins, vd_using, vd_sub, vd_from, vd_with, vd_union, vd_union2, vd_order, vd_order2, vd_quoted;
DROP TABLE vd_shop, vd_line, vd_a, vd_b, vd_c, "VD Odd";
