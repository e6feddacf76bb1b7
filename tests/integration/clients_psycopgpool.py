# SPDX-License-Identifier: Apache-2.0
# clients_psycopgpool.py: psycopg_pool 3.1 (Debian python3-psycopg-pool) with psycopg 3 —
# ConnectionPool and AsyncConnectionPool: connections given back idle, inside a transaction and
# in a failed one (the pool's ROLLBACK, seen from pg_stat_activity and in the data) and reset by
# a reset callback's DISCARD ALL (settings, prepared statements, temporary tables, WITH HOLD
# cursors gone), pool.check() after a terminated backend, pipeline mode with an error in the
# middle, server-side cursors, COPY through copy(); one line per step for test_clients.sh to
# compare with PostgreSQL 15.
# Usage: clients_psycopgpool.py CONNINFO pg|shardlite
import asyncio
import datetime
import decimal
import logging
import os
import sys
import time

import psycopg
from psycopg import errors
from psycopg_pool import AsyncConnectionPool, ConnectionPool

CONNINFO, TARGET = sys.argv[1], sys.argv[2]
VERBOSE = os.environ.get("CLIENTS_VERBOSE")
# the pool's "rolling back returned connection", and the pipeline's "error ignored terminating"
# that psycopg logs when the aborted pipeline's error reached it before the block's end
logging.getLogger("psycopg").setLevel(logging.ERROR)


def state(e):
    return getattr(getattr(e, "diag", None), "sqlstate", None) or type(e).__name__


def step(name, fn):
    try:
        print(name, fn())
    except psycopg.Error as e:
        if VERBOSE:
            print("   ", type(e).__name__, str(e).strip().replace("\n", " | "))
        print(name, "ERROR", state(e))


def reset(conn):
    """The pool's reset callback: the connection as a new one, as PgBouncer's server_reset_query."""
    conn.autocommit = True
    conn.execute("DISCARD ALL")
    conn.autocommit = False


def seen_by_server(conn, pid, p=None, size=1):
    """What another connection sees of backend pid: its state and its last statement, once the
    pool p has all its size connections back (a pool with a reset callback resets a connection
    in its worker thread)."""
    for _ in range(100):
        if (p or pool).get_stats().get("pool_available", 0) == size:
            break
        time.sleep(0.05)
    return conn.execute("SELECT state, query FROM pg_stat_activity WHERE pid = %s",
                        (pid,)).fetchone()


admin = psycopg.connect(CONNINFO, autocommit=True)
admin.execute("DROP TABLE IF EXISTS items")
admin.execute("CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL UNIQUE, "
              "qty int, price numeric(8,2), at timestamptz)")
pool = ConnectionPool(CONNINFO, min_size=1, max_size=1, reset=reset, open=True, timeout=10)


def idle_return():
    with pool.connection() as conn:
        pid = conn.info.backend_pid
        conn.execute("INSERT INTO items (name, qty) VALUES ('a', 1)")
    # the block committed: the pool gets it back idle, and sends DISCARD ALL from reset()
    with pool.connection() as conn:
        same = conn.info.backend_pid == pid
        status = conn.info.transaction_status.name
    return same, status, seen_by_server(admin, pid), admin.execute(
        "SELECT name, qty FROM items").fetchall()


step("pool: committed", idle_return)


def in_transaction():
    conn = pool.getconn()
    pid = conn.info.backend_pid
    conn.execute("INSERT INTO items (name, qty) VALUES ('uncommitted', 2)")
    before = conn.info.transaction_status.name
    pool.putconn(conn)  # still in the transaction: the pool rolls it back
    with pool.connection() as conn:
        after = conn.info.transaction_status.name
        rows = conn.execute("SELECT name FROM items ORDER BY id").fetchall()
    return before, after, rows, seen_by_server(admin, pid)


step("pool: returned in a transaction", in_transaction)


def failed():
    conn = pool.getconn()
    pid = conn.info.backend_pid
    try:
        conn.execute("INSERT INTO items (name) VALUES ('a')")
    except errors.UniqueViolation as e:
        code = state(e)
    before = conn.info.transaction_status.name
    pool.putconn(conn)
    with pool.connection() as conn:
        after = conn.info.transaction_status.name
        n = conn.execute("SELECT count(*) FROM items").fetchone()[0]
    return code, before, after, n, seen_by_server(admin, pid)


step("pool: returned failed", failed)


def discarded():
    with pool.connection() as conn:
        conn.execute("SET statement_timeout = '7s'")
        conn.execute("SET application_name = 'pooled'")
        conn.execute("PREPARE q AS SELECT 42")
        conn.execute("CREATE TEMP TABLE scratch (n int)")
        conn.execute("DECLARE held CURSOR WITH HOLD FOR SELECT 1")
        conn.commit()
        before = (conn.execute("SHOW statement_timeout").fetchone()[0],
                  conn.execute("SELECT count(*) FROM pg_prepared_statements").fetchone()[0])
    out = [before]
    with pool.connection() as conn:
        out.append(conn.execute("SHOW statement_timeout").fetchone()[0])
        out.append(conn.execute("SHOW application_name").fetchone()[0])
        out.append(conn.execute("SELECT count(*) FROM pg_prepared_statements").fetchone()[0])
        for sql in ("SELECT * FROM scratch", "FETCH held", "EXECUTE q"):
            try:
                conn.execute(sql)
                out.append("still there")
            except psycopg.Error as e:
                out.append(state(e))
            conn.rollback()
    return out


step("pool: reset by DISCARD ALL", discarded)


def terminated():
    with pool.connection() as conn:
        pid = conn.info.backend_pid
    # the pool gives the connection back (reset) in its worker thread: terminate it once it is
    # back, or check() finds the pool empty and the worker then returns the dead connection
    seen_by_server(admin, pid)
    admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    for _ in range(100):  # the backend goes away after pg_terminate_backend returns
        if not admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", (pid,)).fetchone():
            break
        time.sleep(0.05)
    pool.check()  # finds the broken connection and replaces it
    with pool.connection() as conn:
        return conn.info.backend_pid != pid, conn.execute("SELECT 1").fetchone()[0]


step("pool: check after pg_terminate_backend", terminated)


def pipeline():
    out = []
    with pool.connection() as conn:
        conn.autocommit = True
        with conn.pipeline() as p:
            c1 = conn.execute("INSERT INTO items (name, qty) VALUES (%s, %s) RETURNING id",
                              ("p1", 10))
            c2 = conn.execute("SELECT name, qty FROM items WHERE name = %s", ("p1",))
            c3 = conn.cursor()
            c3.executemany("INSERT INTO items (name, qty) VALUES (%s, %s)", [("p2", 1), ("p3", 2)])
            p.sync()
            out.append((c1.fetchone()[0] > 0, c2.fetchall(), c3.rowcount))
        # one implicit transaction up to the pipeline's Sync: the error aborts it all (psycopg
        # raises it at the exit, or at the next execute once the result is in)
        try:
            with conn.pipeline():
                conn.execute("INSERT INTO items (name) VALUES ('p4')")
                conn.execute("INSERT INTO items (name) VALUES ('p1')")  # 23505
                conn.execute("INSERT INTO items (name) VALUES ('p5')")
        except psycopg.Error as e:
            out.append(state(e))
        out.append(conn.execute("SELECT name FROM items WHERE name LIKE 'p%' ORDER BY name")
                   .fetchall())
        conn.autocommit = False
    return out


step("pipeline", pipeline)


def pipeline_transaction():
    with pool.connection() as conn:
        try:
            with conn.pipeline(), conn.transaction():
                conn.execute("INSERT INTO items (name) VALUES ('t1')")
                conn.execute("SELECT 1 / 0")
                conn.execute("INSERT INTO items (name) VALUES ('t2')")
        except psycopg.Error as e:
            code = state(e)
        return code, conn.info.transaction_status.name, conn.execute(
            "SELECT count(*) FROM items WHERE name LIKE 't%'").fetchone()[0]


step("pipeline in a transaction", pipeline_transaction)


def server_cursor():
    with pool.connection() as conn:
        with conn.transaction():
            conn.execute("INSERT INTO items (name, qty, price, at) "
                         "SELECT 'g' || g, g, g * 1.5, timestamptz '2024-01-01 00:00+00' "
                         "+ g * interval '1 hour' FROM generate_series(1, 25) g")
        out = []
        with conn.cursor("big") as cur:
            cur.itersize = 10
            cur.execute("SELECT qty, price, at FROM items WHERE name LIKE %s ORDER BY qty", ("g%",))
            out.append(cur.fetchone())
            out.append(len(cur.fetchmany(5)))
            out.append(sum(1 for _ in cur))
        conn.commit()
        with conn.cursor("held", withhold=True) as cur:
            cur.execute("SELECT name FROM items WHERE qty > %s ORDER BY qty", (20,))
            conn.commit()  # WITH HOLD: the cursor outlives the transaction
            out.append(cur.fetchall())
        return out


step("server-side cursor", server_cursor)


def copy():
    with pool.connection() as conn:
        with conn.cursor() as cur:
            with cur.copy("COPY items (name, qty, price, at) FROM STDIN") as cp:
                cp.write_row(("c1", 1, decimal.Decimal("1.25"),
                              datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=datetime.timezone.utc)))
                cp.write_row(("c\ttab", None, None, None))
            n = cur.rowcount
            with cur.copy("COPY (SELECT name, qty, price FROM items WHERE name LIKE 'c%' "
                          "ORDER BY name) TO STDOUT") as cp:
                cp.set_types(["text", "int4", "numeric"])
                rows = list(cp.rows())
            with cur.copy("COPY items (name) FROM STDIN (FORMAT csv)") as cp:
                cp.write('"c,csv"\n')
            conn.commit()
            try:
                with cur.copy("COPY items (name, qty) FROM STDIN") as cp:
                    cp.write_row(("c2", "x"))
            except psycopg.Error as e:
                bad = state(e)
        conn.commit()
        return n, rows, bad, conn.execute(
            "SELECT count(*) FROM items WHERE name LIKE 'c%'").fetchone()[0]


step("copy", copy)


def stats():
    s = pool.get_stats()
    return s["pool_min"], s["pool_max"], s["pool_size"], s["requests_num"]


step("pool stats", stats)
pool.close()


def plain_rollback():
    """Without a reset callback the pool's own ROLLBACK is the last statement the server saw."""
    with ConnectionPool(CONNINFO, min_size=1, max_size=1) as p:
        conn = p.getconn()
        pid = conn.info.backend_pid
        conn.execute("INSERT INTO items (name) VALUES ('never')")
        p.putconn(conn)
        return seen_by_server(admin, pid, p), admin.execute(
            "SELECT count(*) FROM items WHERE name = 'never'").fetchone()[0]


step("pool: its ROLLBACK", plain_rollback)


def configured():
    def configure(conn):  # each new connection: a session setting, committed
        conn.execute("SET TIME ZONE 'Asia/Kolkata'")
        conn.execute("SET search_path TO public")
        conn.commit()

    with ConnectionPool(CONNINFO, min_size=2, max_size=3, configure=configure,
                        kwargs={"autocommit": True, "application_name": "cfg"}) as p:
        p.wait()
        out = []
        with p.connection() as a, p.connection() as b:
            for conn in (a, b):
                out.append((conn.autocommit, conn.execute("SHOW TimeZone").fetchone()[0],
                            conn.execute("SELECT current_setting('application_name')")
                            .fetchone()[0], conn.execute(
                                "SELECT timestamptz '2024-01-01 00:00+00'").fetchone()[0]
                            .isoformat()))
        p.resize(min_size=1, max_size=1)
        out.append((p.min_size, p.max_size))
        return out


step("pool configure", configured)


async def async_pool():
    out = []
    async with AsyncConnectionPool(CONNINFO, min_size=2, max_size=2, open=False) as apool:
        async with apool.connection() as conn:
            cur = await conn.execute("SELECT count(*) FROM items")
            out.append((await cur.fetchone())[0])

        async def worker(i):
            async with apool.connection() as conn:
                await conn.execute("INSERT INTO items (name, qty) VALUES (%s, %s)", ("a%d" % i, i))
                await asyncio.sleep(0.05)
        await asyncio.gather(*(worker(i) for i in range(6)))
        conn = await apool.getconn()
        pid = conn.info.backend_pid
        await conn.execute("UPDATE items SET qty = 0")
        await apool.putconn(conn)  # in a transaction: rolled back
        async with apool.connection() as conn:
            cur = await conn.execute("SELECT count(*), sum(qty) FROM items WHERE name LIKE 'a_'")
            out.append(await cur.fetchone())
            out.append(conn.info.transaction_status.name)
            try:
                async with conn.pipeline():
                    c1 = await conn.execute("SELECT %s::int + 1", (1,))
                    await conn.execute("SELECT 'x'::int")
            except psycopg.Error as e:
                out.append(((await c1.fetchone())[0], state(e)))
            await conn.rollback()
        out.append(seen_by_server(admin, pid, apool, 2)[0])
        async with apool.connection() as conn:
            async with conn.cursor("acur") as cur:
                await cur.execute("SELECT name FROM items WHERE name LIKE 'a_' ORDER BY name")
                out.append([r[0] async for r in cur])
            async with conn.cursor() as cur:
                async with cur.copy("COPY (SELECT qty FROM items WHERE name LIKE 'a_' "
                                    "ORDER BY qty) TO STDOUT") as cp:
                    out.append([bytes(b) async for b in cp])
    return out


def run_async():
    try:
        return asyncio.run(async_pool())
    except psycopg.Error as e:
        return "ERROR", state(e)


step("async pool", run_async)
admin.execute("DROP TABLE items")
admin.close()
print("done")
