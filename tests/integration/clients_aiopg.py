# SPDX-License-Identifier: Apache-2.0
# clients_aiopg.py: aiopg 1.4 (Debian python3-aiopg; psycopg2 in asynchronous mode) and its
# SQLAlchemy layer aiopg.sa: a pool (acquire/release, size, reuse), cursors (parameters, fetch
# one/many/all, iteration, description, rowcount, callproc, DECLARE/FETCH cursors),
# transactions (cur.begin(), savepoints, rollback on error), LISTEN/NOTIFY through
# conn.notifies, cancellation (statement_timeout, aiopg's own timeout, a task cancelled), errors
# by SQLSTATE. One line per step for test_clients.sh to compare with PostgreSQL 15.
# Usage: clients_aiopg.py PORT pg|shardlite
import asyncio
import datetime
import decimal
import os
import sys
import warnings

os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")  # aiopg.sa uses 1.4's API
import aiopg  # noqa: E402
import aiopg.sa  # noqa: E402
import psycopg2  # noqa: E402
import psycopg2.extras  # noqa: E402
import sqlalchemy as sa  # noqa: E402

PORT, TARGET = int(sys.argv[1]), sys.argv[2]
VERBOSE = os.environ.get("CLIENTS_VERBOSE")
warnings.simplefilter("ignore")  # aiopg warns of a connection released in a transaction
DSN = "host=127.0.0.1 port=%d user=postgres dbname=acme" % PORT

meta = sa.MetaData()
items = sa.Table(
    "items", meta,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(40), nullable=False, unique=True),
    sa.Column("price", sa.Numeric(8, 2)),
    sa.Column("at", sa.DateTime(timezone=True)),
    sa.Column("on", sa.Boolean, server_default=sa.true()),
)


def state(e):
    return getattr(e, "pgcode", None) or type(e).__name__


async def step(name, coro):
    try:
        print(name, await coro)
    except Exception as e:  # psycopg2's error classes: print the SQLSTATE
        if VERBOSE:
            print("   ", type(e).__name__, str(e).strip().replace("\n", " | "))
        print(name, "ERROR", state(e))


async def setup(pool):
    async with pool.acquire() as conn:
        async with conn.cursor() as cur:
            await cur.execute("DROP TABLE IF EXISTS items, moves")
            await cur.execute("CREATE TABLE moves (id serial PRIMARY KEY, item text, n int "
                              "CHECK (n <> 0), at timestamptz DEFAULT now())")
            await cur.execute("CREATE OR REPLACE FUNCTION add_move(i text, k int) RETURNS int "
                              "LANGUAGE sql AS $$ INSERT INTO moves (item, n) VALUES (i, k) "
                              "RETURNING id $$")
            return "pool size %d free %d min %d max %d" % (pool.size, pool.freesize,
                                                           pool.minsize, pool.maxsize)


async def cursors(pool):
    out = []
    async with pool.acquire() as conn:
        async with conn.cursor() as cur:
            await cur.execute("INSERT INTO moves (item, n) VALUES (%s, %s), (%s, %s), (%s, %s)",
                              ("a", 1, "b", -2, "ü ' \\", 3))
            out.append("rowcount %d" % cur.rowcount)
            await cur.execute("SELECT id, item, n, n::numeric / 3 AS third FROM moves "
                              "WHERE n > %(lo)s ORDER BY id", {"lo": -5})
            out.append("description %s" % [(d.name, d.type_code) for d in cur.description])
            out.append("one %s" % (await cur.fetchone(),))
            out.append("many %s" % (await cur.fetchmany(1),))
            out.append("all %s" % (await cur.fetchall(),))
            await cur.execute("SELECT generate_series(1, 4)")
            out.append("iterated %s" % [r async for r in cur])
            await cur.callproc("add_move", ("c", 4))
            out.append("callproc %s" % (await cur.fetchone(),))
            out.append("mogrify %s" % cur.mogrify("SELECT %s, %s", (decimal.Decimal("1.50"),
                                                                  [1, None])).decode())
        async with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            await cur.execute("SELECT item, n FROM moves WHERE id = 1")
            out.append("dict %s" % dict(await cur.fetchone()))
    return "; ".join(out)


async def declared_cursor(pool):
    # psycopg2's asynchronous mode has no named cursors: DECLARE and FETCH in a transaction
    async with pool.acquire() as conn:
        async with conn.cursor() as cur:
            async with cur.begin():
                await cur.execute("DECLARE big CURSOR FOR "
                                  "SELECT g, g * 2 FROM generate_series(1, 5) g")
                await cur.execute("FETCH 2 FROM big")
                first = await cur.fetchall()
                await cur.execute("FETCH ALL FROM big")
                rest = await cur.fetchall()
                await cur.execute("CLOSE big")
            return "%s then %s" % (first, rest)


async def transactions(pool):
    out = []
    async with pool.acquire() as conn:
        async with conn.cursor() as cur:
            async with cur.begin():
                await cur.execute("INSERT INTO moves (item, n) VALUES ('t', 10)")
                await cur.execute("SAVEPOINT s1")
                await cur.execute("INSERT INTO moves (item, n) VALUES ('t', 20)")
                await cur.execute("ROLLBACK TO SAVEPOINT s1")
            await cur.execute("SELECT array_agg(n ORDER BY n) FROM moves WHERE item = 't'")
            out.append("committed %s" % (await cur.fetchone())[0])
            try:
                async with cur.begin():
                    await cur.execute("INSERT INTO moves (item, n) VALUES ('u', 1)")
                    await cur.execute("INSERT INTO moves (item, n) VALUES ('u', 0)")
            except psycopg2.Error as e:
                out.append("check failed %s" % e.pgcode)
            await cur.execute("SELECT count(*) FROM moves WHERE item = 'u'")
            out.append("rolled back, %s rows" % (await cur.fetchone())[0])
            await cur.execute("SELECT 1")
            out.append("status %s" % conn.raw.get_transaction_status())
    return "; ".join(out)


async def errors(pool):
    out = []
    async with pool.acquire() as conn:
        async with conn.cursor() as cur:
            for sql in ("SELECT * FROM nope", "SELECT 1/0", "SELEC 1",
                        "INSERT INTO moves (item, n) VALUES ('x', 0)"):
                try:
                    await cur.execute(sql)
                except psycopg2.Error as e:
                    out.append("%s %s" % (type(e).__name__, e.pgcode))
            await cur.execute("SELECT 'still usable'")
            out.append((await cur.fetchone())[0])
    return "; ".join(out)


async def pool_reuse(pool):
    async def one(i):
        async with pool.acquire() as conn:
            async with conn.cursor() as cur:
                await cur.execute("SELECT %s::int * 10, pg_backend_pid() > 0", (i,))
                return await cur.fetchone()
    got = await asyncio.gather(*(one(i) for i in range(8)))
    return "%s size %d free %d" % (got, pool.size, pool.freesize)


async def notifies():
    out = []
    async with aiopg.connect(DSN) as listener, aiopg.connect(DSN) as talker:
        async with listener.cursor() as lc, talker.cursor() as tc:
            await lc.execute("LISTEN jobs")
            await lc.execute("LISTEN other")
            await tc.execute("NOTIFY jobs, 'first'")
            await tc.execute("SELECT pg_notify('other', 'é second')")
            await tc.execute("BEGIN")
            await tc.execute("NOTIFY jobs, 'in txn'")
            await tc.execute("NOTIFY jobs, 'in txn'")  # folded into one, as PostgreSQL does
            await tc.execute("NOTIFY jobs, 'third'")
            await tc.execute("COMMIT")
            await tc.execute("BEGIN")
            await tc.execute("NOTIFY jobs, 'rolled back'")
            await tc.execute("ROLLBACK")
            for _ in range(4):
                n = await asyncio.wait_for(listener.notifies.get(), 5)
                out.append("%s:%s:%s" % (n.channel, n.payload, n.pid == talker.raw.info.backend_pid))
            await lc.execute("UNLISTEN *")
            await tc.execute("NOTIFY jobs, 'unheard'")
            await lc.execute("SELECT 1")
            await asyncio.sleep(0.3)
            out.append("after UNLISTEN %d queued" % listener.notifies.qsize())
    return "; ".join(out)


async def cancel_statement_timeout():
    async with aiopg.connect(DSN) as conn:
        async with conn.cursor() as cur:
            await cur.execute("SET statement_timeout = 200")
            try:
                await cur.execute("SELECT pg_sleep(5)")
                return "not cancelled"
            except asyncio.CancelledError:  # aiopg turns QueryCanceledError (57014) into this
                res = "CancelledError"
            await cur.execute("SELECT 'usable after'")
            return "%s, then %s" % (res, (await cur.fetchone())[0])


async def cancel_by_timeout(pool):
    conn = await pool.acquire()
    try:
        async with conn.cursor(timeout=0.3) as cur:
            await cur.execute("SELECT pg_sleep(3)")
        res = "not timed out"
    except asyncio.TimeoutError:  # aiopg closes the connection it gave up on
        res = "TimeoutError, closed %s" % conn.closed
    finally:
        pool.release(conn)
    async with pool.acquire() as conn2:
        async with conn2.cursor() as cur:
            await cur.execute("SELECT 'next connection ok'")
            return "%s; %s" % (res, (await cur.fetchone())[0])


async def cancel_task():
    async with aiopg.connect(DSN) as conn:
        async with conn.cursor() as cur:
            task = asyncio.ensure_future(cur.execute("SELECT pg_sleep(3)"))
            await asyncio.sleep(0.3)
            task.cancel()
            try:
                await task
                return "not cancelled"
            except asyncio.CancelledError:
                return "CancelledError, closed %s" % conn.closed


async def sa_engine():
    out = []
    async with aiopg.sa.create_engine(DSN, minsize=1, maxsize=3) as engine:
        async with engine.acquire() as conn:
            await conn.execute(sa.text("DROP TABLE IF EXISTS items"))
            await conn.execute(sa.schema.CreateTable(items))
            at = datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=datetime.timezone.utc)
            await conn.execute(items.insert().values(name="bolt", price=decimal.Decimal("0.25"),
                                                     at=at))
            rid = await conn.scalar(items.insert().values(name="nut", price=None, on=False)
                                    .returning(items.c.id))
            out.append("returning %s" % rid)
            res = await conn.execute(items.select().order_by(items.c.id))
            out.append("rows %s" % [tuple(r.values()) for r in await res.fetchall()])
            out.append("keys %s" % list(res.keys()))
            async with conn.begin():
                await conn.execute(items.update().where(items.c.name == "nut")
                                   .values(price=items.c.id * 2))
            trans = await conn.begin()
            await conn.execute(items.delete())
            await trans.rollback()
            nested = await conn.begin()
            sp = await conn.begin_nested()
            await conn.execute(items.insert().values(name="gone"))
            await sp.rollback()
            await nested.commit()
            out.append("count %s" % await conn.scalar(sa.select([sa.func.count()])
                                                      .select_from(items)))
            try:
                await conn.execute(items.insert().values(name="bolt"))
            except psycopg2.IntegrityError as e:
                out.append("duplicate %s" % e.pgcode)
            row = await (await conn.execute(
                sa.select([items.c.name, items.c.price, items.c.on])
                .where(items.c.price > sa.bindparam("p")), p=decimal.Decimal("0.1")
            )).fetchall()
            out.append("bind %s" % [tuple(r.values()) for r in row])
    return "; ".join(out)


async def main():
    # aiopg reports the QueryCanceledError it turns into CancelledError to the loop's handler
    asyncio.get_running_loop().set_exception_handler(lambda loop, ctx: None)
    async with aiopg.create_pool(DSN, minsize=2, maxsize=4, timeout=10) as pool:
        await step("pool", setup(pool))
        await step("cursors", cursors(pool))
        await step("declared cursor", declared_cursor(pool))
        await step("transactions", transactions(pool))
        await step("errors", errors(pool))
        await step("pool reuse", pool_reuse(pool))
        await step("cancel by aiopg timeout", cancel_by_timeout(pool))
    await step("notifies", notifies())
    await step("cancel by statement_timeout", cancel_statement_timeout())
    await step("cancel by task.cancel()", cancel_task())
    await step("aiopg.sa", sa_engine())
    print("done")


asyncio.run(main())
