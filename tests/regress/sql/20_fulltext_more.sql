-- Full text search follow-ups. ts_headline: the default parser's headline selection (covers,
-- MinWords/MaxWords/ShortWord, MaxFragments, HighlightAll), its option string, tags and
-- compound tokens, errors. ts_lexize: one token through a dictionary.
CREATE TABLE hl_docs (id int PRIMARY KEY, body text);
INSERT INTO hl_docs VALUES
 (1, 'The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs away into the dark forest, where no dog follows.'),
 (2, 'Search terms may occur many times in a document, requiring ranking of the search results according to their similarity to the query. A headline shows fragments of the document with the search terms highlighted. Functions are provided to compute the relevance of a document with respect to a specific query, so that when many matches exist, the most relevant ones can be shown first.'),
 (3, '<p>Hello <b>world</b> &amp; the well-known foo-bar, see http://example.com/a/b or mail info@example.com about version 1.2.3 and 42 units.</p>'),
 (4, 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron'),
 (5, 'c d x c d x x x c d x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x c d'),
 (6, 'Ünïcode wörds: café, naïve résumé — the fox''s café'),
 (7, ''),
 (8, 'fox');
CREATE TABLE hl_queries (id int PRIMARY KEY, q tsquery);
INSERT INTO hl_queries VALUES
 (1, to_tsquery('english', 'fox')), (2, to_tsquery('english', 'dog & fox')),
 (3, to_tsquery('english', 'search <-> term')), (4, to_tsquery('english', 'query | relevance')),
 (5, to_tsquery('english', 'document & !nothing')), (6, to_tsquery('english', 'omega & alpha')),
 (7, to_tsquery('simple', 'c <-> d')), (8, to_tsquery('simple', 'c & d')),
 (9, to_tsquery('simple', 'world | known | bar | example.com | 42')), (10, to_tsquery('english', 'caf:* | fox')),
 (11, to_tsquery('english', 'nothing')), (12, to_tsquery('english', 'fox:A & dog:B')),
 (13, phraseto_tsquery('english', 'the dog sleeps')), (14, websearch_to_tsquery('english', '"dark forest" or omicron -kappa')),
 (15, to_tsquery('simple', 'x <3> c')), (16, to_tsquery('english', 'fox & fox:*'));
SELECT d.id, q.id, ts_headline('english', d.body, q.q) FROM hl_docs d, hl_queries q ORDER BY 1, 2;
SELECT d.id, q.id, ts_headline('english', d.body, q.q, 'MaxWords=8, MinWords=3, ShortWord=2') FROM hl_docs d, hl_queries q ORDER BY 1, 2;
SELECT d.id, q.id, ts_headline('simple', d.body, q.q, 'MaxFragments=2, MaxWords=6, MinWords=2') FROM hl_docs d, hl_queries q ORDER BY 1, 2;
SELECT d.id, q.id, ts_headline('english', d.body, q.q, 'MaxFragments=3, MaxWords=10, MinWords=1, ShortWord=0, FragmentDelimiter=" // "') FROM hl_docs d, hl_queries q ORDER BY 1, 2;
SELECT d.id, q.id, ts_headline('english', d.body, q.q, 'HighlightAll=true, StartSel=[, StopSel=]') FROM hl_docs d, hl_queries q WHERE d.id IN (1, 3, 6) ORDER BY 1, 2;
SELECT d.id, ts_headline(d.body, to_tsquery('fox')), ts_headline(d.body, 'dog', 'MaxWords=4, MinWords=2') FROM hl_docs d ORDER BY 1;
-- a word matching several operands counts for the first in the query's stored order
SELECT ts_headline('english', 'query running document over runs jumps document search lazy jumps well-known document query brown of well-known over over is well-known dog a, the (x query) query. query fox the fox fox document the is foxes', to_tsquery('simple', '(dog & brown) | brown'), 'MaxFragments=3, MaxWords=12, MinWords=4, ShortWord=1');
SELECT ts_headline('simple', 'b a x x b x x x a b', to_tsquery('simple', '(a & b) | a'), 'MaxFragments=3, MaxWords=3, MinWords=1, ShortWord=0'), ts_headline('simple', 'b a x x b x x x a b', to_tsquery('simple', 'a | (a & b)'), 'MaxFragments=3, MaxWords=3, MinWords=1, ShortWord=0');
SELECT ts_headline('simple', 'b a x x b x x x a b', to_tsquery('simple', 'a:* & a & b:A'), 'MaxWords=4, MinWords=1, ShortWord=0');
-- the option string as PostgreSQL reads a parameter list
SELECT ts_headline('english', 'The fox runs and the dog follows the fox', to_tsquery('fox'), '"StartSel"=''<<'''''', StopSel=">""" MaxWords = 5 ,, MinWords=2');
SELECT ts_headline('english', 'The fox runs', to_tsquery('fox'), E'StartSel=E''\\\\*'', StopSel=''*''');
SELECT ts_headline('english', 'The fox runs', to_tsquery('fox'), 'maxwords=3, minwords=1, highlightall=off, STARTSEL=<em>, stopsel=</em>');
SELECT ts_headline('english', 'The fox runs', to_tsquery('fox'), 'MinWords=5, MaxWords=4, HighlightAll=yes');
SELECT ts_headline('english', 'The fox runs', to_tsquery('fox'), 'MinWords=5, MaxWords=4');
SELECT ts_headline('english', 'The fox runs', to_tsquery('fox'), 'MinWords=0');
SELECT ts_headline('english', 'The fox runs', to_tsquery('fox'), 'ShortWord=-1');
SELECT ts_headline('english', 'The fox runs', to_tsquery('fox'), 'MaxFragments=-1');
SELECT ts_headline('english', 'The fox runs', to_tsquery('fox'), 'Colour=red');
SELECT ts_headline('english', 'The fox runs', to_tsquery('fox'), 'MaxWords=ten');
SELECT ts_headline('english', 'The fox runs', to_tsquery('fox'), 'MaxWords=99999999999');
SELECT ts_headline('english', 'The fox runs', to_tsquery('fox'), 'MaxWords');
SELECT ts_headline('english', 'The fox runs', to_tsquery('fox'), 'StartSel=''<b');
-- argument forms: a regconfig, a text document with an untyped query, NULLs, the ambiguous call
SELECT ts_headline('english'::regconfig, 'the fox', 'fox'), ts_headline('english', 'the fox'::text, 'fox'), ts_headline('the fox', 'fox'::tsquery, 'MaxWords=3, MinWords=1');
SELECT ts_headline(NULL, to_tsquery('fox')) IS NULL, ts_headline('fox', NULL::tsquery) IS NULL, ts_headline('fox', 'fox', NULL) IS NULL;
SELECT ts_headline('english', 'the fox', 'fox');
SELECT ts_headline('no_such_config', 'the fox', to_tsquery('fox'));
-- as Django's SearchHeadline writes it
SELECT id, ts_headline('english', body, plainto_tsquery('english', 'dog fox'), 'StartSel=''<mark>'', StopSel=''</mark>'', MaxWords=12, MinWords=4') AS headline FROM hl_docs WHERE to_tsvector('english', body) @@ plainto_tsquery('english', 'dog fox') ORDER BY id;
DROP TABLE hl_docs, hl_queries;
-- ts_lexize
SELECT ts_lexize('english_stem', 'Stars'), ts_lexize('english_stem', 'the'), ts_lexize('english_stem', 'running'), ts_lexize('simple', 'FooBar'), ts_lexize('simple', 'The');
SELECT ts_lexize('simple', ''), ts_lexize('english_stem', ''), ts_lexize('simple', 'a b'), ts_lexize('simple', 'x,"y"'), ts_lexize('english_stem', 'Ünïcode'), ts_lexize('pg_catalog.english_stem', 'Cats');
SELECT ts_lexize('simple', NULL) IS NULL, ts_lexize(NULL, 'x') IS NULL;
SELECT w, ts_lexize('english_stem', w) FROM (VALUES ('ponies'), ('caresses'), ('agreed'), ('hopping'), ('generously'), ('ours'), ('12345')) v(w) ORDER BY w;
SELECT ts_lexize('no_such_dictionary', 'x');
-- differs: refused (0A000): dictionaries other than simple and english_stem are not built in
SELECT ts_lexize('french_stem', 'chats');
-- ts_token_type and ts_parse: the default parser seen from SQL
SELECT * FROM ts_token_type('default');
SELECT t.tokid, t.alias FROM ts_token_type('pg_catalog.default') AS t WHERE t.tokid < 4 ORDER BY t.tokid;
SELECT count(*) FROM ts_token_type(3722);
SELECT * FROM ts_parse('default', 'The well-known fox, 3.14 at http://example.com/a <b>x</b> me@ex.org -5 1e10 1.2.3 &amp; /usr/bin ü-ö');
SELECT p.tokid, p.token FROM ts_parse('default', 'a b') AS p(tokid, token);
SELECT x.a, x.b FROM ts_parse('default', 'ab-cd') AS x(a, b) ORDER BY x.b;
SELECT count(*) FROM ts_parse('default', '');
SELECT * FROM ts_parse('nosuch', 'a');
SELECT * FROM ts_token_type('nosuch');
-- ts_debug: each token with its dictionaries and lexemes
SELECT * FROM ts_debug('english', 'The well-known Fox''s 3.14 at http://example.com/a <b>x</b> me@ex.org -5 "quoted, word" café');
SELECT * FROM ts_debug('simple', 'The Cats');
SELECT alias, token, lexemes FROM ts_debug('The Stars');
SELECT d.alias, d.lexemes FROM ts_debug('english', 'a b') AS d WHERE d.alias <> 'blank';
SELECT x.a, x.t FROM ts_debug('english', 'Running') AS x(a, d, t);
SELECT * FROM ts_debug('nosuch', 'a');
