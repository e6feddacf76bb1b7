-- The SQL PostGraphile 4 runs for GraphQL queries and mutations
-- (tests/integration/clients_postgraphile.js): a computed column's function called with the
-- whole row of a subquery, a mutation's CTE row as text through CASE, and its rows read back
-- by casting text to the table's row type qualified with public.
CREATE TYPE mood AS ENUM ('happy', 'calm', 'sad');
CREATE TABLE person (id serial PRIMARY KEY, first_name text NOT NULL, last_name text, mood mood NOT NULL DEFAULT 'calm', born date);
INSERT INTO person (first_name, last_name, mood, born) VALUES ('Ada', 'Lovelace', 'happy', '1815-12-10'), ('Alan', 'Turing', 'calm', NULL), ('Grace', NULL, 'sad', NULL);
CREATE FUNCTION person_full_name(p person) RETURNS text AS $$ SELECT p.first_name || ' ' || coalesce(p.last_name, '') $$ LANGUAGE sql STABLE;
-- a row of a subquery passed for a row type's parameter
SELECT person_full_name(x) FROM (SELECT p.* FROM person p ORDER BY id LIMIT 2) x;
SELECT x.id, person_full_name(x) FROM (SELECT * FROM person) x ORDER BY 1;
with __local_0__ as (select to_json((json_build_object('id'::text, (__local_1__."id"), '@fullName'::text, (select to_json(__local_2__) as "value" from "public"."person_full_name"(__local_1__) as __local_2__ where (TRUE) and (TRUE))))) as "@nodes" from (select __local_1__.* from "public"."person" as __local_1__ where (TRUE) and (TRUE) order by __local_1__."id" ASC limit 2) __local_1__), __local_3__ as (select json_agg(to_json(__local_0__)) as data from __local_0__) select coalesce((select __local_3__.data from __local_3__), '[]'::json) as "data";
-- a whole row as a CASE result
WITH l AS (SELECT * FROM person WHERE id = 1) SELECT (CASE WHEN l IS NULL THEN NULL ELSE l END)::text FROM l;
SELECT CASE WHEN p.id > 1 THEN p END FROM person p ORDER BY p.id;
with __local_0__ as (insert into "public"."person" ("first_name", "last_name", "mood", "born") values ('Barbara', 'Liskov', 'happy', '1939-11-07') returning *) select ((case when __local_0__ is null then null else __local_0__ end))::text from __local_0__;
with __local_0__ as (update "public"."person" set "last_name" = 'Hopper', "mood" = 'calm' where ("id" = 3) returning *) select ((case when __local_0__ is null then null else __local_0__ end))::text from __local_0__;
-- text read as the row type, qualified with public
SELECT ('(4,Barbara,Liskov,happy,1939-11-07)'::public.person).first_name, ('(4,B,L,sad,)'::"public"."person").*;
SELECT '{"(1,x,,happy,)"}'::public.person[];
with __local_0__ as (select (str::"public"."person").* from unnest(('{"(4,Barbara,Liskov,happy,1939-11-07)"}')::text[]) str) select to_json((json_build_object('id'::text, (__local_0__."id"), 'firstName'::text, (__local_0__."first_name"), 'mood'::text, (__local_0__."mood"), '@fullName'::text, (select to_json(__local_1__) as "value" from "public"."person_full_name"(__local_0__) as __local_1__ where (TRUE) and (TRUE))))) as "@person" from __local_0__ as __local_0__ where (TRUE) and (TRUE);
SELECT 'x'::public.nope;
