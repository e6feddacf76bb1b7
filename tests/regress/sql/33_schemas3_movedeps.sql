-- Tenant-local schemas: what follows a table that ALTER TABLE ... SET SCHEMA moves — its
-- trigger, row-level security and policy, foreign keys either way — and a view chain that
-- ALTER SCHEMA ... RENAME TO does not move yet.
CREATE SCHEMA a;
CREATE SCHEMA b;
CREATE TABLE a.p (id int PRIMARY KEY);
CREATE TABLE a.c (id int PRIMARY KEY, pid int REFERENCES a.p (id));
CREATE FUNCTION trgf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.id := NEW.id * 10; RETURN NEW; END $$;
CREATE TRIGGER tr BEFORE INSERT ON a.c FOR EACH ROW EXECUTE FUNCTION trgf();
ALTER TABLE a.c ENABLE ROW LEVEL SECURITY;
CREATE POLICY pol ON a.c USING (id > 0);
INSERT INTO a.p VALUES (10);
ALTER TABLE a.c SET SCHEMA b;
INSERT INTO b.c VALUES (1, 10) RETURNING *;
INSERT INTO b.c VALUES (2, 99);
SELECT tgname, tgrelid::regclass FROM pg_trigger WHERE tgname = 'tr';
SELECT schemaname, tablename, policyname FROM pg_policies;
SELECT relrowsecurity FROM pg_class WHERE oid = 'b.c'::regclass;
ALTER TABLE a.p SET SCHEMA b;
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'b.c'::regclass AND contype = 'f';
DELETE FROM b.p;
INSERT INTO b.c VALUES (3, 10) RETURNING *;
DROP POLICY pol ON b.c;
DROP TRIGGER tr ON b.c;
CREATE VIEW b.v1 AS SELECT id FROM b.p;
CREATE VIEW b.v2 AS SELECT id FROM b.v1;
-- differs: a view another view names is not moved yet (0A000; nothing changes)
ALTER SCHEMA b RENAME TO z;
