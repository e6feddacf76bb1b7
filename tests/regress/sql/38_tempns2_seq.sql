-- A sequence named public.s is the permanent one, pg_temp.s the temporary one, in every
-- statement, while a temporary sequence of the name hides the permanent one.
CREATE SEQUENCE s START 10;
CREATE TEMP SEQUENCE s START 100;
ALTER SEQUENCE public.s RESTART WITH 50;
SELECT nextval('public.s') AS p, nextval('pg_temp.s') AS t, nextval('s') AS u;
ALTER SEQUENCE public.s INCREMENT BY 5;
SELECT nextval('public.s') AS p, nextval('pg_temp.s') AS t;
ALTER SEQUENCE pg_temp.s RESTART WITH 7;
SELECT nextval('public.s') AS p, nextval('pg_temp.s') AS t;
ALTER SEQUENCE s RESTART WITH 3;
SELECT nextval('public.s') AS p, nextval('pg_temp.s') AS t;
SELECT setval('public.s', 1000);
SELECT nextval('pg_temp.s') AS t, nextval('public.s') AS p;
SELECT setval('pg_temp.s', 2000);
SELECT nextval('pg_temp.s') AS t, nextval('public.s') AS p;
-- read as a relation
SELECT last_value, is_called FROM public.s;
SELECT last_value, is_called FROM pg_temp.s;
SELECT last_value, is_called FROM s;
SELECT last_value FROM pg_temp.nosuch;
-- comments
COMMENT ON SEQUENCE public.s IS 'perm seq';
SELECT c.relpersistence, obj_description(c.oid, 'pg_class') FROM pg_class c WHERE relname = 's' ORDER BY 1;
COMMENT ON SEQUENCE pg_temp.s IS 'temp seq';
SELECT c.relpersistence, obj_description(c.oid, 'pg_class') FROM pg_class c WHERE relname = 's' ORDER BY 1;
COMMENT ON SEQUENCE s IS NULL;
SELECT c.relpersistence, obj_description(c.oid, 'pg_class') FROM pg_class c WHERE relname = 's' ORDER BY 1;
-- pg_temp.s RENAME TO: a permanent relation of the new name is no obstacle
ALTER SEQUENCE pg_temp.s RENAME TO st;
SELECT relname, relpersistence FROM pg_class WHERE relname IN ('s', 'st') ORDER BY 1, 2;
ALTER SEQUENCE pg_temp.st RENAME TO s;
SELECT relname, relpersistence FROM pg_class WHERE relname IN ('s', 'st') ORDER BY 1, 2;
ALTER SEQUENCE pg_temp.nosuch RENAME TO x;
-- DROP
DROP SEQUENCE public.s;
SELECT relname, relpersistence FROM pg_class WHERE relname = 's';
SELECT nextval('s');
DROP SEQUENCE public.s;
DROP SEQUENCE IF EXISTS public.s;
ALTER SEQUENCE public.s RESTART;
ALTER SEQUENCE IF EXISTS public.s RESTART;
CREATE SEQUENCE s;
DROP SEQUENCE pg_temp.s;
SELECT relname, relpersistence FROM pg_class WHERE relname = 's';
DROP SEQUENCE pg_temp.s;
ALTER SEQUENCE pg_temp.s RESTART;
DROP SEQUENCE s;
-- search_path with pg_temp after public
CREATE SEQUENCE q START 10;
CREATE TEMP SEQUENCE q START 100;
SET search_path = public, pg_temp;
ALTER SEQUENCE q RESTART WITH 20;
SELECT nextval('public.q') AS p, nextval('pg_temp.q') AS t;
SELECT last_value FROM q;
DROP SEQUENCE q;
SELECT relname, relpersistence FROM pg_class WHERE relname = 'q';
RESET search_path;
DROP SEQUENCE q;
-- a serial column's sequence of each table
CREATE TABLE ser (id serial, b text);
CREATE TEMP TABLE ser (id serial, b text);
SELECT pg_get_serial_sequence('public.ser', 'id') AS p, pg_get_serial_sequence('pg_temp.ser', 'id') AS t, pg_get_serial_sequence('ser', 'id') AS u;
SET search_path = public, pg_temp;
SELECT pg_get_serial_sequence('ser', 'id');
RESET search_path;
SELECT setval('public.ser_id_seq', 40);
SELECT last_value FROM public.ser_id_seq;
SELECT last_value FROM pg_temp.ser_id_seq;
ALTER SEQUENCE public.ser_id_seq RESTART WITH 90;
SELECT nextval('public.ser_id_seq') AS p, nextval('pg_temp.ser_id_seq') AS t;
INSERT INTO public.ser (b) VALUES ('p') RETURNING id;
-- functions: pg_temp.f only when qualified
CREATE FUNCTION f() RETURNS text AS 'SELECT ''perm''' LANGUAGE sql;
CREATE FUNCTION pg_temp.f() RETURNS text AS 'SELECT ''temp''' LANGUAGE sql;
SELECT f() AS u, public.f() AS p, pg_temp.f() AS t;
DROP FUNCTION public.f();
SELECT pg_temp.f() AS t;
SELECT f();
DROP FUNCTION pg_temp.f();
-- TRUNCATE ... RESTART IDENTITY restarts the sequences of the table it empties
CREATE TABLE rs (id serial, b text);
CREATE TEMP TABLE rs (id serial, b text);
SELECT nextval('public.rs_id_seq'), nextval('public.rs_id_seq'), nextval('pg_temp.rs_id_seq'), nextval('pg_temp.rs_id_seq');
TRUNCATE public.rs RESTART IDENTITY;
SELECT last_value, is_called FROM public.rs_id_seq;
SELECT last_value, is_called FROM pg_temp.rs_id_seq;
SELECT nextval('pg_temp.rs_id_seq');
TRUNCATE pg_temp.rs RESTART IDENTITY;
SELECT last_value, is_called FROM public.rs_id_seq;
SELECT last_value, is_called FROM pg_temp.rs_id_seq;
SELECT nextval('public.rs_id_seq');
SET search_path = public, pg_temp;
TRUNCATE rs RESTART IDENTITY;
RESET search_path;
SELECT last_value, is_called FROM public.rs_id_seq;
SELECT last_value, is_called FROM pg_temp.rs_id_seq;
TRUNCATE rs RESTART IDENTITY;
SELECT last_value, is_called FROM pg_temp.rs_id_seq;
