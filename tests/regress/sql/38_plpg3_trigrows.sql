-- A trigger's returned record of the table's row structure: SELECT * INTO r, SELECT NEW.* INTO r
-- (whose fields are NEW's names, were ?column?), a record built of expressions, ROW(...)::t.
CREATE TABLE w (id int PRIMARY KEY, name varchar(20), amt numeric(12,2), ts timestamptz, ok boolean, doc jsonb, tags text[], big bigint, sm smallint, d date, f float8, u uuid);
INSERT INTO w VALUES (1, 'a', 1.5, '2024-01-01 00:00:00+00', true, '{"a":1}', '{x,y}', 10, 2, '2024-02-02', 1.25, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');
CREATE FUNCTION w1() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  SELECT * INTO r FROM w WHERE id = OLD.id;
  r.name := 'from-old';
  RETURN r;
END $$;
CREATE TRIGGER w1 BEFORE UPDATE ON w FOR EACH ROW EXECUTE FUNCTION w1();
UPDATE w SET amt = 99 RETURNING *;
DROP TRIGGER w1 ON w;
CREATE FUNCTION w2() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  SELECT NEW.* INTO r;
  r.amt := r.amt * 2;
  RETURN r;
END $$;
CREATE TRIGGER w2 BEFORE UPDATE ON w FOR EACH ROW EXECUTE FUNCTION w2();
UPDATE w SET amt = 3 RETURNING *;
DROP TRIGGER w2 ON w;
CREATE FUNCTION w4() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  SELECT NEW.id, NEW.name, NEW.amt, NEW.ts, NEW.ok, NEW.doc, NEW.tags, count(*), NEW.sm, NEW.d, NEW.f, NEW.u INTO r;
  RETURN r;
END $$;
CREATE TRIGGER w4 BEFORE UPDATE ON w FOR EACH ROW EXECUTE FUNCTION w4();
UPDATE w SET amt = 5 RETURNING *;
DROP TRIGGER w4 ON w;
CREATE FUNCTION w5() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RETURN ROW(NEW.id, 'rowed', 7.5, NEW.ts, NEW.ok, NEW.doc, NEW.tags, NEW.big, NEW.sm, NEW.d, NEW.f, NEW.u)::w;
END $$;
CREATE TRIGGER w5 BEFORE UPDATE ON w FOR EACH ROW EXECUTE FUNCTION w5();
UPDATE w SET amt = 6 RETURNING *;
DROP TRIGGER w5 ON w;
CREATE FUNCTION w3() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  SELECT NEW.id, NEW.name, NEW.amt + 1, NEW.ts, NOT NEW.ok, NEW.doc || '{"b":2}', NEW.tags || 'z'::text, NEW.big * 2, NEW.sm, NEW.d + 1, NEW.f / 2, NEW.u INTO r;
  RETURN r;
END $$;
CREATE TRIGGER w3 BEFORE UPDATE ON w FOR EACH ROW EXECUTE FUNCTION w3();
-- differs: a returned row's field of numeric (an expression) for a numeric(12,2) column is taken (the record's typmods are not kept)
UPDATE w SET amt = 4 RETURNING *;
DROP TRIGGER w3 ON w;
