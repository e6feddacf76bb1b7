-- PostgreSQL's LIKE matcher (pgfn_like.c): case, _ over multi-byte characters, % runs,
-- escapes (default backslash, another character, none), errors and NULLs.
SELECT 'abc' LIKE 'ABC' AS cs, 'abc' LIKE 'abc' AS eq, 'ABC' LIKE 'a%' AS cs2, 'abc' ILIKE 'A_C' AS ci;
SELECT 'é' LIKE '_' AS one, 'éé' LIKE '_' AS two, 'aéb' LIKE 'a_b' AS mid, '😀x' LIKE '_x' AS emoji,
  'ü' LIKE '__' AS short, '日本語' LIKE '__語' AS cjk, '日本語' LIKE '%本%' AS cjk2;
SELECT '' LIKE '%' AS e1, '' LIKE '%%' AS e2, '' LIKE '_' AS e3, 'x' LIKE '%%' AS e4,
  'abc' LIKE '%%c' AS e5, 'abc' LIKE 'a%%%' AS e6, 'abc' LIKE '%_%_%_%' AS e7, 'ab' LIKE '%_%_%_%' AS e8;
SELECT 'abcabc' LIKE '%bc' AS r1, 'abcabd' LIKE '%abc%' AS r2, 'aaa' LIKE '%a%a%a%' AS r3,
  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaab' LIKE '%a%a%a%a%a%a%a%a%a%c' AS r4, 'mississippi' LIKE '%iss%ipp%' AS r5;
SELECT 'a%' LIKE 'a\%' AS d1, 'ab' LIKE 'a\%' AS d2, 'a_' LIKE 'a\_' AS d3, 'a\' LIKE 'a\\' AS d4,
  'a%' LIKE 'a%%' ESCAPE '%' AS p1, 'a%x' LIKE 'a%%_' ESCAPE '%' AS p2, 'a\b' LIKE 'a\b' ESCAPE '#' AS bs,
  'a#b' LIKE 'a##b' ESCAPE '#' AS hh, 'a%' LIKE 'aé%' ESCAPE 'é' AS mb;
SELECT 'a\b' LIKE 'a\b' ESCAPE '' AS none1, 'a%b' LIKE 'a\%b' ESCAPE '' AS none2, 'aXb' LIKE 'a_b' ESCAPE '' AS none3;
SELECT 'abc' LIKE 'abc\' AS trailing_at_end_of_text;
SELECT 'abcd' LIKE 'abc\' AS trailing;
SELECT 'xyz' LIKE 'abc\' AS trailing_unreached, '' LIKE '\' AS trailing_empty;
SELECT 'abc' LIKE 'a%\' AS trailing_after_pct;
SELECT 'abcd' LIKE 'abc#' ESCAPE '#' AS trailing_hash;
SELECT 'abcd' LIKE 'abcd_#' ESCAPE '#' AS trailing_hash_unreached;
SELECT 'abc' LIKE 'a%' ESCAPE 'ab' AS long_escape;
SELECT NULL LIKE 'a' AS n1, 'a' LIKE NULL AS n2, 'a' LIKE 'a' ESCAPE NULL AS n3, NULL::text NOT LIKE '%' AS n4;
SELECT 'abc' LIKE ANY (ARRAY['x%', 'a\%', '%c']) AS any1, 'abc' LIKE ALL (ARRAY['a%', '%c']) AS all1,
  'a%' LIKE ANY (ARRAY['a\%']) AS any2, 'ABC' ILIKE ANY (ARRAY['a%']) AS any3;
SELECT 'abc' LIKE ANY (ARRAY['abc\']) AS any_trailing_unreached;
SELECT 'abcd' LIKE ANY (ARRAY['x%', 'abc\']) AS any_trailing;
SELECT '\x61ff'::bytea LIKE '\x61ff'::bytea AS b1, '\x61ff'::bytea LIKE '\x615f'::bytea AS b2,
  '\x61e982'::bytea LIKE '\x615f5f'::bytea AS b3, '\x61'::bytea LIKE '\x25'::bytea AS b4;
SELECT 'a'::char(3) LIKE 'a' AS bp1, 'a'::char(3) LIKE 'a  ' AS bp2, 'a'::varchar(3) LIKE 'a%' AS vc;
SELECT 123::text LIKE '1%' AS num, 'aBc' SIMILAR TO 'a_c' AS sim;
PREPARE lf_q(text, text) AS SELECT $1 LIKE $2 AS m, $1 LIKE $2 ESCAPE '#' AS m2;
EXECUTE lf_q('a_', 'a\_');
EXECUTE lf_q('a_', 'a#_');
DEALLOCATE lf_q;
