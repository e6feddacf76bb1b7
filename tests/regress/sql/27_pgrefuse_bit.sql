-- bit(n) and bit varying(n): stored as the text of their bits (docs/catalog.md). Input and
-- length rules, casts, operators, functions and the catalog's view of the columns.
CREATE TABLE pr_bits (id int, flags bit(4), mask bit varying(6), any_len varbit, one bit);
INSERT INTO pr_bits VALUES (1, '1001', '11', '', '1'), (2, B'0110', X'F', '0000011111', B'0');
INSERT INTO pr_bits VALUES (3, X'3', B'101', B'1', NULL);
INSERT INTO pr_bits VALUES (4, '100', '1', '1', '1');
INSERT INTO pr_bits VALUES (4, B'10011', '1', '1', '1');
INSERT INTO pr_bits VALUES (4, '0000', '1111111', '1', '1');
INSERT INTO pr_bits VALUES (4, '0000', '1', '1', '10');
INSERT INTO pr_bits VALUES (4, '01a0', '1', '1', '1');
INSERT INTO pr_bits VALUES (4, '12', '1', '1', '1');
INSERT INTO pr_bits VALUES (4, 'X1', '1', '1', '1');
INSERT INTO pr_bits VALUES (4, 9, '1', '1', '1');
SELECT * FROM pr_bits ORDER BY id;
SELECT id, flags FROM pr_bits ORDER BY flags DESC;
SELECT id FROM pr_bits ORDER BY mask, id;
SELECT id FROM pr_bits WHERE flags = '0110';
SELECT id FROM pr_bits WHERE flags > B'0011' AND mask <> B'11' ORDER BY id;
SELECT flags = mask, flags < mask, mask >= flags, any_len = '' FROM pr_bits ORDER BY id;
SELECT one, count(*) FROM pr_bits GROUP BY one ORDER BY one;
SELECT attname, format_type(atttypid, atttypmod), atttypmod FROM pg_attribute
 WHERE attrelid = 'pr_bits'::regclass AND attnum > 1 ORDER BY attnum;
SELECT column_name, data_type, character_maximum_length, udt_name FROM information_schema.columns
 WHERE table_name = 'pr_bits' AND ordinal_position > 1 ORDER BY ordinal_position;
SELECT format_type(1560, 7), format_type(1560, NULL), format_type(1562, NULL), format_type(1562, 12);
-- constants and casts
SELECT B'1101', X'A5', B'', pg_typeof(B'1'), pg_typeof(X'1');
SELECT B'102';
SELECT X'0Z';
SELECT 'z1'::varbit;
SELECT B'110011'::bit(3), B'11'::bit(5), B'110011'::varbit(2), B'11'::varbit(5), '0111'::bit(2);
SELECT 'b0110'::bit(4), 'XfF'::varbit, ''::varbit, '101'::text::bit(5), '10101'::varchar::varbit(2);
SELECT 11::bit(6), (-3)::bit(36), 7::bit, 1023::bit(4), (-9)::bigint::bit(68), 12::bigint::bit(3);
SELECT B'1011'::int, X'00ff'::bigint, X'FFFFFFFF'::int, B''::int, B'10'::bit(40)::bigint;
SELECT X'100000000'::int;
SELECT 3::varbit;
SELECT 3::smallint::bit(2);
SELECT B'11'::varbit::int;
SELECT B'101'::numeric;
SELECT flags::text, mask::varchar, text(one) FROM pr_bits ORDER BY id;
-- operators
SELECT ~B'0110', B'1100' & B'0110', B'1100' | B'0110', B'1100' # B'0110';
SELECT B'100111' << 2, B'100111' >> 2, B'100111' << -1, B'100111' >> 9, B'1' << 0;
SELECT B'101' & B'10';
SELECT B'101' | B'1';
SELECT B'101' # B'1101';
SELECT B'01' || B'1', B'' || X'1', B'1' || 'x'::text, pg_typeof(B'01' || B'1');
SELECT B'01' || '11', '11' || B'0', pg_typeof(B'01' || '11');
SELECT B'01' || 'ab';
SELECT pg_typeof(B'1' & B'1'), pg_typeof(~B'1'::varbit), pg_typeof(B'1'::varbit >> 1);
SELECT B'1' + B'1';
SELECT B'1' = 1;
SELECT flags & B'1111', flags # B'1010', ~flags, flags >> 1, mask || one FROM pr_bits ORDER BY id;
-- functions
SELECT length(B'10110'), bit_length(X'ABC'), octet_length(B'100000000'), bit_count(X'F1');
SELECT get_bit(B'0100', 1), get_bit(X'80', 0), set_bit(B'0000', 2, 1), set_bit(B'11'::varbit, 0, 0);
SELECT get_bit(B'0100', 4);
SELECT set_bit(B'0100', -1, 1);
SELECT set_bit(B'0100', 1, 5);
SELECT position(B'10' IN B'0010'), position(B'' IN B'1'), position(B'' IN B''), position(B'11' IN B'1');
SELECT substring(B'0110101' FROM 3 FOR 2), substring(B'0110101' FROM 4), substring(B'0110101' FROM -2 FOR 4),
 substring(B'01' FROM 5), pg_typeof(substring(B'1' FROM 1));
SELECT substring(B'0110' FROM 1 FOR -2);
SELECT overlay(B'000000' PLACING B'11' FROM 3), overlay(B'000000' PLACING B'11' FROM 2 FOR 3),
 overlay(B'0' PLACING B'1' FROM 4);
SELECT overlay(B'0000' PLACING B'1' FROM 0);
SELECT length(mask), get_bit(flags, 3), bit_count(any_len), position(B'1' IN flags) FROM pr_bits ORDER BY id;
SELECT max(flags) FROM pr_bits;
SELECT bit_and(flags), bit_or(flags), bit_xor(flags), bit_or(one), pg_typeof(bit_and(flags)) FROM pr_bits;
SELECT one, bit_xor(mask) FROM pr_bits WHERE id < 3 GROUP BY one ORDER BY one;
SELECT bit_and(x) FROM (VALUES (B'1100'), (B'10')) v(x);
SELECT bit_or(any_len) FROM pr_bits WHERE false;
UPDATE pr_bits SET mask = flags || B'1', any_len = any_len || one WHERE id = 1 RETURNING mask, any_len;
UPDATE pr_bits SET flags = B'111' WHERE id = 1;
UPDATE pr_bits SET flags = mask WHERE id = 1;
UPDATE pr_bits SET flags = B'1111000'::bit(4) WHERE id = 1 RETURNING flags;
PREPARE pr_bitp(bit(3), varbit) AS SELECT $1, $2, $2::varbit(2), $1 || $2;
EXECUTE pr_bitp('101', X'F');
EXECUTE pr_bitp('1011', '1');
PREPARE pr_bitc AS SELECT $1 || B'1', pg_typeof($1 || B'1');
EXECUTE pr_bitc('10');
DEALLOCATE pr_bitc;
DEALLOCATE pr_bitp;
PREPARE pr_bitq(bit(3)) AS INSERT INTO pr_bits (id, flags) VALUES (9, $1);
EXECUTE pr_bitq(B'101');
EXECUTE pr_bitq(B'1010');
DEALLOCATE pr_bitq;
-- defaults and ALTER COLUMN TYPE
CREATE TABLE pr_bitdef (id int, d1 bit(3) DEFAULT '110', d2 varbit(4) DEFAULT '1010', d3 bit varying DEFAULT '1');
INSERT INTO pr_bitdef (id) VALUES (1);
INSERT INTO pr_bitdef VALUES (2, B'001', B'1', B'');
SELECT * FROM pr_bitdef ORDER BY id;
SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'pr_bitdef'::regclass ORDER BY adnum;
ALTER TABLE pr_bitdef ADD COLUMN d4 bit(2) DEFAULT B'10';
ALTER TABLE pr_bitdef ALTER COLUMN d2 TYPE bit(4);
ALTER TABLE pr_bitdef ALTER COLUMN d1 TYPE varbit(2);
ALTER TABLE pr_bitdef ALTER COLUMN d1 TYPE varbit(5);
ALTER TABLE pr_bitdef ALTER COLUMN id TYPE bit(3);
ALTER TABLE pr_bitdef ALTER COLUMN id TYPE bit(3) USING id::bit(3);
SELECT * FROM pr_bitdef ORDER BY id;
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute
 WHERE attrelid = 'pr_bitdef'::regclass AND attnum > 0 ORDER BY attnum;
SELECT format_type(1560, -1), format_type(1561, -1), format_type(1561, 4);
DROP TABLE pr_bitdef;
-- arrays of bit strings
CREATE TABLE pr_bitarr (id int, a bit(2)[], v varbit[]);
INSERT INTO pr_bitarr VALUES (1, '{10,01}', '{1,X1,""}'), (2, ARRAY[B'11'], ARRAY[B'1', B'']);
SELECT id, a, v, a[2], v[2], pg_typeof(v[1]), array_length(v, 1) FROM pr_bitarr ORDER BY id;
SELECT '{101,X1,""}'::varbit[], pg_typeof('{1}'::varbit[]);
SELECT '{12}'::varbit[];
-- differs: refused (0A000): a string literal cast to an array of a type with a length
SELECT '{101}'::bit(3)[];
INSERT INTO pr_bitarr VALUES (3, '{1}', '{}');
INSERT INTO pr_bitarr VALUES (3, ARRAY[B'1'], NULL);
INSERT INTO pr_bitarr VALUES (3, '{{10,11},{00,01}}', '{101}');
SELECT id, a FROM pr_bitarr ORDER BY id;
DROP TABLE pr_bitarr;
DROP TABLE pr_bits;
