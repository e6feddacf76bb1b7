# SPDX-License-Identifier: Apache-2.0
# clients_asyncpg.py: drives asyncpg (Debian python3-asyncpg), which speaks the binary format
# for every value and introspects pg_type for the codecs of what it does not know, through what
# applications use; one line per step, for test_clients.sh to compare with PostgreSQL 15.
# Usage: clients_asyncpg.py HOST PORT pg|shardlite  (on shardlite the tenant is a startup
# parameter, as asyncpg's server_settings sends it)
import asyncio
import datetime
import decimal
import json
import os
import sys
import uuid

import asyncpg

HOST, PORT, TARGET = sys.argv[1], int(sys.argv[2]), sys.argv[3]
VERBOSE = os.environ.get("CLIENTS_VERBOSE")


def err_line(e):
    if VERBOSE:
        print("   ", type(e).__name__, str(e).strip().replace("\n", " | "))
    return ("ERROR", type(e).__name__, getattr(e, "sqlstate", None))


async def step(conn, name, fn):
    try:
        print(name, await fn())
    except (asyncpg.PostgresError, asyncpg.InterfaceError) as e:
        print(name, *err_line(e))


async def gap(conn, name, fn, answer, pg_answer=None):
    """A known difference: shardlite answers `answer` (a SQLSTATE, or the repr of what fn
    returns) where PostgreSQL succeeds (returning pg_answer's repr, when given)."""
    try:
        got, ok = repr(await fn()), True
    except (asyncpg.PostgresError, asyncpg.InterfaceError) as e:
        err_line(e)
        got, ok = getattr(e, "sqlstate", type(e).__name__), False
    good = got == answer if TARGET == "shardlite" else (ok if pg_answer is None else got == pg_answer)
    print(name, "known gap" if good else "UNEXPECTED %s" % got)


def rows(rs):
    return [tuple(r.values()) for r in rs]


UTC = datetime.timezone.utc
ROW = (7, 42, 2**40, 1.5, 2.25, decimal.Decimal("12.3456"), "héllo 'q'", "vc",
       b"\x00\x01\xff", True, datetime.date(2024, 2, 29), datetime.time(13, 14, 15, 500000),
       datetime.datetime(2024, 1, 2, 3, 4, 5, 678000),
       datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
       uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), json.dumps({"k": [1, 2]}),
       json.dumps({"z": None}), datetime.timedelta(days=1, seconds=3), [1, 2, None],
       ["a", "b c", None], [decimal.Decimal("1.50"), None])
COLS = "i2, i, b, r, f, n, s, vc, by, t, d, tm, ts, tz, u, j, jb, iv, ia, ta, na"
PH = ", ".join("$%d" % (i + 1) for i in range(len(ROW)))


async def main():
    kw = {"server_settings": {"tenant": "apg"}} if TARGET == "shardlite" else {}
    conn = await asyncpg.connect(host=HOST, port=PORT, user="postgres", database="acme", **kw)
    print("server_version", conn.get_server_version().major)
    print("settings", conn.get_settings().server_encoding, conn.get_settings().client_encoding)

    async def create():
        return await conn.execute("""CREATE TABLE vals (id bigserial PRIMARY KEY, i2 int2,
            i int4, b int8, r float4, f float8, n numeric(12,4), s text, vc varchar(20),
            by bytea, t bool, d date, tm time, ts timestamp, tz timestamptz, u uuid, j json,
            jb jsonb, iv interval, ia int4[], ta text[], na numeric[])""")
    await step(conn, "create", create)
    ins = "INSERT INTO vals (%s) VALUES (%s) RETURNING id" % (COLS, PH)
    await step(conn, "insert", lambda: conn.fetchval(ins, *ROW))
    await step(conn, "insert nulls", lambda: conn.fetchval(ins, *([None] * len(ROW))))
    sel = "SELECT %s FROM vals ORDER BY id" % COLS
    await step(conn, "select", lambda: conn.fetch(sel))
    await step(conn, "python types", async_types(conn, sel))

    async def prepared():
        st = await conn.prepare("SELECT i, s, n FROM vals WHERE i = $1 OR $1::int IS NULL ORDER BY id")
        out = [[(a.name, a.type.name, a.type.kind) for a in st.get_attributes()],
               [t.name for t in st.get_parameters()], rows(await st.fetch(42)),
               await st.fetchval(42, column=1), rows(await st.fetch(None))]
        return out
    await step(conn, "prepared", prepared)

    async def params():
        return rows(await conn.fetch(
            "SELECT $1::int + 1, $2::text || 'x', $3::numeric(6,2), $4::date + 1, $5::bool,"
            " $6::bytea, $7::uuid, $8::float8, $9::timestamptz",
            1, "a", decimal.Decimal("1.50"), datetime.date(2024, 12, 31), False, b"\x01",
            uuid.UUID(int=5), 0.1, datetime.datetime(2024, 6, 1, tzinfo=UTC)))
    await step(conn, "param types", params)
    # a numeric parameter keeps its scale, alone and in arithmetic (earlier gap #4)
    await step(conn, "numeric param scale",
               lambda: conn.fetchrow("SELECT $1::numeric, $1::numeric * 2, $2::numeric(6,2),"
                                     " $3::numeric + 1", decimal.Decimal("1.50"),
                                     decimal.Decimal("1.5"), decimal.Decimal("NaN")))

    async def executemany():
        await conn.executemany("INSERT INTO vals (i, s) VALUES ($1, $2)",
                               [(i, "m%d" % i) for i in range(5)])
        return await conn.fetchval("SELECT count(*) FROM vals WHERE s LIKE 'm%'")
    await step(conn, "executemany", executemany)

    async def copy_in():
        await conn.execute("CREATE TABLE c (a int, b text, d date, n numeric)")
        r = await conn.copy_records_to_table(
            "c", records=[(1, "one", datetime.date(2024, 1, 1), decimal.Decimal("1.5")),
                          (2, None, None, None)], columns=["a", "b", "d", "n"])
        return r, rows(await conn.fetch("SELECT * FROM c ORDER BY a"))
    await step(conn, "copy_records_to_table (binary COPY)", copy_in)

    async def copy_text():
        await conn.execute("CREATE TABLE IF NOT EXISTS c (a int, b text, d date, n numeric)")
        import io
        src = io.BytesIO(b"3\tthree\t2024-03-03\t3\n4\t\\N\t\\N\t4.25\n")
        r = await conn.copy_to_table("c", source=src, columns=["a", "b", "d", "n"])
        out = io.BytesIO()
        r2 = await conn.copy_from_query("SELECT a, b FROM c WHERE a >= 3 ORDER BY a", output=out,
                                        format="csv")
        return r, r2, out.getvalue()
    await step(conn, "copy text", copy_text)

    async def transactions():
        out = []
        async with conn.transaction():
            await conn.execute("INSERT INTO c (a, b) VALUES (11, 'outer')")
            try:
                async with conn.transaction():
                    await conn.execute("INSERT INTO c (a, b) VALUES (12, 'inner')")
                    await conn.execute("INSERT INTO c (a) VALUES (1/0)")
            except asyncpg.DivisionByZeroError as e:
                out.append(("inner rolled back", e.sqlstate))
        out.append(rows(await conn.fetch("SELECT a, b FROM c WHERE a >= 10 ORDER BY a")))
        tr = conn.transaction(isolation="serializable", readonly=True)
        await tr.start()
        try:
            await conn.execute("INSERT INTO c (a) VALUES (13)")
        except asyncpg.PostgresError as e:
            out.append(e.sqlstate)
        await tr.rollback()
        out.append(conn.is_in_transaction())
        return out
    await step(conn, "transactions", transactions)

    async def cursor():
        out = []
        async with conn.transaction():
            cur = await conn.cursor("SELECT a FROM c WHERE a IS NOT NULL ORDER BY a")
            out.append(rows(await cur.fetch(2)))
            out.append(tuple((await cur.fetchrow()).values()))
            out.append(rows(await cur.fetch(10)))
            out.append([r["a"] async for r in conn.cursor("SELECT a FROM c WHERE a < $1 ORDER BY a", 3, prefetch=1)])
        return out
    await step(conn, "cursor", cursor)

    async def cursor_forward():
        async with conn.transaction():
            cur = await conn.cursor("SELECT a FROM c WHERE a IS NOT NULL ORDER BY a")
            moved = await cur.forward(2)  # SQL MOVE on the protocol-level portal
            out = [moved, rows(await cur.fetch(1)), await cur.forward(100)]
            return out + [rows(await cur.fetch(1))]
    await step(conn, "cursor forward", cursor_forward)

    async def errors():
        out = []
        await conn.execute("CREATE TABLE p (id int PRIMARY KEY)")
        await conn.execute("CREATE TABLE ch (p int NOT NULL REFERENCES p, v int CHECK (v > 0))")
        await conn.execute("INSERT INTO p VALUES (1)")
        for sql in ("INSERT INTO p VALUES (1)", "INSERT INTO ch VALUES (2, 1)",
                    "INSERT INTO ch VALUES (NULL, 1)", "INSERT INTO ch VALUES (1, -1)",
                    "SELECT nosuch FROM p", "SELECT * FROM nosuch", "SELEC 1",
                    "SELECT 'x'::int"):
            try:
                await conn.execute(sql)
            except asyncpg.PostgresError as e:
                out.append((type(e).__name__, e.sqlstate, e.severity))
        try:
            await conn.fetch("SELECT $1::int", "not an int")
        except (asyncpg.DataError, asyncpg.PostgresError) as e:
            out.append(type(e).__name__)
        return out
    await step(conn, "errors", errors)

    async def introspect():
        await conn.execute("CREATE TABLE e (id int, tags varchar(10)[], nums numeric[])")
        await conn.execute("INSERT INTO e VALUES (1, '{a,b}', '{1.5,NULL}')")
        return rows(await conn.fetch("SELECT tags, nums FROM e"))
    # asyncpg learns array codecs from its own pg_type query ("ti.oid = any($1::oid[])")
    await step(conn, "array columns", introspect)

    async def array_param():
        return [await conn.fetchval("SELECT $1::int8[]", [1, None, 3]),
                await conn.fetchval("SELECT array_length($1::text[], 1)", ["a", "b"]),
                rows(await conn.fetch("SELECT i FROM vals WHERE i = any($1::int4[])", [42, 7]))]
    await step(conn, "array parameter", array_param)

    # enums: asyncpg learns the type from its introspection query (typtype 'e') and sends and
    # reads labels as text; an array of the enum as an array of them
    async def enum_codec():
        await conn.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')")
        await conn.execute("CREATE TABLE feel (id int4 PRIMARY KEY, m mood, ms mood[])")
        await conn.execute("INSERT INTO feel VALUES ($1, $2, $3)", 1, "happy", ["sad", "ok"])
        await conn.executemany("INSERT INTO feel (id, m) VALUES ($1, $2)", [(2, "sad"), (3, "ok")])
        return [await conn.fetchval("SELECT 'happy'::mood"),
                rows(await conn.fetch("SELECT id, m, ms FROM feel ORDER BY m")),
                rows(await conn.fetch("SELECT id FROM feel WHERE m > $1 ORDER BY id", "sad")),
                await conn.fetchval("SELECT max(m) FROM feel")]
    await step(conn, "enum codec", enum_codec)
    await step(conn, "enum invalid",
               lambda: conn.execute("INSERT INTO feel (id, m) VALUES ($1, $2)", 4, "meh"))

    # composite types: asyncpg's introspection (typtype 'c', the attributes through
    # pg_attribute) and its binary record codec (record_send/record_recv), both ways
    async def composite_codec():
        await conn.execute("CREATE TYPE cpair AS (a int4, b text, n numeric(6,2))")
        await conn.execute("CREATE TABLE cwallet (id int4 PRIMARY KEY, p cpair)")
        await conn.execute("INSERT INTO cwallet VALUES ($1, $2)", 1, (3, "x y", decimal.Decimal("1.5")))
        await conn.execute("INSERT INTO cwallet VALUES ($1, $2)", 2, (None, "", None))
        await conn.execute("INSERT INTO cwallet VALUES ($1, $2)", 3, None)
        got = [(i, None if p is None else tuple(p)) for i, p in
               rows(await conn.fetch("SELECT id, p FROM cwallet ORDER BY id"))]
        one = await conn.fetchval("SELECT $1::cpair", (7, 'q"r', decimal.Decimal("2")))
        return [got, tuple(one), await conn.fetchval("SELECT (p).b FROM cwallet WHERE id = 1")]
    await step(conn, "composite codec", composite_codec)

    # ranges: asyncpg's binary range codec (range_send/range_recv) over each subtype
    async def range_codec():
        R = asyncpg.Range
        await conn.execute("CREATE TABLE booking (id int4 PRIMARY KEY, seats int4range, "
                           "days daterange, during tstzrange, price numrange, at tsrange)")
        await conn.execute("INSERT INTO booking VALUES ($1, $2, $3, $4, $5, $6)", 1, R(1, 5),
                           R(datetime.date(2024, 1, 1), datetime.date(2024, 1, 5), upper_inc=True),
                           R(datetime.datetime(2024, 1, 1, 10, tzinfo=UTC), None),
                           R(decimal.Decimal("1.50"), decimal.Decimal("2")),
                           R(datetime.datetime(2024, 1, 1, 10), datetime.datetime(2024, 1, 2)))
        await conn.execute("INSERT INTO booking (id, seats) VALUES ($1, $2)", 2, R(empty=True))
        return [rows(await conn.fetch("SELECT * FROM booking ORDER BY seats")),
                await conn.fetchval("SELECT id FROM booking WHERE seats @> $1::int4 AND during && $2",
                                    3, R(datetime.datetime(2024, 1, 2, tzinfo=UTC), None)),
                await conn.fetchval("SELECT ARRAY[int4range(1, 2), int4range(3, 4, '[]')]")]
    await step(conn, "range codec", range_codec)

    await conn.close()
    print("done")


def async_types(conn, sel):
    async def f():
        return [type(v).__name__ for v in (await conn.fetchrow(sel)).values()]
    return f


asyncio.run(main())
