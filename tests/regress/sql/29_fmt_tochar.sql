-- to_char number templates: V, SG, PL, L (lc_monetary C), text and blanks copied where they
-- stand, separators after the decimal point; numeric, float8 and integer arguments
CREATE TABLE fmt_tc (id int, n numeric, f float8, i int);
INSERT INTO fmt_tc VALUES (1, 12.4, 12.4, 12), (2, -12.45, -12.45, -12), (3, 0, 0, 0), (4, 0.5, 0.5, 1),
  (5, -0.4, -0.4, -1), (6, 1234.567, 1234.567, 1234), (7, -98765.4321, -98765.4321, -98765), (8, NULL, NULL, NULL);
SELECT id, to_char(n, '99V9') AS a, to_char(f, '99V9') AS b, to_char(i, '9V99') AS c, to_char(n, 'FM9G999V99') AS d FROM fmt_tc ORDER BY id;
SELECT id, to_char(n, 'SG9999') AS a, to_char(f, '9999SG') AS b, to_char(i, 'FMSG9999') AS c FROM fmt_tc ORDER BY id;
SELECT id, to_char(n, 'PL9999') AS a, to_char(f, '9999PL') AS b, to_char(i, 'FMPL9999') AS c, to_char(n, 'PL9999MI') AS d FROM fmt_tc ORDER BY id;
SELECT id, to_char(n, 'L99999.99') AS a, to_char(f, 'FML9999') AS b, to_char(i, '99999L') AS c FROM fmt_tc ORDER BY id;
SELECT id, to_char(n, '"Total:"99999.9') AS a, to_char(f, '99999" kg"') AS b, to_char(i, '9"x"9999') AS c, to_char(n, 'FM"("9999")"') AS d FROM fmt_tc ORDER BY id;
SELECT id, to_char(n, '9 999 999.99') AS a, to_char(f, '9.9,99') AS b, to_char(n, '99999.9G99') AS c, to_char(i, 'FM9 999') AS d FROM fmt_tc ORDER BY id;
SELECT id, to_char(n, '$99,999.99') AS a, to_char(f, '99.99%') AS b, to_char(i, '#9999') AS c, to_char(n, 'FM9.999x') AS d FROM fmt_tc ORDER BY id;
SELECT to_char(12, '\"999') AS a, to_char(12, '"a\"b"999') AS b, to_char(-0.4::float8, '9') AS c, to_char(-0.4::numeric, '9') AS d;
SELECT id, to_char(n, '9999MI9999') AS a, to_char(f, '99SG99999') AS b, to_char(i, 'FM99MI999') AS c, to_char(n, '99999.9MI') AS d FROM fmt_tc ORDER BY id;
SELECT id, to_char(f * 1e9, '99999999999999.999999') AS a, to_char(f::float4, '99999.99999') AS b, to_char(f, 'FM9999.99999999999999999') AS c FROM fmt_tc ORDER BY id;
SELECT id, to_char(i, '99999th') AS a, to_char(n, '99999.9th') AS b, to_char(i, 'FM99999THPR') AS c FROM fmt_tc ORDER BY id;
-- differs: V with a decimal point is 42601 in PostgreSQL, 0A000 here
SELECT to_char(1.5, '9.9V9');
DROP TABLE fmt_tc;
