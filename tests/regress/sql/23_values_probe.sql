-- Values as PostgreSQL 15 prints them (issue 3): timestamptz[] elements in the session's zone.
SET TimeZone = 'Europe/Berlin';
SELECT ARRAY[timestamptz '2024-03-31 00:30:00+00', timestamptz '2024-07-01 12:00:00+00'];
CREATE TABLE vp_ts (id int PRIMARY KEY, at timestamptz, ats timestamptz[]);
INSERT INTO vp_ts VALUES (1, '2024-03-31 00:30:00+00', '{"2024-01-01 10:00:00","2024-06-01 10:00:00+05"}'), (2, '2024-10-27 01:30:00+00', ARRAY[timestamptz '2024-10-27 01:30:00+00', NULL]), (3, NULL, '{}');
SELECT id, ats, ats[1], ats::text, ats::varchar FROM vp_ts ORDER BY id;
SELECT id, array_to_string(ats, ';'), concat(ats), format('%s', ats), array_length(ats, 1) FROM vp_ts ORDER BY id;
SELECT array_agg(at ORDER BY id), array_agg(at ORDER BY id)::text FROM vp_ts;
SELECT ARRAY[tstzrange('2024-01-01 00:00+00', '2024-02-01 00:00+00')], tstzrange('2024-01-01 00:00+00', '2024-02-01 00:00+00');
UPDATE vp_ts SET ats = ats || timestamptz '2024-12-24 18:00:00+01' WHERE id = 1 RETURNING ats;
SET TimeZone = 'America/New_York';
SELECT id, ats FROM vp_ts ORDER BY id;
SET DateStyle = 'SQL, DMY';
SELECT ARRAY[date '2024-01-31'], ARRAY[timestamp '2024-01-31 10:00'], ats FROM vp_ts WHERE id = 1;
RESET DateStyle;
RESET TimeZone;
SELECT id, ats FROM vp_ts ORDER BY id;
DROP TABLE vp_ts;
