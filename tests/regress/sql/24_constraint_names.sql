-- A constraint name a table has already: 42710 for ADD CONSTRAINT of a check, key or foreign
-- key (42P07 when a key's name is a relation's), also within one CREATE TABLE; a migration
-- catching duplicate_object relies on it to be run twice.
CREATE TABLE cn_p (id int PRIMARY KEY, code text UNIQUE);
CREATE TABLE cn_c (id int PRIMARY KEY, pid int, q int, CONSTRAINT q_chk CHECK (q > 0));
ALTER TABLE cn_c ADD CONSTRAINT q_chk CHECK (q < 100);
ALTER TABLE cn_c ADD CONSTRAINT cn_c_pkey UNIQUE (pid);
ALTER TABLE cn_c ADD CONSTRAINT cn_p UNIQUE (pid);
ALTER TABLE cn_c ADD CONSTRAINT q_chk UNIQUE (pid);
ALTER TABLE cn_c ADD CONSTRAINT fk1 FOREIGN KEY (pid) REFERENCES cn_p;
ALTER TABLE cn_c ADD CONSTRAINT fk1 FOREIGN KEY (pid) REFERENCES cn_p;
ALTER TABLE cn_c ADD CONSTRAINT q_chk FOREIGN KEY (pid) REFERENCES cn_p;
ALTER TABLE cn_c ADD CONSTRAINT fk1 CHECK (q > 1);
ALTER TABLE cn_c ADD CONSTRAINT u1 UNIQUE (q);
ALTER TABLE cn_c ADD CONSTRAINT u1 UNIQUE (q);
ALTER TABLE cn_c ADD CONSTRAINT u1 CHECK (q > 2);
ALTER TABLE cn_c ADD CHECK (q > 3);
ALTER TABLE cn_c ADD CHECK (q > 4);
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'cn_c'::regclass ORDER BY conname, contype;
DO $$ BEGIN ALTER TABLE cn_c ADD CONSTRAINT q_chk CHECK (q < 50); EXCEPTION WHEN duplicate_object THEN RAISE NOTICE 'there'; END $$;
CREATE TABLE cn_x (a int, CONSTRAINT k CHECK (a > 0), CONSTRAINT k CHECK (a < 9));
CREATE TABLE cn_y (a int CONSTRAINT k CHECK (a > 0), b int CONSTRAINT k CHECK (b > 0));
CREATE TABLE cn_z (a int CONSTRAINT k UNIQUE, b int CONSTRAINT k UNIQUE);
CREATE TABLE cn_z (a int CONSTRAINT k UNIQUE, b int CONSTRAINT k CHECK (b > 0));
CREATE TABLE cn_z (a int CONSTRAINT k UNIQUE, b int CONSTRAINT k2 CHECK (b > 0));
