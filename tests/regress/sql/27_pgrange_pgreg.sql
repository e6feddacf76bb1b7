-- Ranges, multiranges and full text search, found probing PostgreSQL's rangetypes,
-- multirangetypes, tstypes and tsearch regression corpus (issue 3).
-- A negated operand inside a phrase matches where its lexeme is not, position 0 included:
-- !x <-> y holds for a y at position 1 (TS_phrase_execute's negate).
SELECT 'y:1'::tsvector @@ '!x <-> y'::tsquery AS at_start, 'x:1 y:2'::tsvector @@ '!x <-> y'::tsquery AS after_x;
SELECT 'k:1 m:2 n:4'::tsvector @@ '!k <-> m' AS a, 'k:1 m:2 n:4'::tsvector @@ 'm <-> !n' AS b, 'k:1 m:2 n:4'::tsvector @@ 'm <-> !k' AS c;
SELECT 'k:3 m:4'::tsvector @@ '!k <-> !m' AS a, 'k:3 m:4'::tsvector @@ '!(k <-> m)' AS b, 'k:3 m:5'::tsvector @@ '!(k <-> m)' AS c;
SELECT 'p:1 q:2 r:3'::tsvector @@ 'p <-> (q | !r)' AS a, 'p:1 q:2 r:3'::tsvector @@ '(!p | q) <-> r' AS b, 'p:1 q:2 r:3'::tsvector @@ 'p <2> (!q & r)' AS c;
SELECT 'p:1 q:2 r:3'::tsvector @@ '(p <-> q) & !(q <-> r)' AS a, 'p:1 q:2 r:3'::tsvector @@ 'p <-> (q & !s) <-> r' AS b;
SELECT 'p:1 q:5 r:9'::tsvector @@ 'p <-> (q <-> r | q)' AS a, 'p:4 q:5 z:6 r:9'::tsvector @@ 'p <-> (q <-> z | r)' AS b;
CREATE TABLE pr_docs (id int, v tsvector);
INSERT INTO pr_docs VALUES (1, 'red:1 fox:2'), (2, 'fox:1 red:2'), (3, 'fox:1'), (4, 'blue:1 fox:2'), (5, 'red:3');
SELECT id FROM pr_docs WHERE v @@ '!red <-> fox' ORDER BY id;
SELECT id FROM pr_docs WHERE v @@ '!(red <-> fox)' ORDER BY id;
SELECT id FROM pr_docs WHERE v @@ 'fox <-> !red' ORDER BY id;
-- ts_rank_cd checks a phrase's positions inside each cover, weights included, and orders a
-- position's lexemes by weight (compareDocR).
SELECT ts_rank_cd('k:1 m:2,3A z:2A w'::tsvector, 'k <2> m:A') AS a, ts_rank_cd('k:1 mb:2D ma:2A w'::tsvector, 'k <-> m:*') AS b;
SELECT ts_rank_cd('k:1 ma:2A mb:2D w'::tsvector, 'k <-> m:* <-> ma:A') AS a, ts_rank_cd('k:1 m:3 k:4 m:5'::tsvector, 'k <-> m') AS b;
SELECT ts_rank_cd(to_tsvector('english', 'the quick brown fox jumps over the lazy dog; the quick fox'), to_tsquery('english', 'quick <-> fox')) AS r;
SELECT ts_rank_cd(to_tsvector('english', 'the quick brown fox jumps over the lazy dog; the quick fox'), to_tsquery('english', 'quick <-> !brown')) AS r;
SELECT id, ts_rank_cd(v, 'red <-> fox') FROM pr_docs ORDER BY id;
-- The functions behind the range and multirange operators.
SELECT range_contains(int4range(1, 10), int4range(2, 3)) AS c, range_contained_by(numrange(2, 3), numrange(1, 10)) AS cb, range_contains_elem(int4range(1, 10), 10) AS ce, elem_contained_by_range(5, int4range(1, 10)) AS ec;
SELECT range_overlaps(int4range(1, 5), int4range(4, 8)) AS o, range_before(int4range(1, 5), int4range(5, 8)) AS b, range_after(int4range(9, 12), int4range(5, 8)) AS a, range_overleft(int4range(1, 5), int4range(4, 8)) AS ol, range_overright(int4range(1, 5), int4range(4, 8)) AS orr, range_adjacent(int4range(1, 5), int4range(5, 8)) AS adj;
SELECT range_union(numrange(1.5, 2), numrange(2, 3.25)) AS u, range_intersect(daterange('2024-01-01', '2024-03-01'), daterange('2024-02-01', '2024-04-01')) AS i, range_minus(int8range(1, 10), int8range(5, 20)) AS m;
SELECT range_union(int4range(1, 2), int4range(5, 6));
SELECT range_eq(int4range(1, 5), '[1,4]') AS eq, range_ne(numrange(1, 2), numrange(1.0, 2.0)) AS ne, range_lt(int4range(1, 5), int4range(1, 6)) AS lt, range_le('empty'::int4range, int4range(1, 2)) AS le, range_gt(int4range(2, 3), int4range(1, 9)) AS gt, range_ge(int4range(null, 3), int4range(1, 9)) AS ge;
SELECT multirange_contains_elem('{[1,3),[5,7)}'::int4multirange, 6) AS ce, multirange_contains_range('{[1,3),[5,7)}'::int4multirange, int4range(1, 2)) AS cr, multirange_contains_multirange('{[1,9)}'::int4multirange, '{[2,3),[5,6)}') AS cm, range_contains_multirange(int4range(1, 9), '{[2,3),[5,6)}'::int4multirange) AS rcm;
SELECT elem_contained_by_multirange(4, '{[1,3),[5,7)}'::int4multirange) AS ec, range_contained_by_multirange(int4range(5, 6), '{[1,3),[5,7)}'::int4multirange) AS rc, multirange_contained_by_range('{[5,6)}'::int4multirange, int4range(1, 9)) AS mcr, multirange_contained_by_multirange('{[5,6)}', '{[1,3),[5,7)}'::int4multirange) AS mcm;
SELECT range_overlaps_multirange(numrange(4, 4.2), '{[3,5)}'::nummultirange) AS a, multirange_overlaps_range('{[3,5)}'::nummultirange, numrange(5, 6)) AS b, multirange_overlaps_multirange('{[3,5)}'::nummultirange, '{[1,2),[4,9)}') AS c;
SELECT range_before_multirange(int4range(1, 2), '{[3,4)}'::int4multirange) AS a, multirange_before_range('{[1,2)}'::int4multirange, int4range(2, 4)) AS b, multirange_before_multirange('{[1,2)}'::int4multirange, '{[1,4)}') AS c, range_after_multirange(int4range(8, 9), '{[3,4)}'::int4multirange) AS d, multirange_after_range('{[5,6)}'::int4multirange, int4range(1, 5)) AS e, multirange_after_multirange('{[5,6)}'::int4multirange, '{[1,6)}') AS f;
SELECT range_overleft_multirange(int4range(1, 4), '{[3,4)}'::int4multirange) AS a, multirange_overleft_range('{[1,6)}'::int4multirange, int4range(2, 4)) AS b, multirange_overleft_multirange('{[1,2)}'::int4multirange, '{[1,4)}') AS c, range_overright_multirange(int4range(3, 9), '{[3,4)}'::int4multirange) AS d, multirange_overright_range('{[1,6)}'::int4multirange, int4range(0, 5)) AS e, multirange_overright_multirange('{[5,6)}'::int4multirange, '{[1,6)}') AS f;
SELECT range_adjacent_multirange(int4range(1, 3), '{[3,4)}'::int4multirange) AS a, multirange_adjacent_range('{[1,2),[5,6)}'::int4multirange, int4range(6, 8)) AS b, multirange_adjacent_multirange('{[1,2)}'::int4multirange, '{[3,4)}') AS c;
SELECT multirange_union('{[1,3)}'::int4multirange, '{[3,5),[8,9)}') AS u, multirange_intersect('{[1,6)}'::int4multirange, '{[3,5),[8,9)}') AS i, multirange_minus('{[1,9)}'::int4multirange, '{[3,5)}') AS m;
SELECT multirange_eq('{[1,3)}'::int4multirange, '{[1,2]}') AS eq, multirange_ne('{[1,3)}'::int4multirange, '{[1,2]}') AS ne, multirange_lt('{}'::int4multirange, '{[1,2)}') AS lt, multirange_ge('{[1,3)}'::int4multirange, '{[1,2)}') AS ge;
CREATE TABLE pr_spans (id int, r numrange, m nummultirange);
INSERT INTO pr_spans VALUES (1, '[1,5)', '{[1,2),[4,6)}'), (2, '(,3]', '{}'), (3, 'empty', '{[7,8)}'), (4, '[4,)', '{(,0)}');
SELECT id FROM pr_spans WHERE range_contains_elem(r, 4.5) ORDER BY id;
SELECT id FROM pr_spans WHERE range_overlaps(r, numrange(2, 4)) ORDER BY id;
SELECT id, range_adjacent(r, numrange(5, 6)), range_lt(r, numrange(1, 2)) FROM pr_spans ORDER BY id;
SELECT id FROM pr_spans WHERE multirange_contains_elem(m, 5.5) ORDER BY id;
-- A multirange's element operand is of exactly its subtype (anyelement takes no implicit cast).
SELECT multirange_contains_elem(m, 5) FROM pr_spans;
SELECT '{[1,9)}'::nummultirange @> 5;
SELECT 5 <@ '{[1,9)}'::nummultirange;
SELECT '{[1,9)}'::int8multirange @> 5;
SELECT '{[1,9)}'::int8multirange @> 5::int8, 2.5 <@ '{[1,9)}'::nummultirange, '2024-01-02'::date <@ '{[2024-01-01,2024-02-01)}'::datemultirange;
SELECT id FROM pr_spans WHERE range_overlaps_multirange(r, m) ORDER BY id;
-- unnest(tsvector): each lexeme with its positions and weights (NULL without positions), in
-- FROM (with column aliases) and in a select list (a record per lexeme).
SELECT * FROM unnest('base:7 hidden:6 rebel spaceship:2,33A,34B strike:3'::tsvector);
SELECT * FROM unnest('w x:1'::tsvector) AS u(l, p);
SELECT lexeme, positions[1], weights[1] FROM unnest('aa:4C bb cc:1,2A'::tsvector) WHERE lexeme <> 'bb' ORDER BY lexeme;
-- differs: refused (0A000): unnest(tsvector) of a column of the FROM items to its left
SELECT d.id, u.lexeme, u.positions FROM pr_docs d, unnest(d.v) u WHERE d.id < 3 ORDER BY 1, 2;
SELECT unnest('base:7 hidden rebel spaceship:2,33A,34B'::tsvector);
SELECT unnest(v), id FROM pr_docs WHERE id IN (1, 3) ORDER BY id;
SELECT unnest('"a b":1 c,d:2'::tsvector);
SELECT * FROM unnest(''::tsvector);
-- tsquery @> tsquery and <@: every lexeme of one is in the other (weights and prefixes aside)
SELECT 'new & york'::tsquery @> 'york'::tsquery AS a, 'york'::tsquery <@ 'new & york'::tsquery AS b, 'a'::tsquery @> 'a & b' AS c, 'a & b'::tsquery @> 'b:*A' AS d, 'a <-> b'::tsquery @> 'b <-> a' AS e;
CREATE TABLE pr_queries (id int, q tsquery);
INSERT INTO pr_queries VALUES (1, 'new <-> york'), (2, 'moscow'), (3, 'new & !old'), (4, 'york | (big <-> apple)');
SELECT id FROM pr_queries WHERE q @> 'new' ORDER BY id;
SELECT id FROM pr_queries WHERE q <@ 'moscow | york | big | apple' ORDER BY id;
SELECT id FROM pr_queries WHERE 'york' <@ q ORDER BY id;
-- ts_delete and setweight skip a NULL lexeme; array_to_tsvector, ts_filter and ts_rank's
-- weights refuse one
SELECT ts_delete('a b c'::tsvector, ARRAY['a', NULL]) AS d, setweight('a:1 b:2'::tsvector, 'A', ARRAY['a', NULL]) AS w;
SELECT array_to_tsvector(ARRAY['a', NULL]);
SELECT ts_filter('a:1A'::tsvector, '{a,NULL}');
SELECT ts_rank('{1,NULL,1,1}', 'a:1'::tsvector, 'a');
-- The default parser: a run of blanks ends before '<', '-', '+', '&' and '/' (which start a
-- new one); a host or e-mail address keeps its :port; an entity's name takes digits, '_',
-- ':', '.' and '-'.
SELECT alias, token FROM ts_debug('simple', 'a < b, <i> c - d + e & f / g :< h <<b> i&<j');
SELECT alias, token FROM ts_debug('simple', 'x.org:8080 http://x.org:8080 http://x.org:8080/a/b me@x.org:25 y.org:80/?q');
SELECT alias, token FROM ts_debug('english', 'abc&nm1;def&#xa9;ghi&a_b; j&:x; k&a.b-c; l&1a; m&; n&#12a;');
SELECT to_tsvector('english', 'Visit http://shop.example.com:8443/cart?id=7 or mail sales@example.com:25 -- now & then <b>bold</b>');
SELECT * FROM ts_parse('default', 'a  / b -- c ++ d');
SELECT ts_headline('simple', 'call x.org:8080 now - or <never> & later', 'x.org:8080 | later');
-- A multirange constructor with VARIADIC takes an array of ranges.
SELECT nummultirange(VARIADIC '{}'::numrange[]) AS a, int4multirange(VARIADIC ARRAY[int4range(5, 6), int4range(1, 3), 'empty']) AS b, datemultirange(VARIADIC ARRAY[daterange('2024-01-01', '2024-02-01'), daterange('2024-02-01', '2024-03-01')]) AS c;
SELECT int4multirange(VARIADIC ARRAY[int4range(1, 2), NULL]);
SELECT int4multirange(VARIADIC NULL::int4range[]) IS NULL;
SELECT int4multirange(VARIADIC ARRAY[1, 2]);
INSERT INTO pr_spans VALUES (5, NULL, nummultirange(VARIADIC ARRAY[numrange(1, 2), numrange(2, 3)]));
SELECT id, m FROM pr_spans WHERE id = 5;
-- Refused: ts_stat (it runs a query given as text) and PostgreSQL's C trigger functions
CREATE TABLE pr_tv (t text, a tsvector);
-- differs: refused (0A000): ts_stat runs a query given as text
SELECT * FROM ts_stat('SELECT a FROM pr_tv');
-- differs: refused (0A000): the built-in trigger function tsvector_update_trigger
CREATE TRIGGER pr_tv_upd BEFORE INSERT OR UPDATE ON pr_tv FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger(a, 'pg_catalog.english', t);
-- tsvector and tsquery compare and sort in PostgreSQL's btree order (tsvector_cmp,
-- tsquery_cmp), not by their text.
CREATE TABLE pr_ord (id int, q tsquery, v tsvector);
INSERT INTO pr_ord VALUES (1, 'new <-> york', 'a:1 b:2'), (2, 'moscow', 'a b'), (3, 'sanct <-> peter', 'zz:1A'), (4, 'foo & bar & qq', 'a:1,2'), (5, '1 & (2 <-> 3)', 'b:1 a:2'), (6, '5 <-> 6', 'a:2A'), (7, '!x', 'abc'), (8, 'a | b', 'a:3 c:1'), (9, 'a <2> b', 'ab'), (10, 'b & a', 'a:1B'), (11, 'x:*', ''), (12, 'a & b & c', 'x y z'), (13, '(a | b) & c', 'xy:5'), (14, '!(a & b)', 'a:16383');
SELECT id, q FROM pr_ord ORDER BY q, id;
SELECT id, q FROM pr_ord ORDER BY q DESC, id;
SELECT id, v FROM pr_ord ORDER BY v, id;
SELECT id, v FROM pr_ord ORDER BY 2 DESC, 1;
SELECT count(*) FROM pr_ord WHERE q < 'new <-> york';
SELECT count(*) FROM pr_ord WHERE q >= 'b & a';
SELECT count(*) FROM pr_ord WHERE v > 'a:1 b:2';
SELECT 'a' < 'b & c'::tsquery AS a, 'a | f' < 'b & c'::tsquery AS b, 'a | ff' < 'b & c'::tsquery AS c, 'cat'::tsquery > 'dog'::tsquery AS d, 'a:1'::tsvector < 'a:2' AS e, 'a'::tsvector < 'a:1' AS f, 'ab'::tsvector > 'b' AS g, 'a:1A'::tsvector <= 'a:1B' AS h;
SELECT q FROM pr_ord WHERE id IN (1, 6, 9) ORDER BY q;
-- range_cmp and multirange_cmp: -1, 0 or 1 in the btree order
SELECT range_cmp(numrange(1.0, 2.0), numrange(1.0, 3.0)) AS a, range_cmp(int4range(1, 5), '[1,4]') AS b, range_cmp('empty', int4range(1, 2)) AS c, range_cmp(daterange('2024-01-02', '2024-02-01'), '[2024-01-01,2024-03-01)') AS d, range_cmp(NULL::int4range, int4range(1, 2)) IS NULL AS e;
SELECT multirange_cmp('{[1,3)}'::int4multirange, '{[1,2],[5,6]}') AS a, multirange_cmp('{}'::int4multirange, '{}') AS b, multirange_cmp('{[1,2)}'::nummultirange, '{}') AS c;
SELECT id, range_cmp(r, numrange(1, 5)), multirange_cmp(m, '{[1,2)}') FROM pr_spans ORDER BY id;
SELECT range_cmp(int4range(1, 2), numrange(1, 2));
-- tsvector @@ ANY/ALL (array): each element read as a tsquery, with ANY's and ALL's NULLs
SELECT 'a b'::tsvector @@ ANY ('{a,c}') AS a, 'a b'::tsvector @@ ANY ('{x,c}') AS b, 'a b'::tsvector @@ ALL ('{a,b}') AS c, 'a b'::tsvector @@ ALL ('{a,c}') AS d, 'a b'::tsvector @@ ANY ('{}') AS e, 'a b'::tsvector @@ ALL ('{}') AS f;
SELECT 'a b'::tsvector @@ ANY (ARRAY['a'::tsquery, NULL]) AS a, 'a b'::tsvector @@ ANY (ARRAY['x'::tsquery, NULL]) AS b, NULL::tsvector @@ ANY ('{a}') AS c, 'a b'::tsvector @@ ALL (ARRAY['a'::tsquery, NULL]) AS d;
SELECT id FROM pr_docs WHERE v @@ ANY ('{red,blue}') ORDER BY id;
SELECT id FROM pr_docs WHERE v @@ ALL (ARRAY['fox'::tsquery, 'red <-> fox']) ORDER BY id;
