# SPDX-License-Identifier: Apache-2.0
# clients_psycopg2.py: drives psycopg2 (Debian python3-psycopg2) through the features
# applications use and prints what it sees, one line per step, so that test_clients.sh can
# compare shardlite with PostgreSQL 15. Usage: clients_psycopg2.py DSN pg|shardlite
# A step shardlite is known to refuse is run with gap(): on shardlite it must fail with the
# recorded SQLSTATE (docs/clients.md), on PostgreSQL it must succeed; both then print the
# same line, and the test fails once shardlite starts to succeed, so the gap gets removed.
import datetime
import decimal
import io
import os
import sys
import uuid

import psycopg2
import psycopg2.errors
import psycopg2.extras

psycopg2.extras.register_uuid()
conn = psycopg2.connect(sys.argv[1])
TARGET = sys.argv[2]


def step(name, fn):
    """Runs one step; an error is printed as its class and SQLSTATE (and rolled back)."""
    try:
        print(name, fn())
    except psycopg2.Error as e:
        print(name, "ERROR", type(e).__name__, e.pgcode)
        if os.environ.get("CLIENTS_VERBOSE"):
            print("   ", str(e).strip().replace("\n", " | "), "| SQL:", getattr(e.cursor, "query", None))
        if not conn.autocommit:
            conn.rollback()


def gap(name, fn, answer, pg_answer=None):
    """A known difference: shardlite answers `answer` (a SQLSTATE, or the repr of what fn
    returns) where PostgreSQL succeeds (returning pg_answer's repr, when given)."""
    try:
        got = repr(fn())
        ok = True
    except psycopg2.Error as e:
        got, ok = e.pgcode, False
        if not conn.autocommit:
            conn.rollback()
    if TARGET == "shardlite":
        good = got == answer
    else:
        good = ok if pg_answer is None else got == pg_answer
    print(name, "known gap" if good else "UNEXPECTED %s" % got)


def q(sql, args=None, fetch="all"):
    with conn.cursor() as cur:
        cur.execute(sql, args)
        out = cur.fetchall() if fetch == "all" else cur.fetchone()
    conn.commit()
    return out


print("server_version", conn.server_version // 10000)
print("encoding", conn.encoding)
print("status", conn.get_parameter_status("integer_datetimes"),
      conn.get_parameter_status("standard_conforming_strings"))



def create():
    with conn.cursor() as cur:
        cur.execute("""CREATE TABLE vals (id serial PRIMARY KEY, i int4, b bigint, f float8,
            n numeric(12,4), s text, by bytea, t bool, d date, ts timestamp, tz timestamptz,
            u uuid, j jsonb, ia int4[], ta text[])""")
        cur.execute("SET TIME ZONE 'UTC'")
    conn.commit()
    return "ok"


step("create", create)

utc = datetime.timezone.utc
row = (42, 2**40, 1.5, decimal.Decimal("12.3456"), "héllo 'q'", b"\x00\x01\xff", True,
       datetime.date(2024, 2, 29), datetime.datetime(2024, 1, 2, 3, 4, 5, 678000),
       datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=utc),
       uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), psycopg2.extras.Json({"k": [1, 2]}))
INS = ("INSERT INTO vals (i, b, f, n, s, by, t, d, ts, tz, u, j) "
       "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id")
step("insert", lambda: q(INS, row))
step("insert nulls", lambda: q(INS, (None,) * 12))
# psycopg2 sends a list as ARRAY[...]
step("array literal insert", lambda: q("INSERT INTO vals (ia, ta) VALUES ('{1,2,3}', '{a,\"b c\"}') RETURNING ia, ta"))
def array_param():
    with conn.cursor() as cur:
        cur.execute("INSERT INTO vals (ia, ta) VALUES (%s, %s)", ([1, 2, 3], ["a", "b c"]))
    conn.rollback()


step("array param insert", array_param)


def select_typed():
    with conn.cursor() as cur:
        cur.execute("SELECT i, b, f, n, s, by, t, d, ts, tz, u, j, ia, ta FROM vals ORDER BY id")
        rows = cur.fetchall()
    conn.commit()
    return [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in rows]


step("select", select_typed)
step("types", lambda: [type(v).__name__ for v in select_typed()[0]])
step("param types", lambda: q("SELECT %s + 1, %s || 'x', %s, %s IS NULL, %s::date + 1",
                              (1, "a", decimal.Decimal("1.5"), None, datetime.date(2024, 12, 31))))
step("numeric scale", lambda: q("SELECT %s::numeric, 1.10::numeric", (decimal.Decimal("1.10"),)))
step("column arithmetic", lambda: q("SELECT i * 2, b + 1 FROM vals WHERE id = 1"))
step("where param", lambda: q("SELECT count(*) FROM vals WHERE u = %s AND t = %s AND n > %s",
                              (row[10], True, decimal.Decimal("1"))))
step("in tuple", lambda: q("SELECT count(*) FROM vals WHERE i IN %s", ((1, 42, 3),)))
step("any list", lambda: q("SELECT count(*) FROM vals WHERE i = ANY(%s)", ([42, 7],)))


def executemany():
    with conn.cursor() as cur:
        cur.executemany("INSERT INTO vals (i, s) VALUES (%s, %s)", [(i, "m%d" % i) for i in range(5)])
        n = cur.rowcount
        psycopg2.extras.execute_values(cur, "INSERT INTO vals (i, s) VALUES %s",
                                       [(i, "v%d" % i) for i in range(100, 103)])
    conn.commit()
    return n, q("SELECT count(*) FROM vals WHERE i < 5 OR i >= 100")


step("executemany", executemany)


def copy():
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE c (a int, b text)")
        cur.copy_expert("COPY c FROM STDIN WITH (FORMAT csv)", io.StringIO('1,one\n2,"t,wo"\n3,\n'))
        cur.copy_from(io.StringIO("4\tfour\n"), "c", columns=("a", "b"))
        out = io.StringIO()
        cur.copy_expert("COPY (SELECT * FROM c ORDER BY a) TO STDOUT WITH (FORMAT csv, HEADER)", out)
        out2 = io.StringIO()
        cur.copy_to(out2, "c")
    conn.commit()
    return out.getvalue(), out2.getvalue()


step("copy", copy)


def transactions():
    out = []
    with conn.cursor() as cur:
        cur.execute("INSERT INTO c VALUES (10, 'rolled back')")
        conn.rollback()
        cur.execute("SELECT count(*) FROM c WHERE a = 10")
        out.append(cur.fetchone()[0])
        with conn:
            cur.execute("INSERT INTO c VALUES (11, 'committed')")
        try:
            with conn:
                cur.execute("INSERT INTO c VALUES (12, 'x')")
                cur.execute("SELECT 1/0")
        except psycopg2.Error as e:
            out.append(type(e).__name__)
        cur.execute("SELECT a FROM c WHERE a >= 10 ORDER BY a")
        out.append(cur.fetchall())
        # a failed statement inside a block poisons it until rollback (25P02)
        cur.execute("SELECT 1")
        try:
            cur.execute("SELECT * FROM nosuch")
        except psycopg2.Error as e:
            out.append(e.pgcode)
        try:
            cur.execute("SELECT 1")
        except psycopg2.Error as e:
            out.append(e.pgcode)
        conn.rollback()
        conn.autocommit = True
        cur.execute("INSERT INTO c VALUES (13, 'auto')")
        out.append(conn.get_transaction_status())
        conn.autocommit = False
        conn.set_session(isolation_level="SERIALIZABLE")
        cur.execute("SELECT count(*) FROM c")
        out.append(conn.get_transaction_status())
        conn.rollback()
        conn.set_session(isolation_level="DEFAULT")
    return out


step("transactions", transactions)


def named_cursor():
    with conn.cursor("big") as cur:
        cur.itersize = 2
        cur.execute("SELECT a, b FROM c ORDER BY a")
        first = cur.fetchmany(2)
        rest = [r for r in cur]
    conn.commit()
    return first, rest


step("named cursor", named_cursor)


def errors():
    out = []
    for sql in ("INSERT INTO vals (id) VALUES (1)", "SELECT nosuch FROM vals",
                "SELECT * FROM nosuch", "SELEC 1",
                "SELECT 1/0", "CREATE TABLE vals (x int)"):
        try:
            with conn.cursor() as cur:
                cur.execute(sql)
        except psycopg2.Error as e:
            out.append((type(e).__name__, e.pgcode, e.diag.sqlstate == e.pgcode))
        conn.rollback()
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE p (id int PRIMARY KEY)")
        cur.execute("CREATE TABLE ch (p int NOT NULL REFERENCES p, v int CHECK (v > 0))")
    conn.commit()
    for sql in ("INSERT INTO ch VALUES (1, 1)", "INSERT INTO ch VALUES (NULL, 1)",
                "INSERT INTO p VALUES (1); INSERT INTO ch VALUES (1, -1)"):
        try:
            with conn.cursor() as cur:
                cur.execute(sql)
        except psycopg2.Error as e:
            out.append((type(e).__name__, e.pgcode))
        conn.rollback()
    return out


step("errors", errors)
def bad_int():
    with conn.cursor() as cur:
        cur.execute("INSERT INTO vals (i) VALUES ('x')")
    conn.rollback()
    return "inserted"


step("bad int input", bad_int)
step("unique violation is IntegrityError",
     lambda: issubclass(psycopg2.errors.UniqueViolation, psycopg2.IntegrityError))


def notices():
    with conn.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS nosuch")
    conn.commit()
    return [n.strip() for n in conn.notices]


step("notices", notices)
step("mogrify-free literal", lambda: q("SELECT %s::text, %s", ("it's", r"back\slash")))
conn.close()
print("done")
