# SPDX-License-Identifier: Apache-2.0
# clients_odbc.py: drives psqlODBC (Debian odbc-postgresql, its Unicode driver, through unixODBC)
# from pyodbc — a DSN-less connect, the catalog calls GUIs and BI tools make (SQLTables,
# SQLColumns, SQLPrimaryKeys, SQLForeignKeys, SQLStatistics, SQLSpecialColumns), parameters of
# every common type, transactions, errors with their SQLSTATE; one line per step, for
# test_clients.sh to compare with PostgreSQL 15.
# Usage: clients_odbc.py PORT pg|shardlite
import datetime
import decimal
import os
import sys
import uuid

import pyodbc

PORT, TARGET = sys.argv[1], sys.argv[2]
VERBOSE = os.environ.get("CLIENTS_VERBOSE")
# UseServerSidePrepare=1 is psqlODBC's default: Parse/Bind/Execute with typed parameters.
CONN = ("Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=%s;Database=acme;Uid=postgres;"
        "Pwd=;SSLMode=disable" % PORT)
conn = pyodbc.connect(CONN)
# psqlODBC answers SQL_WCHAR columns as UTF-16; pyodbc decodes with these.
conn.setdecoding(pyodbc.SQL_CHAR, encoding="utf-8")
conn.setdecoding(pyodbc.SQL_WCHAR, encoding="utf-16le")
conn.setencoding(encoding="utf-8")


def state(e):
    """pyodbc puts the ODBC SQLSTATE first; psqlODBC passes the server's SQLSTATE through."""
    return e.args[0] if e.args else type(e).__name__


def step(name, fn):
    try:
        print(name, fn())
    except pyodbc.Error as e:
        if VERBOSE:
            print("   ", e.args)
        print(name, "ERROR", type(e).__name__, state(e))
        conn.rollback()


def gap(name, fn, answer, pg_answer=None):
    """A known difference: shardlite answers `answer` (a SQLSTATE, or the repr of what fn
    returns) where PostgreSQL succeeds (returning pg_answer's repr, when given)."""
    try:
        got, ok = repr(fn()), True
    except pyodbc.Error as e:
        if VERBOSE:
            print("   ", e.args)
        got, ok = state(e), False
        conn.rollback()
    if TARGET == "shardlite":
        good = got == answer
    else:
        good = ok if pg_answer is None else got == pg_answer
    print(name, "known gap" if good else "UNEXPECTED %s" % got)


def q(sql, *args):
    cur = conn.cursor()
    cur.execute(sql, *args)
    return cur.fetchall() if cur.description else cur.rowcount


def rows(cur, *cols):
    """Named columns of a catalog call's result set, as tuples, in the driver's order."""
    return [tuple(getattr(r, c) for c in cols) for r in cur.fetchall()]


def show(v):
    return (type(v).__name__, v.isoformat() if hasattr(v, "isoformat") else v)


print("dbms", conn.getinfo(pyodbc.SQL_DBMS_NAME), conn.getinfo(pyodbc.SQL_DBMS_VER)[:3])
print("database", conn.getinfo(pyodbc.SQL_DATABASE_NAME), conn.getinfo(pyodbc.SQL_USER_NAME))
print("autocommit", conn.autocommit)
step("create", lambda: (q("""CREATE TABLE parent (id serial PRIMARY KEY,
        name varchar(40) NOT NULL UNIQUE, created timestamptz DEFAULT now())"""),
        q("""CREATE TABLE child (id int8 PRIMARY KEY, parent_id int NOT NULL
        REFERENCES parent (id) ON DELETE CASCADE, i2 int2, i4 int4, r float4, f float8,
        n numeric(10,3), s text, vc varchar(12), ch char(3), by bytea, ok bool, d date,
        tm time, ts timestamp, u uuid, j jsonb)"""),
        q("CREATE INDEX child_parent_idx ON child (parent_id, d)"),
        q("CREATE VIEW child_v AS SELECT id, s FROM child"), conn.commit()))

# The catalog calls: each is one query of psqlODBC's own against pg_catalog.
cur = conn.cursor()
step("tables", lambda: rows(cur.tables(table="%", schema="public"),
                            "table_schem", "table_name", "table_type"))
step("tables views", lambda: rows(cur.tables(tableType="VIEW"), "table_name", "table_type"))
step("tables one", lambda: rows(cur.tables(table="child"), "table_cat", "table_name"))
step("columns", lambda: rows(cur.columns(table="child"), "column_name", "type_name",
                             "data_type", "column_size", "decimal_digits", "nullable",
                             "ordinal_position"))
step("columns parent", lambda: rows(cur.columns(table="parent"), "column_name", "type_name",
                                    "column_def", "is_nullable"))
step("primary keys", lambda: rows(cur.primaryKeys("child"), "table_name", "column_name",
                                  "key_seq", "pk_name"))
step("foreign keys", lambda: rows(cur.foreignKeys(foreignTable="child"), "pktable_name",
                                  "pkcolumn_name", "fktable_name", "fkcolumn_name",
                                  "key_seq", "update_rule", "delete_rule", "fk_name", "pk_name"))
step("exported keys", lambda: rows(cur.foreignKeys(table="parent"), "fktable_name",
                                   "fkcolumn_name"))
step("statistics", lambda: rows(cur.statistics("child"), "non_unique", "index_name", "type",
                                "ordinal_position", "column_name"))
step("statistics parent", lambda: rows(cur.statistics("parent", unique=True), "non_unique",
                                       "index_name", "column_name"))
step("special columns", lambda: rows(cur.rowIdColumns("child"), "column_name", "type_name"))
step("type info", lambda: rows(cur.getTypeInfo(pyodbc.SQL_INTEGER), "type_name", "data_type"))

# Parameters of every common type, bound by pyodbc as ODBC C types.
row = (1, 1, 7, 42, 1.5, 2.25, decimal.Decimal("12.345"), "héllo 'q'", "vc", "abc",
       b"\x00\x01\xff", True, datetime.date(2024, 2, 29), datetime.time(13, 14, 15),
       datetime.datetime(2024, 1, 2, 3, 4, 5, 678000),
       str(uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")), '{"k": [1, 2]}')
cols = "id, parent_id, i2, i4, r, f, n, s, vc, ch, by, ok, d, tm, ts, u, j"
step("insert parent", lambda: q("INSERT INTO parent (name) VALUES (?)", "p1"))
step("insert", lambda: q("INSERT INTO child (%s) VALUES (%s)" % (cols, ", ".join("?" * 17)),
                         *row))
step("insert nulls", lambda: q("INSERT INTO child (id, parent_id, s, n, d, by) VALUES "
                               "(?, ?, ?, ?, ?, ?)", 2, 1, None, None, None, None))
step("commit", lambda: (conn.commit(), q("SELECT count(*) FROM child"))[1])
step("select", lambda: [show(v) for v in q("SELECT %s FROM child WHERE id = ?" % cols, 1)[0]])
step("description", lambda: [(d[0], d[1].__name__, d[3], d[4], d[5], d[6])
                             for d in conn.cursor().execute("SELECT * FROM child").description])
step("nulls", lambda: q("SELECT s, n, d, by FROM child WHERE id = ?", 2))
step("where params", lambda: q("SELECT id FROM child WHERE i4 = ? AND s LIKE ? AND d < ? "
                               "AND ok = ?", 42, "h%", datetime.date(2025, 1, 1), True))
step("expressions", lambda: [show(v) for v in q(
    "SELECT ? + 1, ? || 'x', n * 2, ts + interval '1 day' FROM child WHERE id = 1", 41, "a")[0]])
step("executemany", lambda: (conn.cursor().executemany(
    "INSERT INTO child (id, parent_id, s) VALUES (?, ?, ?)",
    [(10, 1, "m1"), (11, 1, "m2"), (12, 1, "m3")]), conn.commit(),
    q("SELECT count(*) FROM child"))[2])
step("rowcount", lambda: (q("UPDATE child SET vc = ? WHERE id >= ?", "z", 10), conn.commit())[0])


def rolled_back():
    q("INSERT INTO child (id, parent_id, s) VALUES (99, 1, 'gone')")
    conn.rollback()
    return q("SELECT count(*) FROM child WHERE id = 99")


step("rollback", rolled_back)
step("unique", lambda: q("INSERT INTO parent (name) VALUES (?)", "p1"))
step("foreign key", lambda: q("INSERT INTO child (id, parent_id) VALUES (?, ?)", 50, 77))
step("not null", lambda: q("INSERT INTO parent (name) VALUES (?)", None))
step("undefined table", lambda: q("SELECT * FROM nowhere"))
step("undefined column", lambda: q("SELECT nope FROM child"))
step("syntax", lambda: q("SELEC 1"))
step("division", lambda: q("SELECT 1 / ?", 0))


def failed_txn():
    try:
        q("SELECT 1/0")
    except pyodbc.Error as e:
        first = state(e)
    try:
        return first, q("SELECT 1")
    except pyodbc.Error as e:
        return first, state(e)
    finally:
        conn.rollback()


# psqlODBC wraps each statement in a savepoint when it opened the transaction itself
# (Protocol=7.4-2's default), so the transaction survives the error, as on PostgreSQL.
step("failed statement", failed_txn)


def autocommit():
    conn.autocommit = True
    try:
        q("CREATE TABLE ac (x int)")
        q("INSERT INTO ac VALUES (1)")
        return q("SELECT count(*) FROM ac")
    finally:
        conn.autocommit = False


step("autocommit", autocommit)
# psqlODBC's other common settings (BI tools' DSNs): cursor-based fetching (DECLARE ... CURSOR
# WITH HOLD, FETCH 3), booleans as SQL_BIT, parameters interpolated by the driver.
conn.close()
conn = pyodbc.connect(CONN + ";UseDeclareFetch=1;Fetch=3;BoolsAsChar=0;UseServerSidePrepare=0")
conn.setdecoding(pyodbc.SQL_WCHAR, encoding="utf-16le")
cur = conn.cursor()
step("declare fetch", lambda: q("SELECT id, ok, s FROM child WHERE id > ? ORDER BY id", 0))
step("fetchmany", lambda: (cur.execute("SELECT id FROM child ORDER BY id"), cur.fetchmany(4),
                           cur.fetchone())[1:])
step("bit columns", lambda: rows(cur.columns(table="child", column="ok"), "column_name",
                                 "data_type", "type_name"))
step("procedures", lambda: rows(cur.procedures(procedure="lower"), "procedure_name",
                                "procedure_type"))
# its SQLProcedureColumns query asks has_function_privilege(p.oid, 'EXECUTE')
step("procedure columns", lambda: rows(cur.procedureColumns(procedure="lower"), "column_name",
                                       "column_type", "data_type", "type_name"))
step("row version columns", lambda: rows(cur.rowVerColumns("child"), "column_name", "type_name"))
step("schemas", lambda: sorted(set(r.table_schem for r in cur.tables(
    catalog="", schema="%", table="", tableType=""))))
step("table types", lambda: sorted(r.table_type for r in cur.tables(
    catalog="", schema="", table="", tableType="%")))
step("long text", lambda: len(q("SELECT ?::text", "x" * 100000)[0][0]))
step("escapes", lambda: q("SELECT {fn ucase('abc')}, {fn length('abcd')}, {d '2024-01-02'}, "
                          "{ts '2024-01-02 03:04:05'}"))
# {call f(?)} is SELECT * FROM f('ABC'): a function in FROM
step("call escape", lambda: q("{call lower(?)}", "ABC"))
step("cascade", lambda: (q("DELETE FROM parent WHERE id = 1"), conn.commit(),
                         q("SELECT count(*) FROM child"))[2])
step("drop", lambda: (q("DROP VIEW child_v"), q("DROP TABLE child, parent, ac"), conn.commit(),
                      rows(conn.cursor().tables(schema="public"), "table_name"))[3])
conn.close()
print("done")
