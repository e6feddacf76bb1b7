-- Application SQL probed against PostgreSQL 15 (issue 3: silent wrong results). Each block is a
-- difference found by probing, now answered as PostgreSQL does.
-- A string literal as a condition (WHERE, HAVING, ON, CASE WHEN, AND/OR/NOT) is read as boolean.
SELECT 'f'::bool OR 't', NOT 'f', true AND 'no', 'yes' OR false;
SELECT 1 WHERE 't';
SELECT 1 WHERE 'off';
SELECT 1 WHERE 'maybe';
SELECT 'x' AND true;
SELECT CASE WHEN 'true' THEN 1 ELSE 2 END, CASE WHEN 'f' THEN 1 ELSE 2 END;
CREATE TABLE b (id int, f boolean);
INSERT INTO b VALUES (1, true), (2, false), (3, NULL);
SELECT id, f OR 'f', f AND 'true', NOT f FROM b ORDER BY id;
SELECT id FROM b WHERE f AND 'y' ORDER BY id;
UPDATE b SET id = id + 10 WHERE 'on' AND id = 1 RETURNING id;
DELETE FROM b WHERE 'false' RETURNING id;
SELECT b1.id FROM b b1 JOIN b b2 ON 't' AND b1.id = b2.id ORDER BY 1;
SELECT count(*) FROM b HAVING 't';
DROP TABLE b;
-- to_char's ISO-year, ISO-day, week-of-month, roman month, era, zone-part and fraction patterns.
SET TimeZone = 'Asia/Kolkata';
SELECT to_char(d, 'IYYY IYY IY I IDDD ID W RM rm FMRM Y,YYY AD bc A.D. SSSSS') FROM (VALUES (date '2024-01-01'), (date '2021-01-03'), (date '2024-12-30'), (date '2024-09-09')) v(d);
SELECT to_char(timestamptz '2024-03-10 12:34:56.789123+00', 'TZH:TZM FF1 FF3 FF6 TZ OF'), to_char(timestamp '2024-03-10 12:34:56.789123', 'FF2 FF4 FF5 SSSSS');
SELECT to_char(date '2024-02-29', 'IYYYth IWth FMIDth');
RESET TimeZone;
