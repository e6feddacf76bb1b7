# SPDX-License-Identifier: Apache-2.0
# clients_pg8000.py: drives pg8000 1.10 (Debian python3-pg8000, pure Python: it types every
# parameter itself and asks for binary results of the types it knows) through its DB-API
# interface — parameters of every common type, paramstyles, executemany, transactions and
# autocommit, errors with SQLSTATE; one line per step, for test_clients.sh to compare.
# Usage: clients_pg8000.py HOST PORT pg|shardlite
import datetime
import decimal
import os
import sys
import uuid

import pg8000

HOST, PORT, TARGET = sys.argv[1], int(sys.argv[2]), sys.argv[3]
VERBOSE = os.environ.get("CLIENTS_VERBOSE")
UTC = datetime.timezone.utc


def sqlstate(e):
    """pg8000 1.10 raises ProgrammingError(severity, severity, code, message, ...)."""
    args = e.args
    return args[2] if len(args) > 3 else type(e).__name__


def step(conn, name, fn):
    try:
        print(name, fn())
    except pg8000.Error as e:
        if VERBOSE:
            print("   ", e.args[:5])
        print(name, "ERROR", type(e).__name__, sqlstate(e))
        conn.rollback()


def show(v):
    """A value with its Python type, datetimes with their offset."""
    return (type(v).__name__, v.isoformat() if hasattr(v, "isoformat") else v)


def main():
    conn = pg8000.connect(user="postgres", host=HOST, port=PORT, database="acme")
    cur = conn.cursor()

    def q(sql, args=None):
        cur.execute(sql, args)
        return cur.fetchall() if cur.description else cur.rowcount

    step(conn, "version", lambda: q("SHOW server_version_num")[0][0][:2])
    step(conn, "create", lambda: (q("""CREATE TABLE t (id serial PRIMARY KEY, i2 int2, i int4,
        b int8, r float4, f float8, n numeric(10,4), s text, vc varchar(10), by bytea, ok bool,
        d date, tm time, ts timestamp, tz timestamptz, u uuid, j json, jb jsonb, iv interval,
        ia int4[], ta text[])"""), conn.commit()))
    row = (7, 42, 2**40, 1.5, 2.25, decimal.Decimal("12.3456"), "héllo 'q'", "vc",
           pg8000.Binary(b"\x00\x01\xff"), True, datetime.date(2024, 2, 29),
           datetime.time(13, 14, 15, 500000), datetime.datetime(2024, 1, 2, 3, 4, 5, 678000),
           datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
           uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), '{"k": [1, 2]}', '{"z": null}',
           datetime.timedelta(days=1, seconds=3), [1, 2, 3], ["a", "b c"])
    cols = "i2, i, b, r, f, n, s, vc, by, ok, d, tm, ts, tz, u, j, jb, iv, ia, ta"
    ph = ", ".join(["%s"] * len(row))
    step(conn, "insert", lambda: q("INSERT INTO t (%s) VALUES (%s) RETURNING id" % (cols, ph), row))
    step(conn, "insert nulls", lambda: q("INSERT INTO t (s, n, tz) VALUES (%s, %s, %s)", (None, None, None)))
    step(conn, "select", lambda: [show(v) for v in q("SELECT %s FROM t WHERE id = 1" % cols)[0]])
    step(conn, "description", lambda: [(d[0], d[1]) for d in cur.description])
    step(conn, "nulls", lambda: q("SELECT s, n, tz, i FROM t WHERE id = 2"))
    step(conn, "expressions", lambda: [show(v) for v in q(
        "SELECT %s + 1, %s || 'x', %s * 2, now() > %s, %s::numeric / 3, count(*) FROM t",
        (41, "a", decimal.Decimal("1.25"), datetime.datetime(2000, 1, 1, tzinfo=UTC), 10))[0]])
    step(conn, "executemany", lambda: (cur.executemany(
        "INSERT INTO t (i, s) VALUES (%s, %s)", [(1, "m1"), (2, "m2"), (3, "m3")]), cur.rowcount)[1])
    step(conn, "commit", lambda: (conn.commit(), q("SELECT count(*) FROM t"))[1])

    def rolled_back():
        q("INSERT INTO t (s) VALUES ('gone')")
        conn.rollback()
        return q("SELECT count(*) FROM t WHERE s = 'gone'")
    step(conn, "rollback", rolled_back)

    def failed_txn():
        try:
            q("SELECT 1/0")
        except pg8000.ProgrammingError as e:
            first = sqlstate(e)
        try:
            q("SELECT 1")
        except pg8000.ProgrammingError as e:
            return first, sqlstate(e)
        finally:
            conn.rollback()
    step(conn, "failed transaction", failed_txn)
    step(conn, "create u", lambda: (q("CREATE TABLE u (id int PRIMARY KEY, e text UNIQUE)"),
                                    conn.commit())[0])
    step(conn, "unique", lambda: q("INSERT INTO u VALUES (1, 'a'), (1, 'b')"))

    def unique_detail():
        try:
            q("INSERT INTO u VALUES (1, 'x y'), (2, 'x y')")
        except pg8000.ProgrammingError as e:
            conn.rollback()
            return e.args[2:5]
    step(conn, "unique detail", unique_detail)
    step(conn, "undefined table", lambda: q("SELECT * FROM nowhere"))
    step(conn, "syntax", lambda: q("SELEC 1"))

    def named():
        pg8000.paramstyle = "named"
        try:
            return q("SELECT CAST(:a AS int) + :b AS s, CAST(:a AS text) AS t", {"a": 1, "b": 2})
        finally:
            pg8000.paramstyle = "format"
    step(conn, "paramstyle named", named)

    def numeric_style():
        pg8000.paramstyle = "numeric"
        try:
            return q("SELECT s FROM t WHERE i = :1 OR i = :2 ORDER BY s", (1, 2))
        finally:
            pg8000.paramstyle = "format"
    step(conn, "paramstyle numeric", numeric_style)

    def autocommit():
        conn.autocommit = True
        try:
            q("CREATE TABLE ac (x int)")
            q("INSERT INTO ac VALUES (1)")
            return q("SELECT count(*) FROM ac")
        finally:
            conn.autocommit = False
    step(conn, "autocommit", autocommit)
    step(conn, "fetchmany", lambda: (cur.execute("SELECT id FROM t ORDER BY id"), cur.fetchmany(2),
                                     cur.fetchone(), len(cur.fetchall()))[1:])
    step(conn, "big result", lambda: q("SELECT sum(g) FROM generate_series(1, 1000) g"))
    step(conn, "rowcount", lambda: (q("UPDATE t SET vc = 'z' WHERE i IS NOT NULL"), cur.rowcount)[1])
    conn.rollback()
    cur.close()
    conn.close()
    print("done")


main()
