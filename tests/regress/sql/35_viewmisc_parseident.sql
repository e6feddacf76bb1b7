-- parse_ident(str [, strict]): a qualified identifier's names as text[], as PostgreSQL's
-- varlena.c reads them (h/viewmisc)
SELECT parse_ident('Schemax.Tabley');
SELECT parse_ident('"SchemaX"."TableY"');
SELECT parse_ident('foo.boo[]');
SELECT parse_ident('foo.boo[]', strict => false);
SELECT parse_ident('foo.boo[]', false);
SELECT parse_ident(' first . "  second  " ."   third   ". "  ' || repeat('x', 66) || '"');
SELECT parse_ident(E'"c".X XXXX\002XXXXXX');
SELECT parse_ident('1020');
SELECT parse_ident('10.20');
SELECT parse_ident('.');
SELECT parse_ident('.1020');
SELECT parse_ident('xxx.1020');
SELECT parse_ident('a."b""c".d$1_x'), parse_ident('"a,b"."{x}"'), parse_ident('"null"'), parse_ident('  x  ');
-- detail
SELECT parse_ident('"x');
-- detail
SELECT parse_ident('x.""');
-- detail
SELECT parse_ident('x.');
-- detail
SELECT parse_ident('.x');
SELECT parse_ident('a b');
SELECT parse_ident(NULL), parse_ident('a', NULL);
SELECT array_length(parse_ident('a.b.c'), 1), (parse_ident('Ab.cD'))[2];
CREATE TABLE vpi (q text);
INSERT INTO vpi VALUES ('public.t'), ('"My Table"'), ('s."T".c');
SELECT q, parse_ident(q) FROM vpi ORDER BY q;
