-- bytea_output = escape (Qt's QPSQL driver sets it on every connection it opens): bytea
-- values print in PostgreSQL's escape format — printable ASCII as is, a backslash doubled,
-- other bytes as \ooo — in result columns, casts to text and arrays (COPY: clients_pqxx); hex again after
-- RESET. Input reads both formats whatever the setting.
CREATE TABLE mc_bo (id int PRIMARY KEY, b bytea, bs bytea[]);
INSERT INTO mc_bo VALUES (1, '\x00017f80ff5c2741207a', ARRAY['\x5c00'::bytea, 'ab'::bytea, NULL]),
  (2, '', '{}'), (3, NULL, NULL), (4, 'plain text', ARRAY['\x'::bytea]),
  (5, E'\\001\\\\x\\377'::bytea, ARRAY[E'q\\000"'::bytea]);
SHOW bytea_output;
SELECT id, b, bs FROM mc_bo ORDER BY id;
SET bytea_output = escape;
SHOW bytea_output;
SELECT id, b, bs FROM mc_bo ORDER BY id;
SELECT id, b::text, length(b::text), bs::text FROM mc_bo ORDER BY id;
SELECT '\x41420a'::bytea, E'\\101\\102'::bytea, 'A\\B'::bytea, decode('00ff', 'hex');
SELECT b, encode(b, 'hex'), encode(b, 'escape') FROM mc_bo WHERE id = 1;
SELECT 'x' || b FROM mc_bo WHERE id = 4;
SELECT b = '\x00017f80ff5c2741207a' FROM mc_bo WHERE id = 1;
SELECT current_setting('bytea_output');
BEGIN;
SET LOCAL bytea_output = 'hex';
SELECT b FROM mc_bo WHERE id = 1;
ROLLBACK;
SELECT b FROM mc_bo WHERE id = 1;
SET bytea_output = 'HEX';
SHOW bytea_output;
SELECT b FROM mc_bo WHERE id = 1;
SET bytea_output = 'Escape';
SHOW bytea_output;
RESET bytea_output;
SELECT b FROM mc_bo WHERE id = 1;
SET bytea_output = base64;
SET bytea_output = '';
DROP TABLE mc_bo;
