-- A timestamptz column whose DEFAULT is now(), CURRENT_TIMESTAMP or transaction_timestamp()
-- takes the transaction's start in every row an INSERT leaves it out of (VALUES, several
-- rows, DEFAULT, DEFAULT VALUES, INSERT ... SELECT, RETURNING, ON CONFLICT), as PostgreSQL
-- evaluates that default; statement_timestamp() stays the statement's own time.
CREATE TABLE pin_now (id bigserial PRIMARY KEY, ch int, created_at timestamptz DEFAULT now(),
	c0 timestamptz(0) DEFAULT CURRENT_TIMESTAMP, c2 timestamptz(2) DEFAULT now(),
	tt timestamptz DEFAULT transaction_timestamp(), st timestamptz DEFAULT statement_timestamp());
CREATE TABLE pin_now_plain (a int PRIMARY KEY, created_at timestamptz DEFAULT now());
SELECT column_name, column_default FROM information_schema.columns
WHERE table_name = 'pin_now' AND column_name IN ('created_at', 'c0', 'c2', 'st')
ORDER BY ordinal_position;

BEGIN;
INSERT INTO pin_now (ch) VALUES (1);
SELECT pg_sleep(0.02);
INSERT INTO pin_now (ch) VALUES (2), (3);
INSERT INTO pin_now DEFAULT VALUES;
INSERT INTO pin_now (ch, created_at) VALUES (5, DEFAULT), (6, '2020-01-01 00:00:00+00');
INSERT INTO pin_now (ch, created_at) VALUES (7, DEFAULT), (8, DEFAULT);
INSERT INTO pin_now (ch) SELECT 9;
INSERT INTO pin_now (ch) SELECT g FROM generate_series(10, 11) g ORDER BY g DESC;
INSERT INTO pin_now (ch) VALUES (12) RETURNING ch, created_at = now() AS txn_time;
INSERT INTO pin_now (ch) SELECT 13 ON CONFLICT DO NOTHING;
SELECT ch, created_at = now() AS created_txn, c0 = now()::timestamptz(0) AS c0_rounded,
	c2 = now()::timestamptz(2) AS c2_rounded, tt = now() AS tt_txn,
	st > now() AS st_later
FROM pin_now WHERE ch IS DISTINCT FROM 1 ORDER BY ch NULLS FIRST;
SELECT count(*) FROM pin_now WHERE created_at = now();
SELECT count(DISTINCT created_at) FROM pin_now;
COMMIT;

-- each transaction its own time; the rows of one statement share it
BEGIN;
INSERT INTO pin_now_plain (a) VALUES (1), (2);
COMMIT;
SELECT pg_sleep(0.02);
BEGIN;
INSERT INTO pin_now_plain VALUES (3);
INSERT INTO pin_now_plain (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET created_at = excluded.created_at;
SELECT a, created_at = now() AS txn_time FROM pin_now_plain ORDER BY a;
COMMIT;
SELECT count(DISTINCT created_at) FROM pin_now_plain;

-- SET c = DEFAULT (UPDATE, ON CONFLICT DO UPDATE) is the transaction's start too
BEGIN;
SELECT pg_sleep(0.02);
UPDATE pin_now_plain SET created_at = DEFAULT WHERE a = 2;
INSERT INTO pin_now_plain (a) VALUES (3) ON CONFLICT (a) DO UPDATE SET created_at = DEFAULT;
SELECT a, created_at = now() AS txn_time FROM pin_now_plain ORDER BY a;
COMMIT;

-- a given value, NULL and an explicit now() are kept as given
INSERT INTO pin_now_plain VALUES (4, NULL), (5, '2001-02-03 04:05:06.789+00');
SELECT a, created_at FROM pin_now_plain WHERE a >= 4 ORDER BY a;

-- a prepared INSERT run in two transactions gives each its own start
PREPARE pin_ins(int) AS INSERT INTO pin_now_plain (a) VALUES ($1) RETURNING created_at = now() AS txn_time;
BEGIN;
EXECUTE pin_ins(6);
SELECT pg_sleep(0.02);
EXECUTE pin_ins(7);
COMMIT;
EXECUTE pin_ins(8);
SELECT count(DISTINCT created_at) FROM pin_now_plain WHERE a IN (6, 7, 8);
DEALLOCATE pin_ins;

DROP TABLE pin_now;
DROP TABLE pin_now_plain;
