-- col LIKE pat on an indexed text column: the translator puts the range of the pattern's
-- literal prefix beside the LIKE (xlat_pred.c like_range) so that SQLite searches the index;
-- the rows must be exactly the LIKE's.
CREATE TABLE li_t (id int PRIMARY KEY, name text, v varchar(20));
CREATE INDEX li_t_name ON li_t (name);
CREATE INDEX li_t_v ON li_t (v);
INSERT INTO li_t VALUES (1, 'abc', 'abc'), (2, 'abcd', 'abcd'), (3, 'abd', 'abd'),
  (4, 'ab', 'ab'), (5, 'ABC', 'ABC'), (6, 'ab%c', 'ab%c'), (7, 'ab_c', 'ab_c'),
  (8, 'xabc', 'xabc'), (9, '', ''), (10, NULL, NULL), (11, 'é', 'é'), (12, 'éa', 'éa'),
  (13, 'f', 'f'), (14, 'a\b', 'a\b'), (15, 'ab\', 'ab\'), (16, 'abz', 'abz'),
  (17, 'ab' || chr(127), 'ab' || chr(127)), (18, 'ab' || chr(128), 'ab' || chr(128)),
  (19, '日本語', '日本語'), (20, '日本', '日本'), (21, '日x', '日x'),
  (22, chr(1114111), chr(1114111)), (23, chr(1114111) || 'a', chr(1114111) || 'a'),
  (24, 'a' || chr(1114111) || 'b', 'a' || chr(1114111) || 'b'), (25, 'b', 'b'),
  (26, chr(55295) || 'q', chr(55295) || 'q'), (27, chr(57344), chr(57344));
SELECT id FROM li_t WHERE name LIKE 'abc%' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE 'ab%' ORDER BY id;
SELECT id FROM li_t WHERE v LIKE 'ab%' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE 'abc' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE 'ab_' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE '_bc' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE '%' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE '' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE NULL ORDER BY id;
SELECT id, name LIKE NULL AS n, name LIKE 'ab%' AS m FROM li_t WHERE id IN (1, 8, 10) ORDER BY id;
-- escapes: the default backslash, another character, none
SELECT id FROM li_t WHERE name LIKE 'ab\%%' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE 'ab\_c' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE 'ab#%c' ESCAPE '#' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE 'ab#_%' ESCAPE '#' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE 'a\\%' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE 'a\b%' ESCAPE '' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE 'ab\\' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE 'abc\%' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE 'ab%\%' ORDER BY id;
-- multi-byte prefixes, and the characters without a successor
SELECT id FROM li_t WHERE name LIKE 'é%' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE '日本%' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE '日%' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE 'ab' || chr(127) || '%' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE chr(1114111) || '%' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE 'a' || chr(1114111) || '%' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE chr(55295) || '%' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE 'b%' ORDER BY id;
INSERT INTO li_t VALUES (28, 'it''s', 'it''s');
SELECT id FROM li_t WHERE name LIKE 'it''%' ORDER BY id;
SELECT id FROM li_t WHERE v LIKE 'it''s' ORDER BY id;
-- qualified and aliased columns, a join, UPDATE and DELETE
SELECT t.id FROM li_t t WHERE t.name LIKE 'abc%' ORDER BY 1;
SELECT a.id, b.id FROM li_t a JOIN li_t b ON b.name LIKE 'ab%' AND b.id = a.id + 1
  WHERE a.name LIKE 'ab%' ORDER BY 1;
BEGIN;
UPDATE li_t SET v = 'zz' WHERE name LIKE 'abc%';
SELECT id, v FROM li_t WHERE v = 'zz' ORDER BY id;
DELETE FROM li_t WHERE name LIKE 'ab%';
SELECT count(*) FROM li_t;
ROLLBACK;
-- a dangling escape: an error where the matcher reaches it, not elsewhere
SELECT id FROM li_t WHERE name LIKE 'xyz\' ORDER BY id;
SELECT id FROM li_t WHERE name LIKE 'ab%' ESCAPE 'xy';
-- parameters: PREPARE/EXECUTE
PREPARE li_p(text) AS SELECT id FROM li_t WHERE name LIKE $1 ORDER BY id;
EXECUTE li_p('abc%');
EXECUTE li_p('ab\%%');
EXECUTE li_p('%');
EXECUTE li_p('');
EXECUTE li_p(NULL);
EXECUTE li_p('_bc');
EXECUTE li_p('日本%');
EXECUTE li_p(E'\U0010FFFF%');
EXECUTE li_p(E'a\U0010FFFF%');
EXECUTE li_p('xyz\');
PREPARE li_q(text, text) AS SELECT id FROM li_t WHERE name LIKE $1 ESCAPE '#' ORDER BY id;
EXECUTE li_q('ab#%%', NULL);
PREPARE li_r AS SELECT id FROM li_t WHERE v LIKE $1 ORDER BY id;
EXECUTE li_r('ab%');
PREPARE li_s(varchar) AS SELECT id FROM li_t WHERE v LIKE $1 ORDER BY id;
EXECUTE li_s('日%');
EXECUTE li_s('it''%');
-- a view and a CHECK keep the LIKE alone
CREATE VIEW li_v AS SELECT id, name FROM li_t WHERE name LIKE 'abc%';
SELECT * FROM li_v ORDER BY id;
SELECT pg_get_viewdef('li_v'::regclass);
-- not the range: NOT LIKE, ILIKE, an expression
SELECT id FROM li_t WHERE name NOT LIKE 'ab%' ORDER BY id;
SELECT id FROM li_t WHERE name ILIKE 'ab%' ORDER BY id;
SELECT id FROM li_t WHERE lower(name) LIKE 'ab%' ORDER BY id;
DROP VIEW li_v;
DROP TABLE li_t;
