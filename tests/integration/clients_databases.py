# SPDX-License-Identifier: Apache-2.0
# clients_databases.py: encode/databases 0.7 (Debian python3-databases) over asyncpg and over
# aiopg (python3-aiopg) — connect, execute/execute_many/fetch_all/fetch_one/fetch_val/iterate
# with SQLAlchemy Core expressions and raw SQL with :named parameters, transactions (nested as
# savepoints, rolled back, force_rollback), numeric, timestamptz, jsonb, uuid and arrays; one line
# per step for test_clients.sh to compare with PostgreSQL 15.
# Usage: clients_databases.py PORT pg|shardlite
import asyncio
import datetime
import decimal
import os
import sys
import uuid

os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")  # databases 0.7 uses 1.4's API
import sqlalchemy as sa  # noqa: E402
from databases import Database  # noqa: E402
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID  # noqa: E402
from sqlalchemy.schema import CreateTable, DropTable  # noqa: E402

PORT, TARGET = int(sys.argv[1]), sys.argv[2]
VERBOSE = os.environ.get("CLIENTS_VERBOSE")
URL = "postgresql%s://postgres@127.0.0.1:%d/acme"
UTC = datetime.timezone.utc

meta = sa.MetaData()
notes = sa.Table(
    "notes", meta,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("text", sa.String(100), nullable=False),
    sa.Column("done", sa.Boolean, server_default=sa.false(), nullable=False),
    sa.Column("price", sa.Numeric(10, 2)),
    sa.Column("at", sa.DateTime(timezone=True)),
    sa.Column("doc", JSONB),
    sa.Column("ref", UUID),  # as text: databases 0.7 cannot read asyncpg's UUID as_uuid
    sa.Column("tags", ARRAY(sa.Text)),
    sa.Column("scores", ARRAY(sa.Integer)),
)


def state(e):
    for x in (e, getattr(e, "__cause__", None)):
        code = getattr(x, "sqlstate", None) or getattr(x, "pgcode", None)
        if code:
            return code
    return type(e).__name__


def rows(rs):
    return [tuple(r._mapping.values()) for r in rs]


async def step(name, coro):
    try:
        print(name, await coro)
    except Exception as e:  # the drivers' own error classes differ: print the SQLSTATE
        if VERBOSE:
            print("   ", type(e).__name__, str(e).strip().replace("\n", " | "))
        print(name, "ERROR", state(e))


async def run(db, tag):
    p = tag + ":"

    async def create():
        await db.execute("DROP TABLE IF EXISTS notes")
        await db.execute(CreateTable(notes))
        return rows(await db.fetch_all(
            "SELECT column_name, data_type, udt_name FROM information_schema.columns "
            "WHERE table_name = 'notes' ORDER BY ordinal_position"))

    await step(p + "create", create())

    async def insert():
        one = await db.execute(notes.insert(), values={
            "text": "first", "price": decimal.Decimal("12.50"),
            "at": datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            "doc": {"a": [1, 2], "b": None}, "ref": str(uuid.UUID(int=7)),
            "tags": ["x", "y z"], "scores": [1, None, 3]})
        await db.execute_many(notes.insert(), values=[
            {"text": "second", "price": decimal.Decimal("0.5"), "tags": []},
            {"text": "third", "done": True, "doc": {"k": "v"}, "scores": [9]}])
        await db.execute_many("INSERT INTO notes (text, price) VALUES (:text, :price)", values=[
            {"text": "fourth", "price": decimal.Decimal("4")},
            {"text": "fifth", "price": None}])
        return one, await db.fetch_val("SELECT count(*) FROM notes")

    await step(p + "insert", insert())

    async def fetch():
        r = await db.fetch_one(notes.select().where(notes.c.text == "first"))
        return (r["text"], r["done"], r["price"], r["at"], r["doc"], r["ref"], r["tags"],
                r["scores"], type(r["doc"]).__name__)

    await step(p + "fetch_one", fetch())

    async def core():
        out = []
        out.append(rows(await db.fetch_all(
            sa.select([notes.c.text, notes.c.price]).where(notes.c.price > 1)
            .order_by(notes.c.price.desc()))))
        out.append(rows(await db.fetch_all(
            sa.select([notes.c.done, sa.func.count(), sa.func.sum(notes.c.price)])
            .group_by(notes.c.done).order_by(notes.c.done))))
        out.append(rows(await db.fetch_all(
            notes.select().with_only_columns([notes.c.id]).where(
                notes.c.tags.contains(["x"])))))
        out.append(rows(await db.fetch_all(
            sa.select([notes.c.text]).where(notes.c.doc["k"].astext == "v"))))
        out.append(rows(await db.fetch_all(  # jsonb @> $1, int4[] && $1, $1 = ANY(text[])
            sa.select([notes.c.text]).where(notes.c.doc.contains({"a": [2]})))))
        out.append(rows(await db.fetch_all(
            sa.select([notes.c.text]).where(notes.c.scores.overlap([9, 1]))
            .order_by(notes.c.id))))
        out.append(rows(await db.fetch_all(
            sa.select([notes.c.text]).where(notes.c.tags.any_() == "y z"))))
        out.append(rows(await db.fetch_all(
            sa.select([notes.c.text]).where(notes.c.text.in_(["second", "fifth"]))
            .order_by(notes.c.id).limit(1).offset(1))))
        out.append(await db.fetch_val(sa.select([sa.func.max(notes.c.at)])))
        return out

    await step(p + "core", core())

    async def raw():
        out = []
        out.append(rows(await db.fetch_all(
            "SELECT text, price * 2 AS twice FROM notes WHERE price >= :low ORDER BY id",
            values={"low": decimal.Decimal("4")})))
        out.append(await db.fetch_val(
            "SELECT at + interval '1 day' FROM notes WHERE ref = :ref", values={"ref": str(uuid.UUID(int=7))}))
        out.append(await db.fetch_val("SELECT doc -> 'a' FROM notes WHERE id = :id", values={"id": 1}))
        out.append(await db.fetch_val("SELECT scores FROM notes WHERE text = :t", values={"t": "third"}))
        out.append(await db.fetch_val("SELECT CAST(:a AS numeric(6, 3)) + 1", values={"a": decimal.Decimal("1.5")}))
        out.append(await db.execute("UPDATE notes SET done = true WHERE price < :p",
                                    values={"p": decimal.Decimal("5")}))
        return out

    await step(p + "raw", raw())

    async def iterate():
        return [r["text"] async for r in db.iterate(
            sa.select([notes.c.text]).order_by(notes.c.id))]

    await step(p + "iterate", iterate())

    async def more_types():
        kinds = sa.Table(
            "kinds", sa.MetaData(),
            sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
            sa.Column("d", sa.Date), sa.Column("t", sa.Time), sa.Column("iv", sa.Interval),
            sa.Column("b", sa.LargeBinary), sa.Column("f", sa.Float),
            sa.Column("mood", sa.Enum("ok", "sad", name="mood_e", native_enum=False)),
            sa.Column("made", sa.DateTime(timezone=True), server_default=sa.func.now()))
        await db.execute("DROP TABLE IF EXISTS kinds")
        await db.execute(CreateTable(kinds))
        new = await db.fetch_one(kinds.insert().returning(kinds.c.id, kinds.c.made.isnot(None)),
                                 values={"d": datetime.date(2024, 2, 29), "t": datetime.time(13, 45, 1),
                                         "iv": datetime.timedelta(days=1, seconds=90),
                                         "b": b"\x00\xffab", "f": 2.5, "mood": "sad"})
        r = await db.fetch_one(kinds.select())
        out = [tuple(new._mapping.values()), r["d"], r["t"], r["iv"], bytes(r["b"]), r["f"],
               r["mood"]]
        out.append(await db.fetch_val(sa.select([sa.func.count()]).select_from(kinds).where(
            kinds.c.d.between(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)))))
        out.append(await db.fetch_val("SELECT iv * 2 FROM kinds"))
        await db.execute("DROP TABLE kinds")
        return out

    await step(p + "more types", more_types())

    async def transactions():
        async with db.transaction():
            await db.execute("INSERT INTO notes (text) VALUES ('kept')")
            try:
                async with db.transaction():  # a savepoint
                    await db.execute("INSERT INTO notes (text) VALUES ('inner')")
                    raise RuntimeError("roll back the savepoint")
            except RuntimeError:
                pass
        tx = await db.transaction()
        await db.execute("INSERT INTO notes (text) VALUES ('rolled back')")
        await tx.rollback()
        return rows(await db.fetch_all("SELECT text FROM notes WHERE id > 5 ORDER BY id"))

    await step(p + "transaction", transactions())

    async def failed():
        try:
            async with db.transaction():
                await db.execute("INSERT INTO notes (text) VALUES ('doomed')")
                await db.execute("INSERT INTO notes (id, text) VALUES (1, 'dup')")
        except Exception as e:
            return state(e), await db.fetch_val("SELECT count(*) FROM notes WHERE text = 'doomed'")

    await step(p + "failed transaction", failed())

    async def savepoint_error():
        async with db.transaction():
            await db.execute("INSERT INTO notes (text) VALUES ('outer')")
            try:
                async with db.transaction():
                    await db.execute("SELECT 1 / 0")
            except Exception as e:
                code = state(e)
            await db.execute("INSERT INTO notes (text) VALUES ('after')")
        return code, rows(await db.fetch_all(
            "SELECT text FROM notes WHERE text IN ('outer', 'after') ORDER BY id"))

    await step(p + "savepoint after error", savepoint_error())

    async def errors():
        out = []
        for sql in ("SELECT nope FROM notes", "SELECT * FROM missing", "SELEC 1",
                    "INSERT INTO notes (text) VALUES (NULL)", "SELECT 'x'::int"):
            try:
                await db.execute(sql)
                out.append("ok")
            except Exception as e:
                out.append(state(e))
        return out

    await step(p + "errors", errors())

    async def drop():
        await db.execute(DropTable(notes))
        return await db.fetch_val("SELECT count(*) FROM information_schema.tables "
                                  "WHERE table_name = 'notes'")

    await step(p + "drop", drop())


async def force_rollback(driver):
    async with Database(URL % (driver, PORT), force_rollback=True) as db:
        await db.execute("CREATE TABLE scratch (n int)")
        await db.execute("INSERT INTO scratch VALUES (1)")
        inside = await db.fetch_val("SELECT count(*) FROM scratch")
    async with Database(URL % (driver, PORT)) as db:
        after = await db.fetch_val("SELECT count(*) FROM information_schema.tables "
                                   "WHERE table_name = 'scratch'")
    return inside, after


async def main():
    for driver, tag in (("", "asyncpg"), ("+aiopg", "aiopg")):
        async with Database(URL % (driver, PORT)) as db:
            await run(db, tag)
        await step(tag + ": force_rollback", force_rollback(driver))
    print("done")


asyncio.run(main())
