-- sqlsmith_schema.sql: the tenant test_sqlsmith.sh runs sqlsmith over: tables of many column
-- types (integers, numeric, floats, strings, bool, bytea, date/time, uuid, json/jsonb, arrays,
-- ranges, tsvector, an enum), a foreign key, a few rows with NULLs, and a view.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE kinds (
  id serial PRIMARY KEY,
  i2 smallint, i4 integer, i8 bigint,
  n numeric(10,2), f4 real, f8 double precision,
  t text, vc varchar(20), ch char(4), b boolean, by bytea,
  d date, tm time, tmtz time with time zone, ts timestamp, tstz timestamptz, iv interval,
  u uuid, j json, jb jsonb,
  ia integer[], ta text[],
  r int4range, dr daterange,
  tv tsvector, m mood
);
CREATE TABLE orders (
  oid2 bigserial PRIMARY KEY,
  kind_id integer REFERENCES kinds(id),
  qty integer NOT NULL DEFAULT 1,
  price numeric,
  note text,
  placed timestamptz DEFAULT now()
);
INSERT INTO kinds (i2,i4,i8,n,f4,f8,t,vc,ch,b,by,d,tm,tmtz,ts,tstz,iv,u,j,jb,ia,ta,r,dr,tv,m) VALUES
 (1, 10, 100, 1.50, 1.5, 2.25, 'alpha', 'a', 'ab', true, '\x0102', '2020-01-01', '10:00', '10:00+02', '2020-01-01 10:00', '2020-01-01 10:00+00', '1 day', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a":1}', '{"a":[1,2]}', '{1,2,3}', '{x,y}', '[1,5)', '[2020-01-01,2020-02-01)', 'a fat cat', 'ok'),
 (2, -20, 200000000000, -3.25, -0.5, 1e10, 'beta', 'bb', 'c', false, '\x', '1999-12-31', '23:59:59', '00:00Z', '1999-12-31 23:59:59', '1999-12-31 23:59:59+05', '-2 hours', 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', '[1,2]', '{"b":null}', '{}', '{}', 'empty', '[2021-01-01,)', 'dog', 'sad'),
 (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO orders (kind_id, qty, price, note) VALUES (1, 2, 9.99, 'first'), (2, 5, 0, NULL), (NULL, 1, NULL, 'none');
CREATE VIEW kind_summary AS SELECT k.id, k.t, k.m, count(o.oid2) AS n_orders, sum(o.qty) AS qty FROM kinds k LEFT JOIN orders o ON o.kind_id = k.id GROUP BY k.id, k.t, k.m;
