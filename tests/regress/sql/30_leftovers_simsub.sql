-- substring(s SIMILAR pattern ESCAPE e) and substring(s FROM pattern FOR e): PostgreSQL's SQL
-- regular expression substring. The escape-double-quote separators split the pattern in
-- three; the first and third parts match as little as they can.
SELECT substring('foobar' SIMILAR '%#"o_b#"%' ESCAPE '#') AS a;
SELECT substring('foobar' SIMILAR '#"o_b#"%' ESCAPE '#') AS b;
SELECT substring('foobar' FROM '%#"o_b#"%' FOR '#') AS c;
SELECT substring('abcdefg' SIMILAR 'a#"%#"g' ESCAPE '#') AS d;
-- non-greedy first part, greedy middle
SELECT substring('abcdebcde' SIMILAR '%#"b%#"%' ESCAPE '#') AS e;
SELECT substring('aaa' SIMILAR '%#"a%#"' ESCAPE '#') AS f;
SELECT substring('abcabc' SIMILAR '%#"%c#"%' ESCAPE '#') AS g;
SELECT substring('xxyyzz' SIMILAR '%#"y*#"%' ESCAPE '#') AS h;
-- one separator: the third part is empty; none: the whole string when it matches
SELECT substring('abcdef' SIMILAR 'ab#"%' ESCAPE '#') AS i;
SELECT substring('abcdef' SIMILAR 'a%f' ESCAPE '#') AS j;
SELECT substring('abcdef' SIMILAR 'b%' ESCAPE '#') AS k;
-- no match: NULL; NULL arguments: NULL
SELECT substring('foobar' SIMILAR '#"x#"%' ESCAPE '#') IS NULL AS l;
SELECT substring(NULL SIMILAR '%' ESCAPE '#') IS NULL AS m, substring('a' SIMILAR NULL ESCAPE '#') IS NULL AS n,
  substring('a' SIMILAR 'a' ESCAPE NULL) IS NULL AS o;
-- alternation and grouping stay inside their part; brackets; an escaped character is itself
SELECT substring('cat dog' SIMILAR '%#"(dog|cat)#" %' ESCAPE '#') AS p;
SELECT substring('a1b22c' SIMILAR '%#"[0-9]+#"%' ESCAPE '#') AS q;
SELECT substring('50% off' SIMILAR '%#"[0-9]+!%#"%' ESCAPE '!') AS r;
SELECT substring('a.b' SIMILAR '%#"._#"' ESCAPE '#') AS s;
SELECT substring('a_b' SIMILAR '%#"#_b#"' ESCAPE '#') AS t;
-- the empty escape: no separators
SELECT substring('abc' SIMILAR 'a%' ESCAPE '') AS u;
-- multibyte text
-- differs: _ matches one byte, not one character (POSIX regex in bytes, as for ~)
SELECT substring('héllo wörld' SIMILAR '%#"w_r#"%' ESCAPE '#') AS v;
-- over a table
CREATE TABLE lss (s text);
INSERT INTO lss VALUES ('key=alpha;'), ('key=beta;'), ('nothing'), (NULL);
SELECT s, substring(s SIMILAR 'key=#"%#";' ESCAPE '#') FROM lss ORDER BY s;
SELECT substring(s FROM '%=#"[a-z]+#"%' FOR '#') FROM lss WHERE s LIKE 'key%' ORDER BY 1;
-- errors: a third separator (2200C), an escape of more than one character (22025)
SELECT substring('abc' SIMILAR 'a#"b#"c#"' ESCAPE '#');
SELECT substring('abc' SIMILAR 'a%' ESCAPE '##');
SELECT substring('abc' FROM 'a' FOR 'xy');
SELECT substring('abc' SIMILAR 'a#"b' ESCAPE '#') IS NULL AS w;
SELECT substring('abc' SIMILAR '#"(a#"' ESCAPE '#');
-- PostgreSQL's own regression cases (strings.sql)
SELECT SUBSTRING('abcdefg' SIMILAR 'a#"(b_d)#"%' ESCAPE '#') AS "bcd";
SELECT SUBSTRING('abcdefg' FROM 'a#"(b_d)#"%' FOR '#') AS "bcd";
SELECT SUBSTRING('abcdefg' SIMILAR '#"(b_d)#"%' ESCAPE '#') IS NULL AS "True";
SELECT SUBSTRING('abcdefg' SIMILAR 'a*#"%#"g*' ESCAPE '#') AS "abcdefg";
SELECT SUBSTRING('abcdefg' SIMILAR 'a|b#"%#"g' ESCAPE '#') AS "bcdef";
SELECT SUBSTRING('abcdefg' SIMILAR 'a#"%#"x|g' ESCAPE '#') AS "bcdef";
SELECT SUBSTRING('abcdefg' SIMILAR 'a#"%|ab#"g' ESCAPE '#') AS "bcdef";
SELECT SUBSTRING('abcdefg' SIMILAR 'a*#"%#"g*#"x' ESCAPE '#') AS "error";
SELECT SUBSTRING('abcdefg' SIMILAR 'a#"%g' ESCAPE '#') AS "bcdefg";
SELECT SUBSTRING('abcdefg' SIMILAR 'a%g' ESCAPE '#') AS "abcdefg";
SELECT SUBSTRING('abcdefg' SIMILAR 'a#"%' ESCAPE '#') AS "bcdefg";
SELECT SUBSTRING('abcdefg' SIMILAR 'a#"%#"' ESCAPE '#') AS "bcdefg";
SELECT SUBSTRING('abcdefg' SIMILAR '%#"#"%' ESCAPE '#') AS "empty";
SELECT SUBSTRING('[ab]c' SIMILAR '#"[[]ab]#"c' ESCAPE '#') AS bracket;
