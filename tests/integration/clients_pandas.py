# SPDX-License-Identifier: Apache-2.0
# clients_pandas.py: pandas 1.5 (Debian python3-pandas) over SQLAlchemy 1.4 and psycopg2, the
# way data people use a database: DataFrame.to_sql (replace/append/fail, method='multi',
# chunksize, index with a label, dtype= SQLAlchemy types; datetime64 naive and tz-aware,
# timedelta, bool, nullable Int64, float NaN/inf, unicode strings, categorical, Decimal objects),
# read_sql/read_sql_query with params and parse_dates, read_sql_table (reflection), chunked
# reads. The tables are printed as PostgreSQL's text of each value; one line per step for
# test_clients.sh to compare with PostgreSQL 15.
# Usage: clients_pandas.py PORT pg|shardlite
import decimal
import os
import sys
import warnings

import numpy as np
import pandas as pd
import sqlalchemy as sa

PORT, TARGET = int(sys.argv[1]), sys.argv[2]
VERBOSE = os.environ.get("CLIENTS_VERBOSE")
engine = sa.create_engine("postgresql+psycopg2://postgres@127.0.0.1:%d/acme" % PORT)
warnings.simplefilter("ignore")  # pandas warns that timedelta is written as bigint
pd.set_option("display.width", 250)
pd.set_option("display.max_columns", 30)


def state(e):
    x = getattr(e, "orig", None) or e
    return getattr(x, "pgcode", None) or type(e).__name__


def step(name, fn):
    try:
        out = fn()
    except Exception as e:  # print the SQLSTATE (or pandas' own error class)
        if VERBOSE:
            print("   ", type(e).__name__, str(e).strip().replace("\n", " | ")[:400])
        print(name, "ERROR", state(e))
        return
    if isinstance(out, str) and "\n" in out:
        print(name)
        print(out)
    else:
        print(name, out)


def columns(table):
    with engine.connect() as c:
        return [tuple(r) for r in c.execute(sa.text(
            "SELECT column_name, data_type, numeric_precision, numeric_scale, "
            "character_maximum_length, is_nullable FROM information_schema.columns "
            "WHERE table_name = :t ORDER BY ordinal_position"), {"t": table})]


def as_text(table, order):
    """Every value as PostgreSQL's own text (NULL as <null>), ordered by `order`."""
    cols = [c[0] for c in columns(table)]
    sel = ", ".join('coalesce("%s"::text, \'<null>\')' % c for c in cols)
    with engine.connect() as c:
        rows = c.execute(sa.text('SELECT %s FROM "%s" ORDER BY %s' % (sel, table, order)))
        return "\n".join(" | ".join(r) for r in rows)


def frame():
    n = 4
    return pd.DataFrame({
        "naive": pd.to_datetime(["2024-01-02 03:04:05", "1999-12-31 23:59:59.123456",
                                 None, "2000-02-29"]),
        "aware": pd.to_datetime(["2024-01-02 03:04:05+02:00", "2024-06-30 12:00:00-07:00",
                                 "2024-03-31 01:30:00+00:00", None], utc=True)
        .tz_convert("Europe/Paris"),
        "span": pd.to_timedelta(["1 days 02:03:04", "-5s", None, "00:00:00.000001"]),
        "flag": [True, False, True, False],
        "count": pd.array([1, None, -3, 2**40], dtype="Int64"),
        "ratio": [1.5, np.nan, np.inf, -np.inf],
        "small": np.array([1, 2, 3, 4], dtype="int16"),
        "label": ["plain", "üñí©ødé ✓", "quote ' and \\ back", None],
        "kind": pd.Categorical(["b", "a", "b", None], categories=["a", "b"]),
        "amount": [decimal.Decimal("12.50"), decimal.Decimal("-0.001"), None,
                   decimal.Decimal("123456789.123456789")],
    }, index=pd.Index(range(10, 10 + n), name="ix"))


def replace():
    df = frame()
    df.to_sql("frame", engine, if_exists="replace", index=True, index_label="row_id")
    return "\n".join(map(str, columns("frame"))) + "\n" + as_text("frame", "row_id")


def replace_again():
    df = frame().iloc[:2]
    n = df.to_sql("frame", engine, if_exists="replace", index=True, index_label="row_id")
    return "%s rows, now %s" % (n, pd.read_sql_query("SELECT count(*) AS n FROM frame",
                                                       engine).n[0])


def fail_exists():
    try:
        frame().to_sql("frame", engine, if_exists="fail")
    except ValueError as e:
        return "ValueError: " + str(e)
    return "no error"


def append_multi():
    df = frame().iloc[2:]
    n = df.to_sql("frame", engine, if_exists="append", index=True, index_label="row_id",
                  method="multi", chunksize=1)
    return "%s rows\n%s" % (n, as_text("frame", "row_id"))


def typed():
    df = pd.DataFrame({
        "code": ["A1", "B2", "C3"],
        "price": [decimal.Decimal("1.25"), decimal.Decimal("2.5"), decimal.Decimal("-3")],
        "qty": [1, 2, 3],
        "day": pd.to_datetime(["2024-01-01", "2024-02-29", "2023-12-31"]),
        "note": ["x", None, "zz"],
        "doc": [{"a": 1}, {"b": [1, 2]}, None],
    })
    dtype = {"code": sa.String(8), "price": sa.Numeric(10, 2), "qty": sa.SmallInteger(),
             "day": sa.Date(), "note": sa.Text(), "doc": sa.dialects.postgresql.JSONB()}
    df.to_sql("typed", engine, if_exists="replace", index=False, dtype=dtype,
              method="multi", chunksize=2)
    with engine.begin() as c:
        c.execute(sa.text("ALTER TABLE typed ADD PRIMARY KEY (code)"))
    return "\n".join(map(str, columns("typed"))) + "\n" + as_text("typed", "code")


def describe(df):
    return "%s\n%s" % (df.dtypes.to_string(), df.to_string())


def query_params():
    df = pd.read_sql_query(
        "SELECT row_id, naive, aware, label, count, ratio FROM frame "
        "WHERE row_id >= %(lo)s AND (label <> %(not)s OR label IS NULL) ORDER BY row_id",
        engine, params={"lo": 11, "not": "plain"}, index_col="row_id")
    return describe(df)


def query_parse_dates():
    df = pd.read_sql(
        "SELECT row_id, naive::text AS naive_text, aware, span, to_char(naive, 'YYYY-MM-DD') "
        "AS day FROM frame ORDER BY row_id", engine,
        parse_dates={"naive_text": {}, "day": {"format": "%Y-%m-%d"}, "aware": {"utc": True}},
        coerce_float=True)
    return describe(df)


def query_sa_params():
    df = pd.read_sql(sa.text("SELECT code, price, qty, day, doc FROM typed WHERE qty < :q "
                             "ORDER BY code"), engine, params={"q": 3},
                     parse_dates=["day"])
    return describe(df)


def table():
    df = pd.read_sql_table("frame", engine, index_col="row_id")
    return describe(df)


def table_cols():
    df = pd.read_sql_table("typed", engine, columns=["price", "day"], index_col="code",
                           parse_dates={"day": {"utc": True}})
    return describe(df)


def chunks():
    out = []
    for i, part in enumerate(pd.read_sql_query("SELECT row_id, label FROM frame ORDER BY row_id",
                                               engine, chunksize=2)):
        out.append("chunk %d: %s" % (i, part.to_dict("records")))
    for i, part in enumerate(pd.read_sql_table("typed", engine, chunksize=2)):
        out.append("table chunk %d: %s" % (i, list(part.code)))
    return "\n".join(out)


def big():
    df = pd.DataFrame({"id": np.arange(2000), "v": np.arange(2000) * 0.5,
                       "s": ["row %d" % i for i in range(2000)]})
    df.to_sql("big", engine, if_exists="replace", index=False, chunksize=500, method="multi")
    df.iloc[:300].assign(id=lambda d: d.id + 2000).to_sql("big", engine, if_exists="append",
                                                          index=False)
    back = pd.read_sql_query("SELECT count(*) AS n, sum(id) AS ids, sum(v) AS vs, "
                             "max(s) AS top FROM big", engine)
    return back.to_dict("records")


def schema_in_sql():
    return pd.io.sql.get_schema(frame(), "frame2", con=engine)


def in_transaction():
    with engine.begin() as c:
        frame().iloc[:1].to_sql("frame", c, if_exists="append", index=True,
                                index_label="row_id")
        inside = pd.read_sql_query("SELECT count(*) AS n FROM frame", c).n[0]
        raise_rollback = c.begin_nested()
        frame().iloc[1:2].to_sql("frame", c, if_exists="append", index=True,
                                 index_label="row_id")
        raise_rollback.rollback()
        after = pd.read_sql_query("SELECT count(*) AS n FROM frame", c).n[0]
    return "inside %s, after savepoint rollback %s" % (inside, after)


def bad_table():
    return pd.read_sql_table("no_such_table", engine)


def bad_query():
    return pd.read_sql_query("SELECT nope FROM frame", engine)


with engine.begin() as c:
    for t in ("frame", "typed", "big"):
        c.execute(sa.text("DROP TABLE IF EXISTS %s" % t))
step("to_sql replace with index label", replace)
step("to_sql fail", fail_exists)
step("to_sql replace again", replace_again)
step("to_sql append multi chunksize=1", append_multi)
step("to_sql dtype=", typed)
step("read_sql_query params", query_params)
step("read_sql parse_dates", query_parse_dates)
step("read_sql text() params", query_sa_params)
step("read_sql_table", table)
step("read_sql_table columns parse_dates", table_cols)
step("chunksize", chunks)
step("2300 rows in chunks", big)
step("get_schema", schema_in_sql)
step("to_sql in a transaction", in_transaction)
step("read_sql_table missing", bad_table)
step("read_sql_query bad column", bad_query)
print("done")
