-- MERGE's source is analyzed without the target: a subquery naming it is 42P01
CREATE TABLE tgt (id int, v int);
CREATE TABLE src (id int, v int);
INSERT INTO tgt VALUES (1, 1);
INSERT INTO src VALUES (1, 5), (2, 6);
-- fields
MERGE INTO tgt t USING (SELECT * FROM src WHERE src.id = t.id) s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v;
-- fields
MERGE INTO tgt t USING (SELECT t.id FROM src) s ON t.id = s.id WHEN MATCHED THEN DO NOTHING;
-- fields
MERGE INTO tgt USING (SELECT * FROM src WHERE src.id = tgt.id) s ON tgt.id = s.id WHEN MATCHED THEN DO NOTHING;
-- the subquery's own relation of that name is its own
MERGE INTO tgt t USING (SELECT t.id, t.v FROM src t) s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v;
MERGE INTO tgt t USING (WITH t AS (SELECT 2 AS id) SELECT t.id FROM t) s ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, 0);
-- the ON condition's subquery sees the target
MERGE INTO tgt t USING src s ON t.id = s.id AND s.v > (SELECT min(v) FROM src WHERE src.id = t.id) - 10 WHEN MATCHED THEN UPDATE SET v = s.v + 1;
SELECT * FROM tgt ORDER BY id;
