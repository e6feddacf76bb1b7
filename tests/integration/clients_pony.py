# SPDX-License-Identifier: Apache-2.0
# clients_pony.py: Pony ORM 0.7.16 (Debian python3-pony) over psycopg2 — entities with auto and
# composite keys, Required/Optional/Set relations (one-to-many, many-to-many),
# generate_mapping(create_tables=True), generator queries (joins, aggregates, order, limit,
# page, for_update), db_session commit and rollback, optimistic checks, raw SQL,
# drop_all_tables; one line per step for test_clients.sh to compare with PostgreSQL 15.
# Usage: clients_pony.py PORT pg|shardlite
import datetime
import decimal
import os
import sys
import uuid

import psycopg2
from pony.orm import (Database, Json, Optional, PrimaryKey, Required, Set, avg, between, commit,
                      composite_key, count, db_session, desc, exists, group_concat, left_join, max,
                      raw_sql, rollback, select, sum)
from pony.orm.core import (CommitException, OptimisticCheckError, TransactionIntegrityError,
                           UnrepeatableReadError)
from pony.orm.dbapiprovider import DBException

PORT, TARGET = int(sys.argv[1]), sys.argv[2]
VERBOSE = os.environ.get("CLIENTS_VERBOSE")
db = Database()


def state(e):
    orig = getattr(e, "original_exc", None)
    for _ in range(3):  # CommitException wraps a DBException that wraps psycopg2's error
        if getattr(orig, "pgcode", None):
            return orig.pgcode
        orig = getattr(orig, "original_exc", None) or getattr(orig, "__cause__", None)
    return type(e).__name__


def step(name, fn):
    try:
        print(name, fn())
    except (DBException, CommitException, TransactionIntegrityError, OptimisticCheckError,
            UnrepeatableReadError) as e:
        if VERBOSE:
            print("   ", e)
        print(name, "ERROR", type(e).__name__, state(e))


class Author(db.Entity):
    id = PrimaryKey(int, auto=True)
    name = Required(str, 60, unique=True)
    born = Optional(datetime.date)
    rating = Optional(float)
    books = Set("Book")


class Book(db.Entity):
    id = PrimaryKey(int, auto=True)
    title = Required(str)
    price = Required(decimal.Decimal, precision=8, scale=2)
    published = Optional(datetime.datetime)
    in_print = Required(bool, default=True)
    author = Required(Author)
    tags = Set("Tag")
    meta = Optional(Json)
    code = Optional(uuid.UUID)


class Tag(db.Entity):
    name = PrimaryKey(str)
    books = Set(Book)


class Stock(db.Entity):  # a composite primary key
    shop = Required(str)
    item = Required(int)
    qty = Required(int, default=0)
    PrimaryKey(shop, item)
    note = Optional(str, nullable=True)
    composite_key(qty, note)


class Event(db.Entity):  # inheritance: one table with a discriminator column
    id = PrimaryKey(int, size=64, auto=True)
    at = Required(datetime.datetime, sql_default="CURRENT_TIMESTAMP")
    kind = Optional(str, 20, index=True)


class Sale(Event):
    amount = Required(decimal.Decimal)


db.bind(provider="postgres", user="postgres", host="127.0.0.1", port=PORT, database="acme")


def mapping():
    db.generate_mapping(create_tables=True)
    with db_session:
        tables = db.select("SELECT table_name FROM information_schema.tables "
                           "WHERE table_schema = 'public' ORDER BY 1")
        cols = db.select("SELECT table_name, column_name, data_type, is_nullable "
                         "FROM information_schema.columns WHERE table_schema = 'public' "
                         "ORDER BY table_name, ordinal_position")
    return tables, cols


step("generate_mapping", mapping)


@db_session
def insert():
    ada = Author(name="Ada", born=datetime.date(1815, 12, 10), rating=4.5)
    bob = Author(name="Bob")
    py, sql = Tag(name="python"), Tag(name="sql")
    Book(title="Notes", price=decimal.Decimal("12.50"), author=ada, tags=[py, sql],
         published=datetime.datetime(2024, 1, 2, 3, 4, 5), meta={"pages": 120, "tags": ["a"]},
         code=uuid.UUID("12345678-1234-5678-1234-567812345678"))
    Book(title="Engines", price=decimal.Decimal("30"), author=ada, tags=[py])
    Book(title="Queries", price=decimal.Decimal("7.25"), author=bob, in_print=False)
    Stock(shop="north", item=1, qty=5)
    Stock(shop="north", item=2, qty=3, note="low")
    commit()
    return ada.id, bob.id, sorted(b.id for b in Book.select())


step("insert", insert)


@db_session
def read():
    a = Author.get(name="Ada")
    b = Book.get(title="Notes")
    return (a.name, a.born, a.rating, sorted(x.title for x in a.books), b.price, b.published,
            b.meta, b.code, sorted(t.name for t in b.tags), Stock[("north", 2)].note)


step("get", read)


@db_session
def queries():
    out = []
    out.append(select(b.title for b in Book if b.author.name == "Ada").order_by(1)[:])
    out.append(select((a.name, count(a.books)) for a in Author).order_by(1)[:])
    out.append(select((a.name, sum(b.price)) for a in Author for b in a.books).order_by(1)[:])
    out.append(max(b.price for b in Book))
    out.append(avg(b.price for b in Book if b.in_print))
    out.append([b.title for b in select(b for b in Book).order_by(desc(Book.price)).limit(2)])
    out.append([b.title for b in Book.select().order_by(Book.title).page(2, pagesize=2)])
    out.append(select(b.title for b in Book if "python" in b.tags.name).order_by(1)[:])
    out.append(select(t.name for t in Tag if count(t.books) > 1)[:])
    out.append(select(b.title for b in Book if b.title.startswith("Q"))[:])
    out.append(select(b.title for b in Book if b.price > 10 and b.in_print).order_by(1)[:])
    out.append(Book.select(lambda b: b.author.rating is None).count())
    out.append(select(a.name for a in Author if not a.books.in_print).order_by(1)[:])
    out.append(select(b.meta["pages"] for b in Book if b.meta is not None)[:])
    out.append(select(b.title for b in Book if b.published.year == 2024)[:])
    out.append(Book.exists(lambda b: b.price < 1))
    out.append(left_join((a.name, count(b)) for a in Author for b in a.books
                         if b.in_print).order_by(1)[:])
    out.append([(n, sorted(t.split("|"))) for n, t in select(
        (a.name, group_concat(b.title, sep="|")) for a in Author for b in a.books).order_by(1)])
    out.append(select(b.title.upper() for b in Book if between(b.price, 7, 13)).order_by(1)[:])
    out.append(select(b.title for b in Book if b.author.name in ("Bob", "Zed"))[:])
    out.append(select(b.title for b in Book if raw_sql("length(b.title) > 5")).order_by(1)[:])
    out.append(select(a for a in Author).order_by(Author.name).first().name)
    out.append(Book.get(title="Notes").to_dict(exclude=["published", "code", "meta"]))
    return out


@db_session
def more_queries():
    out = []
    out.append(select(b.title for b in Book if "a" in b.meta["tags"])[:])  # Json containment
    out.append(select(b.title for b in Book if b.meta["pages"] > 100)[:])
    out.append(select(b.title for b in Book if b.published + datetime.timedelta(days=1) >
                      datetime.datetime(2024, 1, 3))[:])
    out.append(select(count(b.author, distinct=True) for b in Book)[:])
    out.append(select((b.title + "!" + b.author.name) for b in Book).order_by(1)[:])
    out.append(select(b.title for b in Book if len(b.title) == 5).order_by(1)[:])
    out.append(select(b.title for b in Book if b.title.lower().endswith("s")).order_by(1)[:])
    out.append(select(b.title for b in Book if b.code is not None)[:])
    out.append(select((b.in_print, count()) for b in Book).order_by(1)[:])
    out.append(select(a.name for a in Author if exists(b for b in a.books if b.price > 20))[:])
    out.append(select(a.name for a in Author if max(a.books.price) < 10)[:])
    out.append(select(b.price * 2 for b in Book if b.title == "Queries")[:])
    out.append([b.title for b in select(b for b in Book)
                .order_by(lambda b: (desc(b.in_print), b.title)).without_distinct()])
    out.append(len(select(b for b in Book).random(2)))
    out.append([(a.name, len(a.books)) for a in Author.select().order_by(Author.id)
                .prefetch(Author.books)])
    return out


step("more queries", more_queries)


step("queries", queries)


@db_session
def inheritance():
    Event(kind="tick")
    Sale(kind="sale", amount=decimal.Decimal("9.99"))
    commit()
    return ([(type(e).__name__, e.kind) for e in Event.select().order_by(Event.id)],
            [str(s.amount) for s in Sale.select()],
            db.select("SELECT classtype, kind FROM event ORDER BY id"),
            Event.select(lambda e: e.at > datetime.datetime(2000, 1, 1)).count())


step("inheritance", inheritance)


@db_session
def for_update():
    got = select(b for b in Book if b.price > 10).order_by(Book.id).for_update()[:]
    nowait = select(b for b in Book if b.price > 20).for_update(nowait=True)[:]
    one = Author.get_for_update(name="Bob")
    for b in got:
        b.price += 1
    commit()
    return [(b.title, b.price) for b in got], [b.title for b in nowait], one.name


step("for_update", for_update)


def rolled_back():
    with db_session:
        Author(name="Carol")
        Book.get(title="Queries").price = decimal.Decimal("99")
        rollback()
    with db_session:
        return Author.exists(name="Carol"), Book.get(title="Queries").price


step("rollback", rolled_back)


def raised():
    try:
        with db_session:
            Author(name="Dan")
            raise ValueError("abort")
    except ValueError:
        pass
    with db_session:
        return Author.exists(name="Dan")


step("db_session exception", raised)


def optimistic():
    other = psycopg2.connect(host="127.0.0.1", port=PORT, user="postgres", dbname="acme")
    other.autocommit = True
    try:
        with db_session:
            b = Book.get(title="Engines")
            b.price  # read, so the UPDATE checks the price is unchanged
            other.cursor().execute("UPDATE book SET price = price + 5 WHERE title = 'Engines'")
            b.price = decimal.Decimal("40")
            commit()
    finally:
        other.close()


step("optimistic check", optimistic)


def optimistic_ok():
    with db_session:
        Book.get(title="Engines").price = decimal.Decimal("41")
    with db_session:
        return Book.get(title="Engines").price


step("optimistic update", optimistic_ok)


@db_session
def unique():
    Author(name="Ada")
    commit()


step("unique violation", unique)


@db_session
def raw():
    out = []
    out.append(db.select("SELECT title, price FROM book WHERE price > $x ORDER BY 1",
                         {"x": decimal.Decimal("10")}))
    out.append(Book.select_by_sql("SELECT * FROM book WHERE author = $a ORDER BY id",
                                  {"a": 2})[0].title)
    out.append(db.get("SELECT count(*) FROM book_tag"))
    out.append(db.execute("UPDATE stock SET qty = qty + 1").rowcount)
    out.append(db.exists("SELECT 1 FROM stock WHERE qty > 5"))
    return out


step("raw sql", raw)


@db_session
def delete():
    Author.get(name="Bob").books.clear()
    Book.select(lambda b: b.author.name == "Bob").delete(bulk=True)
    Author.get(name="Bob").delete()
    Tag["sql"].delete()
    commit()
    return (Author.select().count(), Book.select().count(),
            sorted(t.name for t in Book.get(title="Notes").tags))


step("delete", delete)


def drop():
    db.drop_all_tables(with_all_data=True)
    with db_session:
        return db.select("SELECT table_name FROM information_schema.tables "
                         "WHERE table_schema = 'public'")


step("drop_all_tables", drop)
print("done")
