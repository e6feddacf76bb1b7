-- ALTER TABLE ... ALTER CONSTRAINT k [NOT] DEFERRABLE [INITIALLY DEFERRED | IMMEDIATE] of a
-- foreign key: the key's clause is rewritten in place; each ALTER sets both properties as
-- PostgreSQL's grammar reads them (INITIALLY DEFERRED alone makes it DEFERRABLE).
CREATE TABLE cd_p (id int PRIMARY KEY, u int UNIQUE, v int CHECK (v > 0), a int, b int, UNIQUE (a, b));
CREATE TABLE cd_c (id int PRIMARY KEY, p int CONSTRAINT cd_p_fk REFERENCES cd_p, q int);
ALTER TABLE cd_c ADD CONSTRAINT cd_q_fk FOREIGN KEY (q) REFERENCES cd_p (u) ON DELETE CASCADE NOT VALID;
INSERT INTO cd_p VALUES (1, 1, 1, 1, 1);
ALTER TABLE cd_c ALTER CONSTRAINT cd_p_fk DEFERRABLE INITIALLY DEFERRED;
SELECT conname, condeferrable, condeferred, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'cd_c'::regclass ORDER BY conname;
BEGIN;
INSERT INTO cd_c VALUES (1, 2, NULL);
INSERT INTO cd_p VALUES (2, 2, 2);
COMMIT;
BEGIN;
INSERT INTO cd_c VALUES (2, 3, NULL);
-- detail
COMMIT;
ALTER TABLE cd_c ALTER CONSTRAINT cd_p_fk DEFERRABLE INITIALLY IMMEDIATE;
SELECT conname, condeferrable, condeferred FROM pg_constraint WHERE conrelid = 'cd_c'::regclass ORDER BY conname;
BEGIN;
-- detail
INSERT INTO cd_c VALUES (2, 3, NULL);
ROLLBACK;
BEGIN;
SET CONSTRAINTS cd_p_fk DEFERRED;
INSERT INTO cd_c VALUES (2, 3, NULL);
INSERT INTO cd_p VALUES (3, 3, 3);
COMMIT;
ALTER TABLE cd_c ALTER CONSTRAINT cd_p_fk NOT DEFERRABLE;
SELECT conname, condeferrable, condeferred FROM pg_constraint WHERE conrelid = 'cd_c'::regclass ORDER BY conname;
BEGIN;
SET CONSTRAINTS cd_p_fk DEFERRED;
ROLLBACK;
-- a NOT VALID key keeps its mark; DEFERRABLE alone is INITIALLY IMMEDIATE
ALTER TABLE cd_c ALTER CONSTRAINT cd_q_fk DEFERRABLE;
SELECT conname, condeferrable, condeferred, convalidated FROM pg_constraint WHERE conrelid = 'cd_c'::regclass ORDER BY conname;
ALTER TABLE cd_c ALTER CONSTRAINT cd_q_fk INITIALLY DEFERRED;
ALTER TABLE cd_c ALTER CONSTRAINT cd_p_fk NOT DEFERRABLE INITIALLY DEFERRED;
SELECT conname, condeferrable, condeferred, convalidated, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'cd_c'::regclass ORDER BY conname;
BEGIN;
INSERT INTO cd_c VALUES (4, 1, 4);
INSERT INTO cd_p VALUES (4, 4, 4);
COMMIT;
-- not deferrable again: checked at once
ALTER TABLE cd_c ALTER CONSTRAINT cd_q_fk NOT DEFERRABLE;
-- detail
UPDATE cd_c SET q = CASE id WHEN 4 THEN 9 ELSE q END;
SELECT id, p, q FROM cd_c ORDER BY id;
SELECT constraint_name, is_deferrable, initially_deferred FROM information_schema.table_constraints WHERE table_name = 'cd_c' AND constraint_type = 'FOREIGN KEY' ORDER BY 1;
-- only foreign keys; PostgreSQL's errors
ALTER TABLE cd_c ALTER CONSTRAINT cd_c_pkey DEFERRABLE;
ALTER TABLE cd_p ALTER CONSTRAINT cd_p_v_check DEFERRABLE;
ALTER TABLE cd_p ALTER CONSTRAINT cd_p_u_key DEFERRABLE;
ALTER TABLE cd_c ALTER CONSTRAINT nosuch DEFERRABLE;
ALTER TABLE nosuch ALTER CONSTRAINT nosuch DEFERRABLE;
ALTER TABLE IF EXISTS nosuch ALTER CONSTRAINT x DEFERRABLE;
ALTER TABLE cd_c ALTER CONSTRAINT cd_p_fk DEFERRABLE, ALTER CONSTRAINT cd_c_pkey DEFERRABLE;
SELECT conname, condeferrable FROM pg_constraint WHERE conrelid = 'cd_c'::regclass ORDER BY conname;
-- column and table keys of other shapes: quoted names, actions, MATCH FULL, clauses after
CREATE TABLE cd_d (id int PRIMARY KEY, p int CONSTRAINT "Cd P" REFERENCES cd_p ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED NOT NULL, a int, b int, CONSTRAINT cd_ab FOREIGN KEY (a, b) REFERENCES cd_p (a, b) MATCH FULL ON DELETE SET NULL, r int REFERENCES cd_p CHECK (r > 0));
ALTER TABLE cd_d ALTER CONSTRAINT "Cd P" NOT DEFERRABLE;
ALTER TABLE cd_d ALTER CONSTRAINT cd_ab DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE cd_d ALTER CONSTRAINT cd_d_r_fkey DEFERRABLE;
SELECT conname, condeferrable, condeferred, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'cd_d'::regclass AND contype = 'f' ORDER BY conname;
BEGIN;
INSERT INTO cd_d VALUES (1, 1, 2, 2, NULL);
INSERT INTO cd_p VALUES (5, 5, 5, 2, 2);
COMMIT;
BEGIN;
-- detail
INSERT INTO cd_d VALUES (3, 5, NULL, NULL, NULL);
ROLLBACK;
-- inside a block, rolled back with it
BEGIN;
ALTER TABLE cd_d ALTER CONSTRAINT cd_d_r_fkey DEFERRABLE INITIALLY DEFERRED;
INSERT INTO cd_d VALUES (3, 1, NULL, NULL, 9);
ROLLBACK;
SELECT conname, condeferrable, condeferred FROM pg_constraint WHERE conrelid = 'cd_d'::regclass AND contype = 'f' ORDER BY conname;
-- renamed, the key is found by its new name
ALTER TABLE cd_d RENAME CONSTRAINT cd_ab TO cd_ab2;
ALTER TABLE cd_d ALTER CONSTRAINT cd_ab2 NOT DEFERRABLE;
SELECT conname, condeferrable, condeferred, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'cd_d'::regclass AND contype = 'f' ORDER BY conname;
SELECT id, p, a, b, r FROM cd_d ORDER BY id;
