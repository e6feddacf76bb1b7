-- ORDER BY an array element sorts by the element's type (it sorted as text: -1, 10, 100, 9)
CREATE TABLE arrsort (id int, n numeric[], i int[], f float8[], t text[], d date[]);
INSERT INTO arrsort VALUES (1, '{-1,2}', '{-1,2}', '{-1.5}', '{b}', '{2024-01-01}'), (2, '{10,1}', '{10,1}', '{10}', '{a}', '{1999-12-31}'), (3, '{100,3}', '{100,3}', '{100}', '{B}', '{2024-01-02}'), (4, '{9.5,0}', '{9,0}', '{9.25}', '{A}', NULL), (5, NULL, NULL, NULL, NULL, '{}');
SELECT id, n[1] FROM arrsort ORDER BY n[1];
SELECT id, i[1] FROM arrsort ORDER BY i[1] DESC;
SELECT id FROM arrsort ORDER BY i[1] NULLS FIRST, id;
SELECT id, f[1] FROM arrsort ORDER BY f[1];
SELECT id, t[1] FROM arrsort ORDER BY t[1] COLLATE "C";
SELECT id, d[1] FROM arrsort ORDER BY d[1], id;
SELECT id FROM arrsort ORDER BY i[2], n[2] DESC;
SELECT id, i[1] AS x FROM arrsort ORDER BY i[1] + 0;
SELECT id FROM arrsort a ORDER BY a.i[1];
SELECT id FROM arrsort ORDER BY i[1], i[2] LIMIT 2;
DROP TABLE arrsort;
-- a slice sorts as its array type
CREATE TABLE arrslice (id int, i int[], n numeric[]);
INSERT INTO arrslice VALUES (1, '{-1,5}', '{-1}'), (2, '{10,1}', '{10}'), (3, '{100,2}', '{100}'), (4, '{9,9}', '{9.5}');
SELECT id, i[1:1] FROM arrslice ORDER BY i[1:1];
SELECT id FROM arrslice ORDER BY i[1:2] DESC;
SELECT id FROM arrslice ORDER BY n[1:1], id;
SELECT id FROM arrslice ORDER BY i[:1];
DROP TABLE arrslice;
