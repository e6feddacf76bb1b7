-- bpchar comparisons ignore trailing blanks, also for a bpchar without a length, which keeps
-- them ('a '::bpchar); bpchar's cast to text drops them, so bpchar = text does too.
SELECT 'a'::bpchar = 'a '::bpchar AS eq, 'a '::bpchar = 'a'::bpchar AS eq2,
       'a'::bpchar < 'a  '::bpchar AS lt, 'a  '::bpchar <> 'a'::bpchar AS ne;
SELECT 'a '::bpchar = 'a' AS unknown_rhs, 'a '::bpchar = 'a'::text AS text_rhs,
       'a'::bpchar = 'a '::text AS text_blank, 'a '::bpchar = 'a'::varchar AS varchar_rhs;
SELECT 'ab '::char(4) = 'ab'::bpchar AS n_vs_bpchar, 'ab'::char(4) = 'ab  '::bpchar AS n_vs_bpchar2;
CREATE TABLE b2_ch (id int, c char(4), b bpchar);
INSERT INTO b2_ch VALUES (1, 'ab', 'ab'), (2, 'ab  ', 'ab  '), (3, 'abc', 'abc '), (4, 'x', 'x');
SELECT id FROM b2_ch WHERE c = 'ab ' ORDER BY id;
SELECT id FROM b2_ch WHERE b = 'ab' ORDER BY id;
SELECT id FROM b2_ch WHERE b = 'ab   '::bpchar ORDER BY id;
SELECT id FROM b2_ch WHERE c = b ORDER BY id;
SELECT id FROM b2_ch WHERE c LIKE 'ab%' ORDER BY id;
SELECT c, count(*) FROM b2_ch GROUP BY c ORDER BY c;
SELECT '[' || c || ']' AS c, '[' || b || ']' AS b, length(c), length(b), octet_length(c) FROM b2_ch ORDER BY id;
-- extended
SELECT id FROM b2_ch WHERE b = 'ab'::bpchar ORDER BY id;
DROP TABLE b2_ch;
