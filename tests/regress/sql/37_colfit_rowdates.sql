-- a composite's date and timestamp fields order by their values, as record_cmp does (they
-- ordered by their text: a BC date after 0001-01-01, infinity before 2020)
CREATE TYPE rd_ct AS (d date);
SELECT ROW(date '0044-03-15 BC')::rd_ct < ROW(date '0001-01-01')::rd_ct;
CREATE TABLE rd_t (id int, c rd_ct);
INSERT INTO rd_t VALUES (1, ROW('0001-01-01')), (2, ROW('0044-03-15 BC')), (3, ROW('10000-01-01')), (4, ROW('2020-01-01'));
SELECT id, c FROM rd_t ORDER BY c;
SELECT id FROM rd_t WHERE c < ROW('0001-01-01')::rd_ct ORDER BY id;
CREATE TYPE rd_ct2 AS (a int, t timestamp, d date);
CREATE TABLE rd_t2 (id int, c rd_ct2);
INSERT INTO rd_t2 VALUES (1, ROW(1, '0001-01-01 10:00', 'infinity')), (2, ROW(1, '0044-03-15 10:00 BC', '2020-01-01')), (3, ROW(1, '10000-01-01', '-infinity')), (4, ROW(1, '0044-03-15 10:00 BC', '0044-03-15 BC')), (5, ROW(1, '-infinity', NULL)), (6, ROW(0, 'infinity', NULL));
SELECT id, c FROM rd_t2 ORDER BY c;
SELECT id, c FROM rd_t2 ORDER BY c DESC;
SELECT count(DISTINCT c), max(id) FROM rd_t2 WHERE c > ROW(1, '0001-01-01', NULL)::rd_ct2;
SELECT ROW(1, '0044-03-15 10:00 BC', '2020-01-01')::rd_ct2 = ROW(1, '0044-03-15 10:00 BC', '2020-01-01')::rd_ct2;
