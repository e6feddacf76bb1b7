# SPDX-License-Identifier: Apache-2.0
# clients_peewee.py: peewee 3.14 (Debian python3-peewee) over psycopg2 — create_tables of two
# related models, introspection (get_tables, get_columns, get_primary_keys, get_indexes,
# get_foreign_keys, playhouse.reflection's generate_models), CRUD, atomic() with a nested
# savepoint, errors; printed one line per step for test_clients.sh to compare with PostgreSQL 15.
# Usage: clients_peewee.py PORT pg|shardlite
import datetime
import decimal
import os
import sys
import uuid

import peewee as pw
from playhouse.migrate import PostgresqlMigrator, migrate
from playhouse.postgres_ext import (ArrayField, BinaryJSONField, DateTimeTZField, IntervalField,
                                    JSONField, ServerSide)
from playhouse.reflection import generate_models

PORT, TARGET = int(sys.argv[1]), sys.argv[2]
VERBOSE = os.environ.get("CLIENTS_VERBOSE")
db = pw.PostgresqlDatabase("acme", user="postgres", host="127.0.0.1", port=PORT)


def state(e):
    orig = getattr(e, "orig", None) or (e.__cause__ if e.__cause__ else e)
    return getattr(orig, "pgcode", None) or type(e).__name__


def step(name, fn):
    try:
        print(name, fn())
    except pw.PeeweeException as e:
        if VERBOSE:
            print("   ", e)
        print(name, "ERROR", type(e).__name__, state(e))
        if not db.in_transaction():
            db.rollback()


def gap(name, fn, answer, pg_answer=None):
    """A known difference: shardlite answers `answer` (a SQLSTATE, or the repr of what fn
    returns) where PostgreSQL succeeds (returning pg_answer's repr, when given)."""
    try:
        got, ok = repr(fn()), True
    except pw.PeeweeException as e:
        if VERBOSE:
            print("   ", e)
        got, ok = state(e), False
    if TARGET == "shardlite":
        good = got == answer
    else:
        good = ok if pg_answer is None else got == pg_answer
    print(name, "known gap" if good else "UNEXPECTED %s" % got)


class Base(pw.Model):
    class Meta:
        database = db


class Author(Base):
    name = pw.CharField(max_length=80, unique=True)
    born = pw.DateField(null=True)
    active = pw.BooleanField(default=True)


class Book(Base):
    author = pw.ForeignKeyField(Author, backref="books", on_delete="CASCADE")
    title = pw.TextField()
    price = pw.DecimalField(max_digits=10, decimal_places=2, default=0)
    rating = pw.FloatField(null=True)
    pages = pw.BigIntegerField(null=True)
    published = pw.DateTimeField(null=True)
    ref = pw.UUIDField(default=uuid.uuid4)
    cover = pw.BlobField(null=True)
    meta = BinaryJSONField(null=True)  # and its default GIN index

    class Meta:
        indexes = ((("author", "title"), True),)


class Doc(Base):
    body = BinaryJSONField()  # CREATE INDEX ... USING GIN ("body")


class Post(Base):
    """playhouse.postgres_ext's fields (ArrayField's default GIN index on tags)."""
    name = pw.CharField()
    tags = ArrayField(pw.TextField, null=True)
    nums = ArrayField(pw.IntegerField, null=True, index=False)
    at = DateTimeTZField(null=True)
    dur = IntervalField(null=True)
    j = JSONField(null=True)
    score = pw.IntegerField(default=0)


class Comment(Base):
    post = pw.ForeignKeyField(Post, backref="comments")
    v = pw.IntegerField()


def show(v):
    if isinstance(v, memoryview):
        v = bytes(v)
    return (type(v).__name__, v.isoformat() if hasattr(v, "isoformat") else v)


db.connect()
print("server_version", db.server_version // 10000)
step("create_tables", lambda: (db.create_tables([Author, Book]), db.get_tables())[1])
step("table_exists", lambda: (db.table_exists("book"), db.table_exists("nope")))
step("get_columns", lambda: [(c.name, c.data_type, c.null, c.primary_key, c.default)
                             for c in db.get_columns("book")])
step("get_primary_keys", lambda: db.get_primary_keys("book"))
step("get_indexes", lambda: sorted((i.name, i.columns, i.unique) for i in db.get_indexes("book")))
step("get_foreign_keys", lambda: [(f.column, f.dest_table, f.dest_column)
                                  for f in db.get_foreign_keys("book")])
step("sequences", lambda: db.sequence_exists("author_id_seq"))


def gin_index():
    db.create_tables([Doc])
    Doc.create(body={"a": 1, "b": [1, 2]})
    Doc.create(body={"a": 2})
    found = [d.body for d in Doc.select().where(Doc.body.contains({"a": 1}))]
    indexes = sorted((i.name, i.columns, i.sql) for i in db.get_indexes("doc"))
    db.drop_tables([Doc])
    return found, indexes


step("gin index", gin_index)
step("gin indexes", lambda: sorted((i.name, i.sql) for i in db.get_indexes("book")))


def reflect():
    models = generate_models(db)
    book = models["book"]
    return sorted((n, type(f).__name__, f.null) for n, f in book._meta.fields.items())


step("generate_models", reflect)

step("create", lambda: Author.create(name="Ann", born=datetime.date(1970, 5, 6)).id)
step("insert_many", lambda: list(Author.insert_many(
    [{"name": "Bob"}, {"name": "Cy", "active": False}]).execute()))
ann = Author.get(Author.name == "Ann")
step("book", lambda: Book.create(
    author=ann, title="First", price=decimal.Decimal("12.50"), rating=4.5, pages=2**40,
    published=datetime.datetime(2024, 1, 2, 3, 4, 5), cover=b"\x00\xff",
    ref=uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), meta={"tags": ["a", "b"]}).id)
step("book2", lambda: Book.create(author=ann, title="Second").id)
step("get", lambda: [show(v) for v in Book.select(
    Book.title, Book.price, Book.rating, Book.pages, Book.published, Book.ref, Book.cover,
    Book.meta).where(Book.title == "First").tuples().get()])
step("join", lambda: list(Author.select(Author.name, pw.fn.COUNT(Book.id).alias("n")).join(
    Book, pw.JOIN.LEFT_OUTER).group_by(Author.name).order_by(Author.name).tuples()))
step("json path", lambda: [b.title for b in Book.select().where(Book.meta["tags"].contains("a"))])
step("update", lambda: Book.update(price=Book.price + 1).where(Book.author == ann).execute())
step("where in", lambda: list(Author.select(Author.name).where(
    Author.name.in_(["Bob", "Cy"]) & ~Author.active).tuples()))
step("like", lambda: [a.name for a in Author.select().where(Author.name ** "b%")])
step("aggregate", lambda: Book.select(pw.fn.SUM(Book.price)).scalar())
step("get_or_create", lambda: [Author.get_or_create(name=n)[1] for n in ("Ann", "Dee")])
step("on_conflict", lambda: Author.insert(name="Ann", active=False).on_conflict(
    conflict_target=[Author.name], update={Author.active: False}).execute())
step("returning", lambda: list(Author.update(active=True).where(Author.name == "Ann").returning(
    Author.id, Author.active).tuples().execute()))


def atomic():
    with db.atomic():
        Author.create(name="Eve")
        try:
            with db.atomic():
                Author.create(name="Eve")
        except pw.IntegrityError as e:
            inner = state(e)
    return inner, Author.select().where(Author.name == "Eve").count()


step("atomic nested", atomic)


def rolled_back():
    with db.atomic() as txn:
        Author.create(name="Gone")
        txn.rollback()
    return Author.select().where(Author.name == "Gone").count()


step("atomic rollback", rolled_back)
step("unique", lambda: Author.create(name="Bob"))
step("foreign key", lambda: Book.create(author=999, title="x"))
step("not null", lambda: Book.insert(author=ann, title=None).execute())
step("execute_sql", lambda: db.execute_sql("SELECT %s::int + 1, %s", (41, "x")).fetchall())
step("ext tables", lambda: (db.create_tables([Post, Comment]), Post.create(
    name="a", tags=["x", "y"], nums=[1, 2], dur=datetime.timedelta(hours=2), j={"a": 1},
    at=datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)).id,
    [Post.create(name=n, tags=["z"], score=i).id for i, n in enumerate("bcd")],
    Comment.insert_many([{"post": 1, "v": i} for i in range(5)]).execute() and 5)[1:])
step("ext values", lambda: [(p.name, p.tags, p.nums, p.at and p.at.isoformat(), p.dur, p.j)
                            for p in Post.select().order_by(Post.id)])
step("array contains", lambda: [p.name for p in Post.select().where(Post.tags.contains("x"))])
step("array contains_any", lambda: [p.name for p in Post.select().where(
    Post.tags.contains_any("x", "z")).order_by(Post.id)])
step("array index", lambda: list(Post.select(Post.tags[0]).where(Post.id == 1).tuples()))
step("array_length", lambda: list(Post.select(pw.fn.array_length(Post.tags, 1)).order_by(
    Post.id).tuples()))
step("json key", lambda: list(Post.select(Post.j["a"]).where(Post.id == 1).tuples()))
step("window", lambda: list(Post.select(Post.name, pw.fn.RANK().over(
    order_by=[Post.score.desc()])).order_by(Post.name).tuples()))
step("subquery", lambda: [p.name for p in Post.select().where(
    Post.id.in_(Comment.select(Comment.post))).order_by(Post.id)])
step("prefetch", lambda: [(p.name, [c.v for c in p.comments]) for p in pw.prefetch(
    Post.select().order_by(Post.id), Comment.select().order_by(Comment.v))])


def bulk_update():
    posts = list(Post.select().order_by(Post.id))
    for p in posts:
        p.score += 10
    Post.bulk_update(posts, fields=[Post.score])  # UPDATE ... SET score = CASE id WHEN ...
    return [p.score for p in Post.select().order_by(Post.id)]


step("bulk_update", bulk_update)
step("case", lambda: list(Post.select(pw.Case(None, [(Post.score > 11, "hi")], "lo")).order_by(
    Post.id).tuples()))
step("server side cursor", lambda: [p.name for p in ServerSide(Post.select().order_by(Post.id))])
step("insert_from", lambda: list(Comment.insert_from(
    Comment.select(Comment.post, Comment.v + 100).where(Comment.v < 2),
    [Comment.post, Comment.v]).execute()))
step("distinct on", lambda: list(Comment.select(Comment.post, Comment.v).distinct(
    Comment.post).order_by(Comment.post, Comment.v.desc()).tuples()))
step("group having", lambda: list(Comment.select(Comment.post, pw.fn.COUNT(Comment.id)).group_by(
    Comment.post).having(pw.fn.COUNT(Comment.id) > 1).tuples()))
step("upsert preserve", lambda: (Post.insert(id=1, name="zz").on_conflict(
    conflict_target=[Post.id], preserve=[Post.name]).execute(), Post.get_by_id(1).name)[1])
step("get_views", lambda: (db.execute_sql("CREATE VIEW pv AS SELECT id, name FROM post"),
                           [v.name for v in db.get_views()], db.execute_sql("DROP VIEW pv"))[1])

# playhouse.migrate: schema changes of a live database
mig = PostgresqlMigrator(db)


def columns(table):
    return [(c.name, c.data_type, c.null) for c in db.get_columns(table)]


step("migrate add_column", lambda: (migrate(
    mig.add_column("post", "extra", pw.IntegerField(null=True)),
    mig.add_index("post", ("extra",), False)), columns("post")[-1],
    sorted(i.name for i in db.get_indexes("post")))[1:])
step("migrate rename_column", lambda: (migrate(mig.rename_column("post", "extra", "extra2")),
                                       columns("post")[-1])[1])
step("migrate add_not_null", lambda: (db.execute_sql("UPDATE post SET extra2 = 0"), migrate(
    mig.add_not_null("post", "extra2")), columns("post")[-1])[2])
step("migrate drop_not_null", lambda: (migrate(mig.drop_not_null("post", "extra2")),
                                       columns("post")[-1])[1])
step("migrate alter_column_type", lambda: (migrate(mig.alter_column_type(
    "post", "score", pw.BigIntegerField())), [c for c in columns("post") if c[0] == "score"])[1])
# the index on the column goes with it, as in PostgreSQL
step("migrate drop_column", lambda: (migrate(mig.drop_column("post", "extra2")),
                                     [c[0] for c in columns("post")],
                                     sorted(i.name for i in db.get_indexes("post")))[1:])


def rename_table():
    """ALTER TABLE comment RENAME TO remark, then ALTER TABLE comment_id_seq RENAME TO
    remark_id_seq: the serial's sequence kept its name until then, as in PostgreSQL."""
    migrate(mig.rename_table("comment", "remark"))
    return db.get_tables(), db.execute_sql(
        "SELECT pg_get_serial_sequence('remark', 'id')").fetchone()[0]


step("migrate rename_table", rename_table)
step("migrate add_foreign_key", lambda: (migrate(
    mig.add_column("remark", "parent_id", pw.IntegerField(null=True)),
    mig.add_foreign_key_constraint("remark", "parent_id", "post", "id")),
    sorted((f.column, f.dest_table) for f in db.get_foreign_keys("remark")))[1])
step("migrate add_unique", lambda: (migrate(mig.add_index("post", ("name",), True)),
                                    sorted((i.name, i.unique) for i in db.get_indexes("post")))[1])
step("migrate drop_index", lambda: (migrate(mig.drop_index("post", "post_name")),
                                    sorted(i.name for i in db.get_indexes("post")))[1])
step("ext drop", lambda: (db.execute_sql("DROP TABLE remark, post"), db.get_tables())[1])
step("delete cascade", lambda: (ann.delete_instance(recursive=False), Book.select().count())[1])
step("drop_tables", lambda: (db.drop_tables([Book, Author]), db.get_tables())[1])
db.close()
print("done")
