-- Found running PostgreSQL's text script against both servers (probecopy): length() of a type
-- without an implicit cast to text is 42883 (it read the value's text), and the HINTs
-- PostgreSQL sends beside || of two non-text operands and format()'s bad conversions.
-- fields
SELECT length(42);
-- fields
SELECT char_length(1.5);
-- fields
SELECT length(true);
-- fields
SELECT length(now()::date);
SELECT length('abc'), length('ab  '::char(4)), length('xy'::varchar(5)), length('\x0102'::bytea);
SELECT length(NULL), length(''), char_length('héllo'), character_length('x'::name);
-- fields
SELECT 3 || 4.0;
-- fields
SELECT format('Hello %x', 20);
-- fields
SELECT format('%1$', 1);
-- fields
SELECT format('%1$1', 1);
-- fields
SELECT format('Hello %s %s', 'World');
-- fields
SELECT format('%0$s', 'Hello');
SELECT format('>>%2$*1$L<<', 10, 'Hello'), format('%s%%', 5);
