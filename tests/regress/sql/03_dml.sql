-- DML: INSERT/UPDATE/DELETE with RETURNING, ON CONFLICT, UPDATE FROM, DELETE USING.
CREATE TABLE acct (id integer PRIMARY KEY, owner text NOT NULL, balance integer NOT NULL DEFAULT 0, tag text UNIQUE);
CREATE TABLE moves (id serial PRIMARY KEY, acct_id integer REFERENCES acct (id), delta integer);
INSERT INTO acct VALUES (1, 'ann', 100, 'a');
INSERT INTO acct VALUES (2, 'bob', 50, 'b'), (3, 'cy', 0, NULL);
INSERT INTO acct (id, owner) VALUES (4, 'dee') RETURNING id, owner, balance;
INSERT INTO acct (id, owner) VALUES (5, 'eve') RETURNING *;
INSERT INTO acct (id, owner, balance) SELECT id + 10, owner || '2', balance * 2 FROM acct WHERE id <= 2;
SELECT * FROM acct ORDER BY id;
INSERT INTO acct VALUES (1, 'dup', 0, NULL);
INSERT INTO acct VALUES (1, 'dup', 0, NULL) ON CONFLICT DO NOTHING;
INSERT INTO acct VALUES (1, 'dup', 0, NULL) ON CONFLICT (id) DO NOTHING RETURNING id;
INSERT INTO acct VALUES (1, 'ann', 7, 'a') ON CONFLICT (id) DO UPDATE SET balance = acct.balance + EXCLUDED.balance;
SELECT balance FROM acct WHERE id = 1;
INSERT INTO acct VALUES (2, 'bob', 5, 'b') ON CONFLICT (id) DO UPDATE SET balance = EXCLUDED.balance WHERE acct.balance > 1000;
SELECT balance FROM acct WHERE id = 2;
INSERT INTO acct VALUES (6, 'fay', 1, 'a') ON CONFLICT (tag) DO UPDATE SET owner = EXCLUDED.owner RETURNING id, owner;
UPDATE acct SET balance = balance + 1 WHERE id = 3;
UPDATE acct SET balance = balance + 1 WHERE id = 999;
UPDATE acct SET balance = 0;
UPDATE acct SET balance = 10, tag = 'c' WHERE id = 3 RETURNING id, balance, tag;
UPDATE acct SET tag = 'b' WHERE id = 3;
UPDATE acct SET owner = NULL WHERE id = 3;
INSERT INTO moves (acct_id, delta) VALUES (1, 5), (1, -2), (2, 7), (3, 1);
UPDATE acct a SET balance = a.balance + m.delta FROM moves m WHERE m.acct_id = a.id AND m.delta > 0 AND a.id <> 1;
SELECT id, balance FROM acct ORDER BY id;
UPDATE acct SET balance = s.total FROM (SELECT acct_id, sum(delta) AS total FROM moves GROUP BY acct_id) s WHERE s.acct_id = acct.id RETURNING acct.id, acct.balance;
DELETE FROM moves m USING acct a WHERE a.id = m.acct_id AND a.owner = 'bob';
SELECT acct_id, delta FROM moves ORDER BY id;
DELETE FROM moves WHERE delta < 0 RETURNING acct_id, delta;
DELETE FROM moves WHERE id = 999;
DELETE FROM acct WHERE id = 1;
DELETE FROM moves;
DELETE FROM acct WHERE id > 10 RETURNING owner;
SELECT count(*) FROM acct;
-- differs: result type differs: type: id oid 23 vs 20
INSERT INTO moves (acct_id, delta) VALUES (2, 1) RETURNING id, acct_id;
INSERT INTO moves (id, acct_id, delta) VALUES (100, 2, 1);
-- differs: result type differs: type: id oid 23 vs 20; value: [6] vs [101]
INSERT INTO moves (acct_id, delta) VALUES (2, 2) RETURNING id;
INSERT INTO acct (id, owner) VALUES (20, 'x'), (21, 'y'), (22, 'z');
UPDATE acct SET balance = id * 10 WHERE id >= 20;
SELECT sum(balance) FROM acct WHERE id >= 20;
INSERT INTO acct (id, owner) VALUES (30, 'o''neil') RETURNING owner;
SELECT owner FROM acct WHERE owner LIKE 'o%';
INSERT INTO acct (id, owner) VALUES ('31', 'str id');
SELECT id, owner FROM acct WHERE id = 31;
INSERT INTO acct (id, owner) VALUES ('x', 'bad id');
INSERT INTO acct (id, owner, balance) VALUES (32, 'big', 3000000000);
-- differs: not implemented yet (0A000): a data-modifying statement in WITH is not supported
WITH moved AS (DELETE FROM acct WHERE id = 32 RETURNING id) SELECT count(*) FROM moved;
-- differs: not implemented yet (0A000): a data-modifying statement in WITH is not supported
WITH ins AS (INSERT INTO acct (id, owner) VALUES (40, 'cte') RETURNING id) SELECT id FROM ins;
