-- information_schema._pg_expandarray(a) in FROM, alone or joined to the catalog row whose array
-- it expands (Massive.js reads its sequences at connect with such a join on pg_constraint's
-- conkey): each element x and its position n, an int4 counted from 1.
CREATE TABLE ea (a int, b int, c text, PRIMARY KEY (b, a));
CREATE UNIQUE INDEX ea_c ON ea (c, a);
SELECT c.conname, o.x, o.n, a.attname FROM pg_constraint c JOIN information_schema._pg_expandarray(c.conkey) AS o ON true JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = o.x WHERE c.conrelid = 'ea'::regclass ORDER BY o.n;
SELECT * FROM information_schema._pg_expandarray(ARRAY[10, 20, 30]);
SELECT e.x, e.n FROM information_schema._pg_expandarray('{a,b}'::text[]) e;
SELECT x, n FROM pg_index i, information_schema._pg_expandarray(i.indkey) WHERE i.indrelid = 'ea'::regclass AND NOT i.indisprimary ORDER BY n;
SELECT k.n, k.x FROM pg_constraint c CROSS JOIN LATERAL information_schema._pg_expandarray(c.conkey) k WHERE c.conrelid = 'ea'::regclass ORDER BY 1;
SELECT EXISTS (SELECT 1 FROM pg_class AS c JOIN pg_attribute AS a ON a.attrelid = c.oid JOIN pg_constraint AS pks ON pks.conrelid = c.oid JOIN information_schema._pg_expandarray(pks.conkey) AS ordinals ON ordinals.n = a.attnum WHERE c.relname = 'ea');
SELECT * FROM information_schema._pg_expandarray(NULL::int[]);
SELECT * FROM information_schema._pg_expandarray('{}'::int[]) AS e(v);
DROP TABLE ea;
