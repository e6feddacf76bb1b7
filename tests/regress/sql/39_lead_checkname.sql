-- A CHECK violation names its constraint and table also when another constraint has the same
-- expression (two tables' unnamed CHECK (b > a), one table's on two columns) or the same name.
CREATE TABLE ck1 (a int, b int CHECK (b > a));
CREATE TABLE ck2 (a int, b int CHECK (b > a));
-- fields
INSERT INTO ck2 VALUES (2, 1);
-- fields
INSERT INTO ck1 VALUES (2, 1);
INSERT INTO ck1 VALUES (1, 2);
-- fields
UPDATE ck1 SET b = 0;
CREATE TABLE ck3 (a int CHECK (a > 0), b int CHECK (a > 0));
-- fields
INSERT INTO ck3 VALUES (-1, 1);
CREATE TABLE ck4 (price numeric CONSTRAINT positive CHECK (price > 0));
CREATE TABLE ck5 (qty int CONSTRAINT positive CHECK (qty > 0));
-- fields
INSERT INTO ck5 VALUES (0);
-- fields
INSERT INTO ck4 VALUES (0);
-- an INSERT ... SELECT reading one such table and writing the other
INSERT INTO ck2 SELECT * FROM ck1;
-- fields
INSERT INTO ck2 SELECT a, a - 1 FROM ck1;
-- inside a function
CREATE FUNCTION ck_put(x int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ck5 VALUES (x);
END $$;
-- fields
SELECT ck_put(-5);
SELECT * FROM ck1 ORDER BY a;
SELECT * FROM ck2 ORDER BY a;
