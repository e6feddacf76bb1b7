-- silent4: xid and json have no ordering operator, json no equality: ORDER BY, a window's
-- ORDER BY and count(DISTINCT) of them are PostgreSQL's 42883, and so is json = json
-- (they sorted and compared their texts); GROUP BY and DISTINCT of xid stay (hashed there).
-- An operand of AND/OR/NOT of a number or string type is 42804, text = boolean 42883.
CREATE TABLE s4xo (x xid, y int, j json);
INSERT INTO s4xo VALUES ('7', 1, '{"a":1}'), ('8', 2, '[]'), ('7', 3, '{"a":1}');
SELECT x FROM s4xo ORDER BY x;
SELECT y FROM s4xo ORDER BY x DESC, y;
SELECT row_number() OVER (ORDER BY x) FROM s4xo;
SELECT count(DISTINCT x) FROM s4xo;
SELECT x, count(*) FROM s4xo GROUP BY x ORDER BY count(*), min(y);
SELECT count(*) FROM (SELECT DISTINCT x FROM s4xo) d;
SELECT y FROM s4xo ORDER BY j;
SELECT count(DISTINCT j) FROM s4xo;
SELECT j = j FROM s4xo;
SELECT y FROM s4xo WHERE j = '{"a":1}';
SELECT y FROM s4xo WHERE j <> '[]'::json;
SELECT y FROM s4xo WHERE j::text = '[]' ORDER BY y;
SELECT y FROM s4xo WHERE j::jsonb = '{"a":1}' ORDER BY y;
SELECT y FROM s4xo ORDER BY j::text, y;
SELECT min(x) FROM s4xo;
SELECT true AND 1;
SELECT 1 OR false;
SELECT NOT 'x'::text;
SELECT y FROM s4xo WHERE y > 1 AND y::text = '2';
SELECT y FROM s4xo WHERE NOT (y > 1) OR y = 3 ORDER BY y;
SELECT true AND 't', NOT 'f', NULL AND true;
SELECT 'abc'::text = true;
SELECT true <> 'x'::varchar;
SELECT 't'::text::boolean = true, 'true' = true;
