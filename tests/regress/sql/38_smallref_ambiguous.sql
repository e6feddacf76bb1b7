-- two FROM items of one name from two schemas stand (PostgreSQL checks only aliases and one
-- relation named twice); naming a column through that name is 42P09, which SQLite took as
-- either relation's column that has it (q.a = 1 ran) or called 42702
CREATE SCHEMA sr_amb;
CREATE TABLE sr_q (id int, a int);
CREATE TABLE sr_amb.sr_q (id int, b int);
INSERT INTO sr_q VALUES (1, 10);
INSERT INTO sr_amb.sr_q VALUES (1, 20);
SELECT count(*) FROM sr_q, sr_amb.sr_q;
-- detail
SELECT sr_q.id FROM sr_q, sr_amb.sr_q;
-- detail
SELECT * FROM sr_q, sr_amb.sr_q WHERE sr_q.a = 10;
-- detail
SELECT sr_q.id FROM sr_q JOIN sr_amb.sr_q ON true;
SELECT x.id, y.b FROM sr_q x, sr_amb.sr_q y;
SELECT sr_q.a FROM sr_q WHERE EXISTS (SELECT 1 FROM sr_amb.sr_q WHERE sr_amb.sr_q.id = 1);
SELECT (SELECT sr_q.b FROM sr_amb.sr_q) FROM sr_q;
-- detail
SELECT 1 FROM sr_q, sr_q;
DROP TABLE sr_amb.sr_q, sr_q;
DROP SCHEMA sr_amb;
