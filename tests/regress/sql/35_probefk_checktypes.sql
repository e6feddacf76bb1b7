-- Probing PostgreSQL's constraints.sql: a CHECK comparing a column of type interval, money,
-- bytea, inet, cidr, time or timetz with a literal compares at the column's type, as
-- PostgreSQL coerces the literal; it compared the stored values with the literal's text, so
-- '23 hours' < '1 day' was refused, and money '5' > '10', bytea '\x00' <> '\x00' and inet
-- '11.1.2.3' << '10.0.0.0/8' were accepted. CREATE TABLE and ALTER TABLE ... ADD CHECK.
CREATE TABLE cka (i interval, t time);
ALTER TABLE cka ADD CHECK (i < '1 day');
ALTER TABLE cka ADD CHECK (t > '09:00');
INSERT INTO cka (i) VALUES ('23 hours');
INSERT INTO cka (i) VALUES ('25 hours');
INSERT INTO cka (t) VALUES ('10:00');
INSERT INTO cka (t) VALUES ('8:00');
SELECT * FROM cka ORDER BY i, t;
CREATE TABLE ckb (i interval CHECK (i < '1 day'), t time CHECK (t > '09:00'), m money CHECK (m > '10'), b bytea CHECK (b <> '\x00'), ip inet CHECK (ip << '10.0.0.0/8'), tz timetz CHECK (tz > '09:00+00'), c cidr CHECK (c <> '10.0.0.0/8'));
INSERT INTO ckb (i) VALUES ('23 hours');
INSERT INTO ckb (i) VALUES ('1 mon');
INSERT INTO ckb (t) VALUES ('10:00');
INSERT INTO ckb (t) VALUES ('8:00');
INSERT INTO ckb (m) VALUES ('20');
INSERT INTO ckb (m) VALUES ('5');
INSERT INTO ckb (b) VALUES ('\x01');
INSERT INTO ckb (b) VALUES ('\x00');
INSERT INTO ckb (ip) VALUES ('10.1.2.3');
INSERT INTO ckb (ip) VALUES ('11.1.2.3');
INSERT INTO ckb (tz) VALUES ('10:00+00');
INSERT INTO ckb (tz) VALUES ('08:00+00');
INSERT INTO ckb (c) VALUES ('10.0.0.0/8');
INSERT INTO ckb (c) VALUES ('10.0.0.0/16');
UPDATE ckb SET m = '1' WHERE m IS NOT NULL;
UPDATE ckb SET i = '2 days' WHERE i IS NOT NULL;
SELECT * FROM ckb ORDER BY i, t, m, b, ip, tz, c;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE pc (m mood CHECK (m <> 'sad'));
INSERT INTO pc VALUES ('ok');
INSERT INTO pc VALUES ('sad');
DROP TABLE cka, ckb, pc;
DROP TYPE mood;
