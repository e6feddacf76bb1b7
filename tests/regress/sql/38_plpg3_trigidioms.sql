-- Idioms of application triggers: SELECT ... INTO NEW.col (a record's field as an INTO target,
-- was 0A000), TG_RELID, NEW.col = expr, array and jsonb fields, a counter-cache AFTER trigger.
CREATE TABLE parent (id int PRIMARY KEY, child_count int DEFAULT 0, name text);
CREATE TABLE child (id serial PRIMARY KEY, parent_id int REFERENCES parent(id), title text, slug text, tags text[] DEFAULT '{}', data jsonb DEFAULT '{}', created_at timestamptz, updated_at timestamptz, v int DEFAULT 1);
CREATE FUNCTION child_bi() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.slug = lower(regexp_replace(NEW.title, '[^a-zA-Z0-9]+', '-', 'g'));
  NEW.tags := array_append(NEW.tags, 'new');
  NEW.data := NEW.data || jsonb_build_object('by', TG_NAME, 'depth', pg_trigger_depth());
  SELECT name INTO NEW.title FROM parent WHERE id = NEW.parent_id AND NEW.title IS NULL;
  IF NEW.title IS NULL THEN NEW.title := 'untitled'; END IF;
  IF TG_OP = 'UPDATE' AND OLD.title IS DISTINCT FROM NEW.title THEN NEW.v := OLD.v + 1; END IF;
  RAISE NOTICE 'rel=% % %', TG_RELID::regclass, TG_TABLE_NAME::regclass, format('%s', NEW.slug);
  RETURN NEW;
END $$;
CREATE TRIGGER child_bi BEFORE INSERT OR UPDATE ON child FOR EACH ROW EXECUTE FUNCTION child_bi();
CREATE FUNCTION child_cnt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN UPDATE parent SET child_count = child_count + 1 WHERE id = NEW.parent_id;
  ELSIF TG_OP = 'DELETE' THEN UPDATE parent SET child_count = child_count - 1 WHERE id = OLD.parent_id;
  ELSIF NEW.parent_id IS DISTINCT FROM OLD.parent_id THEN
    UPDATE parent SET child_count = child_count - 1 WHERE id = OLD.parent_id;
    UPDATE parent SET child_count = child_count + 1 WHERE id = NEW.parent_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER child_cnt AFTER INSERT OR UPDATE OF parent_id OR DELETE ON child FOR EACH ROW EXECUTE FUNCTION child_cnt();
INSERT INTO parent (id, name) VALUES (1, 'P one'), (2, 'P two');
-- notices
INSERT INTO child (parent_id, title) VALUES (1, 'Hello World!'), (1, NULL), (2, 'x');
SELECT id, parent_id, title, slug, tags, data, v FROM child ORDER BY id;
-- notices
UPDATE child SET title = 'Renamed', parent_id = 2 WHERE id = 1;
DELETE FROM child WHERE id = 3;
SELECT * FROM parent ORDER BY id;
SELECT id, parent_id, title, slug, tags, v FROM child ORDER BY id;
CREATE TABLE pos (id serial PRIMARY KEY, list int, position int, note text);
CREATE FUNCTION pos_bi() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT COALESCE(max(position), 0) + 1, 'after ' || count(*) INTO NEW.position, NEW.note FROM pos WHERE list = NEW.list;
  RETURN NEW;
END $$;
CREATE TRIGGER pos_bi BEFORE INSERT ON pos FOR EACH ROW EXECUTE FUNCTION pos_bi();
INSERT INTO pos (list) VALUES (1);
INSERT INTO pos (list) VALUES (1);
INSERT INTO pos (list) VALUES (2);
SELECT * FROM pos ORDER BY id;
