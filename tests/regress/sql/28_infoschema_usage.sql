-- information_schema.constraint_table_usage: the table each PRIMARY KEY, UNIQUE or FOREIGN KEY
-- constraint uses (a foreign key's referenced table); no CHECK rows.
CREATE TABLE isu_p (id int PRIMARY KEY, code text UNIQUE, n int CHECK (n > 0));
CREATE TABLE isu_c (id int, p int REFERENCES isu_p, code text, CONSTRAINT isu_c_code_fk FOREIGN KEY (code) REFERENCES isu_p (code), CONSTRAINT isu_c_uq UNIQUE (id, p));
CREATE TABLE isu_self (id int PRIMARY KEY, parent int REFERENCES isu_self (id));
SELECT table_catalog = current_database() AS tc, table_schema, table_name, constraint_catalog = current_database() AS cc, constraint_schema, constraint_name FROM information_schema.constraint_table_usage WHERE table_schema = 'public' ORDER BY table_name, constraint_name;
SELECT * FROM information_schema.constraint_table_usage WHERE constraint_name = 'isu_c_code_fk';
SELECT u.table_name AS referenced, tc.table_name AS referencing, tc.constraint_name FROM information_schema.table_constraints tc JOIN information_schema.constraint_table_usage u USING (constraint_schema, constraint_name) WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public' ORDER BY 1, 2, 3;
DROP TABLE isu_c;
SELECT table_name, constraint_name FROM information_schema.constraint_table_usage WHERE table_schema = 'public' ORDER BY 1, 2;
