-- money: PostgreSQL 15's type with lc_monetary C, stored as its integer of cents
-- (docs/sql-compat.md "money"). Input forms, output, casts, operators, aggregates, arrays.
SHOW lc_monetary;
CREATE TABLE mo_acct (id int PRIMARY KEY, bal money, fee money DEFAULT '$0.75', tag text);
INSERT INTO mo_acct VALUES (1, '$1,234.56', '1', 'a'), (2, '-42.5', DEFAULT, 'b');
INSERT INTO mo_acct VALUES (3, '(19.99)', 2, 'c'), (4, 300, 0.125, 'd'), (5, NULL, NULL, 'e');
INSERT INTO mo_acct VALUES (6, 12.345, 7::int8, 'f');
INSERT INTO mo_acct VALUES (7, 'ten', 0, 'g');
INSERT INTO mo_acct VALUES (7, '92233720368547758.08', 0, 'g');
INSERT INTO mo_acct VALUES (7, 1.5::float8, 0, 'g');
INSERT INTO mo_acct VALUES (7, 'x'::text, 0, 'g');
INSERT INTO mo_acct VALUES (7, 2::int2, 0, 'g');
SELECT * FROM mo_acct ORDER BY id;
SELECT id, bal FROM mo_acct ORDER BY bal DESC NULLS LAST, id;
SELECT id FROM mo_acct WHERE bal > '$100' ORDER BY id;
SELECT id FROM mo_acct WHERE '$0' > bal ORDER BY id;
SELECT id FROM mo_acct WHERE bal BETWEEN '-50' AND 300::money ORDER BY id;
SELECT id FROM mo_acct WHERE fee IN ('0.75', '$2.00') ORDER BY id;
SELECT attname, format_type(atttypid, atttypmod), atttypid FROM pg_attribute
 WHERE attrelid = 'mo_acct'::regclass AND attname IN ('bal', 'fee') ORDER BY attnum;
SELECT column_name, data_type, udt_name FROM information_schema.columns
 WHERE table_name = 'mo_acct' AND column_name = 'bal';
SELECT typname, typlen, typbyval, typcategory, typarray::regtype, format_type(oid, NULL)
 FROM pg_type WHERE oid = 'money'::regtype;
SELECT typname, typalign, typstorage, typinput, typsend FROM pg_type
 WHERE typname IN ('money', '_money', '_int8', '_text') ORDER BY 1;
-- input forms and their rounding (one more digit rounds half away from zero)
SELECT '$7,654.32'::money, ' $ 5 '::money, '5-'::money, '$-5'::money, '1,2,3'::money;
SELECT '0.004'::money, '0.005'::money, '-0.005'::money, '.7'::money, ''::money;
SELECT '92233720368547758.07'::money, '-92233720368547758.08'::money;
SELECT '-92233720368547758.09'::money;
SELECT '5e1'::money;
SELECT '1.2.3'::money;
SELECT '$'::money, '( 4 )'::money;
-- arithmetic
SELECT bal + fee, bal - fee, bal - '1', '1' + bal FROM mo_acct WHERE id = 1;
SELECT bal * 3, 3 * bal, bal * 2::int2, bal * 2::int8, bal / 4, bal / 4::int8 FROM mo_acct WHERE id = 1;
SELECT bal * 1.5, 0.5 * bal, bal * 1.115::float8, bal / 3::float4, bal / 0.7 FROM mo_acct WHERE id = 1;
SELECT bal / fee, pg_typeof(bal / fee) FROM mo_acct WHERE id = 3;
SELECT '10'::money / 3, '-10'::money / 3, '-10'::money / 3.0;
SELECT '92233720368547758.07'::money + '0.01';
SELECT '-92233720368547758.08'::money - '0.01';
SELECT '92233720368547758.07'::money * 2;
SELECT '92233720368547758.07'::money * 1.5;
SELECT '1'::money * 'NaN'::float8;
SELECT '1'::money / 0;
SELECT '1'::money / 0.0;
SELECT '1'::money / '0'::money;
SELECT '-92233720368547758.08'::money / -1;
SELECT '1'::money + 1;
SELECT '1'::money = 1;
SELECT '1'::money * '2'::money;
SELECT -'1'::money;
SELECT abs('1'::money);
SELECT '1'::money % 2;
-- casts
SELECT '12.34'::money::numeric, pg_typeof('1'::money::numeric), '-0.05'::money::numeric;
SELECT '92233720368547758.07'::money::numeric, '-92233720368547758.08'::money::numeric;
SELECT 12.345::numeric::money, (-2.675)::numeric::money, 1.005::money, 7::money, 7::int8::money;
SELECT 2147483647::money, 92233720368547758::int8::money;
SELECT 92233720368547759::int8::money;
SELECT 92233720368547758.08::numeric::money;
SELECT 'NaN'::numeric::money;
SELECT '1.5'::money::text, '2'::money::varchar(10), '3'::money::char(4), ('4'::money)::text || '!';
SELECT '$3.50'::text::money, ' 9 '::varchar::money;
SELECT 'nine'::text::money;
SELECT 1.5::float8::money;
SELECT '1'::money::int4;
SELECT '1'::money::float8;
SELECT 1::int2::money;
SELECT concat('a', '5'::money), format('%s', '6'::money), to_json('7'::money);
-- aggregates and functions
SELECT sum(bal), min(bal), max(bal), count(bal), sum(fee) FROM mo_acct;
SELECT tag, sum(bal) FROM mo_acct GROUP BY tag HAVING sum(bal) > '0' ORDER BY tag;
SELECT id, sum(fee) OVER (ORDER BY id) FROM mo_acct ORDER BY id;
SELECT id, sum(bal) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM mo_acct ORDER BY id;
SELECT id, sum(bal) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING) FROM mo_acct ORDER BY id;
SELECT sum(x) FROM (VALUES ('92233720368547758.07'::money), ('0.01')) v(x);
SELECT avg(bal) FROM mo_acct;
SELECT cash_words(bal) FROM mo_acct WHERE id IN (1, 2) ORDER BY id;
SELECT cash_words('0.01'), cash_words('110'), cash_words('1000000.00'), cash_words(NULL);
SELECT cash_words('-92233720368547758.08'::money);
SELECT cashlarger(bal, '$100'), cashsmaller(bal, '$100') FROM mo_acct WHERE id = 1;
SELECT greatest('1'::money, '2', '0.5'), least('1'::money, '2'), coalesce(NULL::money, '3');
SELECT CASE WHEN true THEN '1'::money ELSE '2' END;
UPDATE mo_acct SET bal = bal + '0.01', fee = fee * 2 WHERE id = 4;
SELECT bal, fee FROM mo_acct WHERE id = 4;
UPDATE mo_acct SET bal = bal * 1e20 WHERE id = 4;
-- arrays of money
SELECT '{1,$2.50,(3)}'::money[], ARRAY['1'::money, '2'], ARRAY[fee, bal] FROM mo_acct WHERE id = 1;
SELECT array_agg(fee ORDER BY id) FROM mo_acct WHERE id < 4;
CREATE TABLE mo_purse (id int, ms money[]);
INSERT INTO mo_purse VALUES (1, '{1,$2.50,(3)}'), (2, ARRAY['4'::money]);
UPDATE mo_purse SET ms[2] = '7.25' WHERE id = 1;
SELECT ms, ms[1] + '1', ms[2] * 2, array_append(ms, 5::money) FROM mo_purse ORDER BY id;
SELECT '7.25'::money = ANY(ms), '8'::money = ANY(ms) FROM mo_purse ORDER BY id;
SELECT x + '1' FROM (SELECT unnest(ms) FROM mo_purse WHERE id = 1) v(x) ORDER BY 1;
SELECT u FROM unnest('{5,1,-2}'::money[]) u WHERE u > '0' ORDER BY u;
-- differs: unnest() of a money[] column beside another FROM item is refused (0A000)
SELECT x FROM mo_purse, unnest(ms) x WHERE x > '0' ORDER BY x;
-- parameters: a money parameter is read by cash_in
-- extended
SELECT '$2.25'::money + '1';
PREPARE mo_p(money) AS SELECT $1 + '1', $1 * 2;
EXECUTE mo_p('3.10');
EXECUTE mo_p('$1,000');
-- lc_monetary: C's facts only
SET lc_monetary = 'C';
SET lc_monetary = 'POSIX';
SET lc_monetary = 'no_such_locale';
-- defaults and ALTER COLUMN TYPE
CREATE TABLE mo_def (id int, a money DEFAULT 5, b money DEFAULT 2.345, c money DEFAULT '$1,000', e money DEFAULT -3);
INSERT INTO mo_def (id) VALUES (1);
SELECT * FROM mo_def;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'mo_def'::regclass AND adnum = 4;
-- differs: a numeric constant DEFAULT of a money column is shown as the money literal it stores
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'mo_def'::regclass AND adnum = 2;
ALTER TABLE mo_def ALTER COLUMN id TYPE money;
ALTER TABLE mo_def ALTER COLUMN a TYPE numeric;
ALTER TABLE mo_def ALTER COLUMN b TYPE text;
ALTER TABLE mo_def ALTER COLUMN c TYPE int;
ALTER TABLE mo_def ALTER COLUMN c SET DEFAULT 7;
INSERT INTO mo_def (id) VALUES (2);
SELECT id, b, c, e FROM mo_def WHERE id = '$1' ORDER BY id;
SELECT id, c, e FROM mo_def ORDER BY id;
-- differs: a numeric column without a scale keeps none: money's 5.00 converted by ALTER COLUMN TYPE numeric shows as 5
SELECT a FROM mo_def ORDER BY id;
SELECT a * 2 = 0.1 FROM mo_def WHERE id = '$1';
DROP TABLE mo_def;
ALTER TABLE mo_acct ADD COLUMN extra money NOT NULL DEFAULT 0;
SELECT extra FROM mo_acct WHERE id = 1;
DROP TABLE mo_purse;
DROP TABLE mo_acct;
