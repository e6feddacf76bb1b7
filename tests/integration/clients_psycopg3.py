# SPDX-License-Identifier: Apache-2.0
# clients_psycopg3.py: drives psycopg 3 (Debian python3-psycopg) through what applications use —
# server-side binding, binary results and parameters, pipeline mode, COPY, prepared statements,
# transactions, diagnostics, LISTEN/NOTIFY — one line per step, for test_clients.sh to compare with PostgreSQL 15.
# Usage: clients_psycopg3.py DSN pg|shardlite   (on shardlite the tenant comes from options)
import datetime
import decimal
import logging
import os
import sys
import uuid

import psycopg
from psycopg.types.json import Json, Jsonb

# psycopg logs "error ignored terminating <Pipeline>" or not depending on timing
logging.getLogger("psycopg").setLevel(logging.ERROR)
TARGET = sys.argv[2]
DSN = sys.argv[1] + (" options='-c tenant=psy3'" if TARGET == "shardlite" else "")
conn = psycopg.connect(DSN)


def show(v):
    """Values as psycopg returns them, with their Python type where it matters."""
    if isinstance(v, (list, tuple)):
        return type(v)([show(x) for x in v])
    if isinstance(v, memoryview):
        return bytes(v)
    return v


def step(name, fn):
    """Runs one step; an error is printed as its class and SQLSTATE (and rolled back)."""
    try:
        print(name, show(fn()))
    except psycopg.Error as e:
        print(name, "ERROR", type(e).__name__, e.sqlstate)
        if os.environ.get("CLIENTS_VERBOSE"):
            print("   ", str(e).strip().replace("\n", " | "))
        if not conn.autocommit:
            conn.rollback()


def gap(name, fn, answer, pg_answer=None):
    """A known difference: shardlite answers `answer` (a SQLSTATE, or the repr of what fn
    returns) where PostgreSQL succeeds (returning pg_answer's repr, when given)."""
    try:
        got, ok = repr(show(fn())), True
    except psycopg.Error as e:
        got, ok = e.sqlstate, False
        if os.environ.get("CLIENTS_VERBOSE"):
            print("   ", str(e).strip().replace("\n", " | "))
        conn.rollback()
    except AttributeError:  # a lookup that found nothing
        got, ok = "AttributeError", False
        conn.rollback()
    good = got == answer if TARGET == "shardlite" else (ok if pg_answer is None else got == pg_answer)
    print(name, "known gap" if good else "UNEXPECTED %s" % got)


def q(sql, args=None, **kw):
    with conn.cursor(binary=kw.pop("binary", False)) as cur:
        cur.execute(sql, args, **kw)
        out = cur.fetchall() if cur.description else cur.rowcount
    conn.commit()
    return out


print("server_version", conn.info.server_version // 10000)
print("parameters", conn.info.parameter_status("server_encoding"),
      conn.info.parameter_status("integer_datetimes"),
      conn.info.parameter_status("standard_conforming_strings"))
step("database", lambda: q("SELECT current_database(), current_setting('TimeZone')"))


def create():
    conn.execute("""CREATE TABLE vals (id bigserial PRIMARY KEY, i2 int2, i int4, b int8,
        r float4, f float8, n numeric(12,4), s text, vc varchar(20), by bytea, t bool, d date,
        tm time, ts timestamp, tz timestamptz, u uuid, j json, jb jsonb, ia int4[], ta text[])""")
    conn.commit()
    return "ok"


step("create", create)

UTC = datetime.timezone.utc
ROW = (7, 42, 2**40, 1.5, 2.25, decimal.Decimal("12.3456"), "héllo 'q'", "vc",
       b"\x00\x01\xff", True, datetime.date(2024, 2, 29), datetime.time(13, 14, 15, 500000),
       datetime.datetime(2024, 1, 2, 3, 4, 5, 678000),
       datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
       uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), Json({"k": [1, 2]}), Jsonb({"z": None}),
       [1, 2, None], ["a", "b c", None])
COLS = "i2, i, b, r, f, n, s, vc, by, t, d, tm, ts, tz, u, j, jb, ia, ta"
INS = "INSERT INTO vals (%s) VALUES (%s) RETURNING id" % (COLS, ", ".join(["%s"] * len(ROW)))
INSB = INS.replace("%s", "%b")
SEL = "SELECT %s FROM vals ORDER BY id" % COLS

step("insert text params", lambda: q(INS, ROW))
step("insert binary params", lambda: q(INSB, ROW))
step("insert nulls", lambda: q(INS, (None,) * len(ROW)))
step("select text", lambda: q(SEL))
step("select binary", lambda: q(SEL, binary=True))
step("python types", lambda: [type(v).__name__ for v in q(SEL, binary=True)[0]])
step("binary array param", lambda: q("SELECT %b, %b", ([1, None, 3], ["x", "y z"]), binary=True))
step("array param cast", lambda: q("SELECT %b::int4[], %s::text[], 42 = any(%s::int8[])",
                                   ([1, None], ["a", "b c"], [42, 7])))
step("multidimensional arrays", lambda: q(
    "SELECT '{{1,2},{3,NULL}}'::int4[], ARRAY[['a', 'b c']], %b::int4[], array_ndims(%s::int4[])",
    ([[1, 2], [3, 4]], [[5], [6]]), binary=True))
TZ = datetime.timezone(datetime.timedelta(hours=5, minutes=30))
step("timetz", lambda: q("SELECT '10:00:00+02'::timetz, %b::timetz + interval '90 minutes', "
                         "%s::timetz AT TIME ZONE 'UTC'",
                         (datetime.time(23, 30, tzinfo=TZ), datetime.time(1, 0, tzinfo=TZ)),
                         binary=True))


def describe():
    with conn.cursor() as cur:
        cur.execute(SEL + " LIMIT 1")
        out = [(c.name, c.type_code, c.display_size, c.precision, c.scale) for c in cur.description]
        out.append((cur.rowcount, cur.statusmessage))
    conn.commit()
    return out


step("description", describe)
step("param types", lambda: q("SELECT %s + 1, %s || 'x', %s, %s::int IS NULL, %s + 1, %s",
                              (1, "a", decimal.Decimal("1.50"), None, datetime.date(2024, 12, 31),
                               2**40)))
# a numeric parameter's scale survives exact arithmetic in a result column
step("numeric param scale", lambda: q("SELECT %s * 2", (decimal.Decimal("1.50"),)))
step("binary param types", lambda: q("SELECT %b + 1, %b, %b, %b, %b",
                                     (1, 1.5, True, b"\x01\x02", uuid.UUID(int=5)), binary=True))
step("where param", lambda: q("SELECT count(*) FROM vals WHERE u = %s AND t = %s AND n > %s",
                              (ROW[14], True, decimal.Decimal("1"))))
step("any list", lambda: q("SELECT count(*) FROM vals WHERE i = ANY(%s)", ([42, 7],)))


def executemany():
    with conn.cursor() as cur:
        cur.executemany("INSERT INTO vals (i, s) VALUES (%s, %s)", [(i, "m%d" % i) for i in range(5)])
        n = cur.rowcount
        cur.executemany("INSERT INTO vals (i, s) VALUES (%s, %s) RETURNING i * 10",
                        [(i, "r%d" % i) for i in range(100, 103)], returning=True)
        ret = []
        while True:
            ret.append(cur.fetchone())
            if not cur.nextset():
                break
    conn.commit()
    return n, ret, q("SELECT count(*) FROM vals WHERE s LIKE 'm%%' OR s LIKE 'r%%'")


step("executemany", executemany)


def pipeline():
    out = []
    with conn.pipeline():
        c1 = conn.execute("INSERT INTO vals (i, s) VALUES (%s, %s) RETURNING s", (200, "p1"))
        c2 = conn.execute("SELECT count(*) FROM vals WHERE i = %s", (200,))
        c3 = conn.execute("UPDATE vals SET s = %s WHERE i = %s", ("p2", 200))
        out += [c1.fetchall(), c2.fetchall()]
    # c3's rowcount is known once its result has arrived: after the block's sync, not before
    # (reading it inside the block raced the server's answer, on PostgreSQL too)
    out.append(c3.rowcount)
    try:
        with conn.pipeline():
            conn.execute("INSERT INTO vals (i) VALUES (%s)", (201,))
            conn.execute("SELECT 1/0")
            conn.execute("INSERT INTO vals (i) VALUES (%s)", (202,))
    except psycopg.Error as e:
        out.append(e.sqlstate)
    conn.rollback()
    out.append(q("SELECT i, s FROM vals WHERE i >= 200 ORDER BY i"))
    return out


step("pipeline", pipeline)


def prepared():
    out = []
    for i in range(3):
        out.append(conn.execute("SELECT %s::int * 2, %s::text", (i, "x%d" % i),
                                prepare=True).fetchone())
    conn.prepare_threshold = 0
    out.append(conn.execute("SELECT count(*) FROM vals WHERE i > %s", (5,)).fetchone())
    out.append(conn.execute("SELECT count(*) FROM vals WHERE i > %s", (100,)).fetchone())
    conn.prepare_threshold = 5
    conn.execute("DROP TABLE IF EXISTS nothing_here")  # psycopg then sends DEALLOCATE ALL
    out.append(conn.execute("SELECT count(*) FROM vals WHERE i > %s", (5,)).fetchone())
    conn.commit()
    return out


step("prepared", prepared)


def copy():
    out = []
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE c (a int, b text, d date, n numeric)")
        with cur.copy("COPY c (a, b, d, n) FROM STDIN") as cp:
            cp.write_row((1, "one", datetime.date(2024, 1, 1), decimal.Decimal("1.5")))
            cp.write_row((2, "tab\there", None, None))
            cp.write(b"3\tthree\t2024-03-03\t3\n")
        out.append(cur.rowcount)
        with cur.copy("COPY c FROM STDIN WITH (FORMAT csv)") as cp:
            cp.write('4,"fo,ur",,4.25\n')
        with cur.copy("COPY (SELECT * FROM c ORDER BY a) TO STDOUT") as cp:
            cp.set_types(["int4", "text", "date", "numeric"])
            out.append(list(cp.rows()))
        with cur.copy("COPY c TO STDOUT WITH (FORMAT csv, HEADER)") as cp:
            out.append(b"".join(bytes(b) for b in cp))
    conn.commit()
    return out


step("copy", copy)


def copy_binary():
    with conn.cursor() as cur:
        with cur.copy("COPY c (a, b) FROM STDIN WITH (FORMAT binary)") as cp:
            cp.set_types(["int4", "text"])
            cp.write_row((9, "binary"))
    conn.commit()
    return q("SELECT a, b FROM c WHERE a = 9")


step("copy binary", copy_binary)


def transactions():
    out = []
    conn.execute("INSERT INTO c (a) VALUES (10)")
    conn.rollback()
    out.append(q("SELECT count(*) FROM c WHERE a = 10"))
    with conn.transaction():
        conn.execute("INSERT INTO c (a, b) VALUES (11, 'outer')")
        try:
            with conn.transaction():
                conn.execute("INSERT INTO c (a, b) VALUES (12, 'inner')")
                conn.execute("INSERT INTO c (a) VALUES ('x')")
        except psycopg.errors.InvalidTextRepresentation as e:
            out.append(("inner rolled back", e.sqlstate))
        with conn.transaction():
            conn.execute("INSERT INTO c (a, b) VALUES (13, 'inner ok')")
    out.append(q("SELECT a, b FROM c WHERE a >= 10 ORDER BY a"))
    conn.execute("SELECT 1")
    try:
        conn.execute("SELECT * FROM nosuch")
    except psycopg.Error as e:
        out.append((e.sqlstate, str(conn.info.transaction_status)))
    try:
        conn.execute("SELECT 1")
    except psycopg.Error as e:
        out.append(type(e).__name__)
    conn.rollback()
    conn.autocommit = True
    conn.execute("INSERT INTO c (a) VALUES (14)")
    out.append(str(conn.info.transaction_status))
    with conn.transaction():
        conn.execute("INSERT INTO c (a) VALUES (15)")
        out.append(str(conn.info.transaction_status))
    conn.autocommit = False
    conn.isolation_level = psycopg.IsolationLevel.SERIALIZABLE
    out.append(conn.execute("SHOW transaction_isolation").fetchone())
    conn.rollback()
    conn.isolation_level = None
    conn.read_only = True
    try:
        conn.execute("INSERT INTO c (a) VALUES (16)")
    except psycopg.Error as e:
        out.append(e.sqlstate)
    conn.rollback()
    conn.read_only = None
    return out


step("transactions", transactions)


def server_cursor():
    out = []
    with conn.cursor("big") as cur:
        cur.itersize = 2
        cur.execute("SELECT a, b FROM c ORDER BY a")
        out.append([(d.name, d.type_code) for d in cur.description])
        out.append(cur.fetchmany(2))
        out.append(cur.fetchone())
        out.append(list(cur))
    conn.commit()
    with conn.cursor("held", withhold=True) as cur:
        cur.execute("SELECT a FROM c WHERE a IS NOT NULL ORDER BY a")
        out.append(cur.fetchmany(2))
        conn.commit()
        out.append(cur.fetchall())
    conn.commit()
    return out


step("server cursor", server_cursor)


def scroll_cursor():
    out = []
    with conn.cursor("scroll", scrollable=True) as cur:
        cur.execute("SELECT a FROM c WHERE a IS NOT NULL ORDER BY a")
        out.append(cur.fetchmany(3))
        cur.scroll(0, "absolute")
        out.append(cur.fetchone())
    conn.commit()
    return out


# a SCROLL cursor is read into memory at DECLARE and moves in every direction
step("scrollable cursor", scroll_cursor)


def errors():
    out = []
    conn.execute("CREATE TABLE p (id int PRIMARY KEY, e text UNIQUE)")
    conn.execute("CREATE TABLE ch (p int NOT NULL REFERENCES p, v int CHECK (v > 0))")
    conn.execute("INSERT INTO p VALUES (1, 'a')")
    conn.commit()
    for sql in ("INSERT INTO p VALUES (1, 'b')", "INSERT INTO ch VALUES (2, 1)",
                "INSERT INTO ch VALUES (NULL, 1)", "INSERT INTO ch VALUES (1, -1)",
                "SELECT nosuch FROM p", "SELECT * FROM nosuch", "SELEC 1", "SELECT 1/0",
                "CREATE TABLE p (x int)", "SELECT 'x'::int", "SELECT 2147483647::int + 1"):
        try:
            conn.execute(sql)
        except psycopg.Error as e:
            d = e.diag
            out.append((type(e).__name__, d.sqlstate, d.severity, d.severity_nonlocalized,
                        d.statement_position if d.sqlstate == "42601" else None))
        conn.rollback()
    return out


step("errors", errors)


def diag_fields():
    try:
        conn.execute("INSERT INTO p VALUES (1, 'c')")
    except psycopg.Error as e:
        d = e.diag
        return d.message_primary, d.table_name, d.constraint_name
    finally:
        conn.rollback()


step("diag table and constraint", diag_fields)


def notices():
    got = []
    conn.add_notice_handler(lambda d: got.append((d.severity_nonlocalized, d.message_primary)))
    conn.autocommit = True
    conn.execute("DROP TABLE IF EXISTS nosuch")
    conn.autocommit = False
    return got


step("notices", notices)


def types_info():
    from psycopg.types import TypeInfo
    from psycopg.types.enum import EnumInfo
    out = []
    for name in ("int4", "uuid", "jsonb", "numeric", "integer", "text[]"):
        t = TypeInfo.fetch(conn, name)
        out.append((t.name, t.oid, t.array_oid))
    conn.commit()
    out.append(EnumInfo.fetch(conn, "nosuch_enum"))
    conn.commit()
    return out


# TypeInfo's query: "... WHERE t.oid = %(name)s::regtype" (a parameter cast to regtype)
step("TypeInfo.fetch", types_info)
step("regtype params", lambda: q("SELECT %s::regtype, %s::regtype::oid", ("int4", "uuid")))
step("literal quoting", lambda: q("SELECT %s::text, %s, %s", ("it's", r"back\slash", "ünï")))


def notifies():
    """LISTEN on an autocommit connection; conn.notifies() yields what another connection
    commits (a NOTIFY rolled back never comes), with the notifier's pid."""
    lconn = psycopg.connect(DSN, autocommit=True)
    lconn.execute("LISTEN jobs")
    with conn.cursor() as cur:
        cur.execute("NOTIFY jobs, 'rolled back'")
    conn.rollback()
    with conn.cursor() as cur:
        cur.execute("NOTIFY jobs, 'one'")
        cur.execute("SELECT pg_notify('jobs', %s)", ("two",))
        cur.execute("NOTIFY jobs, 'one'")  # folded into the first
    conn.commit()
    got = []
    for n in lconn.notifies():
        got.append((n.channel, n.payload, n.pid == conn.info.backend_pid))
        if len(got) == 2:
            break
    lconn.close()
    return got


step("notifies", notifies)
conn.close()
print("done")
