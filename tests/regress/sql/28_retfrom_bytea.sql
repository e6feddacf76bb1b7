-- bytea || bytea joins the bytes (byteacat), an untyped literal beside a bytea read as bytea's
-- input; it printed each part's hex (\x78\x79 for \x7879).
SELECT 'x'::bytea || 'y'::bytea AS xy, '\x01'::bytea || '\x0200'::bytea AS b3,
  'a'::bytea || '\x62' AS lit_right, '\x63' || 'a'::bytea AS lit_left, 'x'::bytea || NULL AS n;
SELECT pg_typeof('x'::bytea || 'y'::bytea), length('\x00ff'::bytea || '\x00'::bytea),
  ('x'::bytea || 'y'::bytea)::text, 'x'::bytea || 'y'::text AS as_text;
SELECT ROW('x'::bytea || 'y'::bytea)::text, md5('x'::bytea || 'y'::bytea),
  encode('\x00ff'::bytea || '\x00'::bytea, 'hex'), 'a'::bytea || 'b' || 'c'::bytea AS abc;
CREATE TABLE by_t (id int, b bytea);
INSERT INTO by_t VALUES (1, '\x00'::bytea || '\x01'::bytea), (2, '\xff'::bytea || 'z');
SELECT id, b, length(b), b || b AS twice FROM by_t ORDER BY id;
UPDATE by_t SET b = b || '\x02' WHERE id = 1 RETURNING b;
