-- FETCH 0 (FETCH RELATIVE 0) reads the current row again: on a NO SCROLL cursor it is refused
-- only when the cursor sits on a row (reading it again steps back), and MOVE 0 never moves
-- (MOVE 1 on a row, MOVE 0 off one). libpqxx's icursorstream sends FETCH 0 to the NO SCROLL
-- cursor it has just declared.
CREATE TABLE mc_f0 (id int PRIMARY KEY, name text);
INSERT INTO mc_f0 VALUES (1, 'a'), (2, 'b'), (3, 'c');
BEGIN;
DECLARE mc_c NO SCROLL CURSOR FOR SELECT id, name FROM mc_f0 ORDER BY id FOR READ ONLY;
FETCH 0 IN mc_c;
MOVE 0 IN mc_c;
FETCH RELATIVE 0 IN mc_c;
FETCH 2 IN mc_c;
MOVE 0 IN mc_c;
MOVE RELATIVE 0 IN mc_c;
FETCH 0 IN mc_c;
ROLLBACK;
BEGIN;
DECLARE mc_c NO SCROLL CURSOR FOR SELECT id FROM mc_f0 ORDER BY id;
FETCH ALL IN mc_c;
FETCH 0 IN mc_c;
MOVE 0 IN mc_c;
FETCH 1 IN mc_c;
COMMIT;
BEGIN;
DECLARE mc_s SCROLL CURSOR FOR SELECT id, name FROM mc_f0 ORDER BY id;
FETCH 0 FROM mc_s;
MOVE 0 FROM mc_s;
FETCH 2 FROM mc_s;
FETCH 0 FROM mc_s;
MOVE 0 FROM mc_s;
FETCH RELATIVE 0 FROM mc_s;
FETCH NEXT FROM mc_s;
FETCH NEXT FROM mc_s;
FETCH 0 FROM mc_s;
MOVE 0 FROM mc_s;
COMMIT;
BEGIN;
DECLARE mc_h NO SCROLL CURSOR WITH HOLD FOR SELECT id FROM mc_f0 ORDER BY id;
COMMIT;
FETCH 0 FROM mc_h;
FETCH 1 FROM mc_h;
MOVE 0 FROM mc_h;
FETCH 0 FROM mc_h;
CLOSE mc_h;
DROP TABLE mc_f0;
