-- Found with PostgreSQL's copy2 script: a BEFORE ROW trigger of a temporary table that changes
-- NEW writes the changed row into the temporary table (it wrote to main and failed 42P01), and
-- an AFTER trigger's UPDATE of it sees the rows. COPY into it: tests/integration/test_copy_psql.sh.
CREATE TEMP TABLE pct (a serial, b int, e text);
CREATE FUNCTION pct_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.e := 'before ' || NEW.b; RETURN NEW; END $$;
CREATE FUNCTION pct_after() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN UPDATE pct SET b = b * 10 WHERE a = NEW.a; RETURN NULL; END $$;
CREATE TRIGGER pct_b BEFORE INSERT ON pct FOR EACH ROW EXECUTE FUNCTION pct_before();
INSERT INTO pct (b) VALUES (1), (2);
SELECT a, b, e FROM pct ORDER BY a;
CREATE TRIGGER pct_a AFTER INSERT ON pct FOR EACH ROW EXECUTE FUNCTION pct_after();
INSERT INTO pct (b) VALUES (3);
SELECT a, b, e FROM pct ORDER BY a;
UPDATE pct SET e = 'kept' WHERE a = 1;
SELECT a, b, e FROM pct ORDER BY a;
-- a serial key numbered for the row the trigger returned, in the temporary table
CREATE TEMP TABLE pcs (id serial PRIMARY KEY, v text);
CREATE FUNCTION pcs_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.v := upper(NEW.v); RETURN NEW; END $$;
CREATE TRIGGER pcs_b BEFORE INSERT ON pcs FOR EACH ROW EXECUTE FUNCTION pcs_before();
INSERT INTO pcs (v) VALUES ('a');
INSERT INTO pcs (v) VALUES ('b'), ('c');
UPDATE pcs SET v = 'x' || v WHERE id = 2;
SELECT id, v FROM pcs ORDER BY id;
