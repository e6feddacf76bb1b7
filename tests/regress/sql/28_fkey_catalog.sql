-- A foreign key whose referenced columns are the key's in another order: the catalog finds the
-- key it references as PostgreSQL does (pg_constraint.conindid, referential_constraints'
-- unique_constraint_name, key_column_usage's position_in_unique_constraint).
CREATE TABLE fc_a (x int, y text, z int, PRIMARY KEY (x, y), UNIQUE (z));
CREATE TABLE fc_b (id int PRIMARY KEY, x int, y text, z int REFERENCES fc_a (z) ON UPDATE CASCADE ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE, CONSTRAINT fc_b_xy FOREIGN KEY (y, x) REFERENCES fc_a (y, x) ON UPDATE CASCADE);
CREATE TABLE fc_c (y text, x int, FOREIGN KEY (x, y) REFERENCES fc_a);
SELECT c.conname, i.relname AS index, c.conkey, c.confkey FROM pg_constraint c JOIN pg_class i ON i.oid = c.conindid WHERE c.conrelid IN ('fc_b'::regclass, 'fc_c'::regclass) ORDER BY 1;
SELECT constraint_name, table_name, column_name, ordinal_position, position_in_unique_constraint FROM information_schema.key_column_usage WHERE table_name LIKE 'fc%' ORDER BY 1, 4;
SELECT constraint_name, table_name, column_name FROM information_schema.constraint_column_usage WHERE table_name LIKE 'fc%' ORDER BY 1, 3;
SELECT constraint_name, unique_constraint_name, match_option, update_rule, delete_rule FROM information_schema.referential_constraints WHERE constraint_name LIKE 'fc%' ORDER BY 1;
SELECT constraint_name, is_deferrable, initially_deferred FROM information_schema.table_constraints WHERE table_name LIKE 'fc%' AND constraint_type = 'FOREIGN KEY' ORDER BY 1;
INSERT INTO fc_a VALUES (1, 'a', 10), (2, 'b', 20);
INSERT INTO fc_b VALUES (1, 1, 'a', 10), (2, 2, 'b', 20);
UPDATE fc_a SET y = 'bb' WHERE x = 2;
UPDATE fc_a SET z = 11 WHERE z = 10;
SELECT id, x, y, z FROM fc_b ORDER BY id;
DELETE FROM fc_a WHERE x = 1;
SELECT id, x, y, z FROM fc_b ORDER BY id;
