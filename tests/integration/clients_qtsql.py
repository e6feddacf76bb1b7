# SPDX-License-Identifier: Apache-2.0
# clients_qtsql.py: Qt 5's SQL module with its QPSQL driver (Debian libqt5sql5-psql, scripted
# through python3-pyqt5.qtsql) as a Qt GUI application uses it: QSqlDatabase open, the driver's
# features, QSqlQuery exec/prepare/bind (QPSQL prepares with SQL PREPARE and EXECUTE), value
# types, the catalog queries behind tables(), record() and primaryIndex(), transactions,
# QSqlTableModel and QSqlRelationalTableModel editing, notifications; one line per step for
# test_clients.sh to compare with PostgreSQL 15.
# Usage: clients_qtsql.py PORT pg|shardlite   (the tenant is the database name)
import os
import sys

from PyQt5.QtCore import QByteArray, QCoreApplication, QDate, QDateTime, QTime, Qt
from PyQt5.QtSql import (QSql, QSqlDatabase, QSqlDriver, QSqlQuery, QSqlRelation,
                         QSqlRelationalTableModel, QSqlTableModel)

PORT, TARGET = int(sys.argv[1]), sys.argv[2]
VERBOSE = os.environ.get("CLIENTS_VERBOSE")
app = QCoreApplication(sys.argv[:1])


def err(e):
    """An error as Qt reports it: its type and the SQLSTATE QPSQL puts in nativeErrorCode."""
    if VERBOSE:
        print("   ", e.text().replace("\n", "|"))
    return "ERROR %d %s" % (e.type(), e.nativeErrorCode())


def show(v):
    """A value with its Python/Qt type, the same on both servers."""
    if v is None:
        return "None"
    if isinstance(v, QByteArray):
        return "QByteArray:" + bytes(v).hex()
    if isinstance(v, QDateTime):
        return "QDateTime:" + v.toString(Qt.ISODateWithMs)
    if isinstance(v, (QDate, QTime)):
        return type(v).__name__ + ":" + v.toString(Qt.ISODate)
    return "%s:%r" % (type(v).__name__, v)


def step(name, fn):
    print(name, fn())
    sys.stdout.flush()


def gap(name, fn, shard, pg):
    """A known difference (docs/clients.md): shardlite must give `shard`, PostgreSQL `pg`."""
    got = fn()
    want = shard if TARGET == "shardlite" else pg
    print(name, "known gap" if got == want else "UNEXPECTED %s" % (got,))


def run(sql, db=None):
    """Runs sql; its rows, or its error."""
    q = QSqlQuery(db or QSqlDatabase.database())
    if not q.exec_(sql):
        return err(q.lastError())
    return rows(q)


def rows(q):
    out = []
    while q.next():
        out.append([show(q.value(i)) for i in range(q.record().count())])
    return out if q.isSelect() else "affected %d" % q.numRowsAffected()


def field_info(rec):
    out = []
    for i in range(rec.count()):
        f = rec.field(i)
        out.append("%s:%s:len%d:prec%d:req%d:auto%d:def=%s" % (
            f.name(), f.typeID(), f.length(), f.precision(), f.requiredStatus(),
            f.isAutoValue(), show(f.defaultValue())))
    return out


def open_db(name=None):
    db = QSqlDatabase.addDatabase("QPSQL", name) if name else QSqlDatabase.addDatabase("QPSQL")
    db.setHostName("127.0.0.1")
    db.setPort(PORT)
    db.setDatabaseName(os.environ.get("CLIENTS_DBNAME", "acme"))
    db.setUserName("postgres")
    return db


db = open_db()
step("open", lambda: db.open() or err(db.lastError()))
drv = db.driver()
features = ["Transactions", "QuerySize", "BLOB", "Unicode", "PreparedQueries", "NamedPlaceholders",
            "PositionalPlaceholders", "LastInsertId", "BatchOperations", "EventNotifications",
            "FinishQuery", "MultipleResultSets"]
step("features", lambda: [f for f in features if drv.hasFeature(getattr(QSqlDriver, f))])
step("version", lambda: run("SELECT split_part(current_setting('server_version'), '.', 1)"))

step("create", lambda: [
    run("CREATE TABLE author (id serial PRIMARY KEY, name varchar(40) NOT NULL UNIQUE, "
        "born date, rating numeric(4,2) DEFAULT 2.5)"),
    run("CREATE TABLE book (id serial PRIMARY KEY, title text NOT NULL, author_id int "
        "REFERENCES author(id), price numeric(8,2), pages int2, sold int8, weight float8, "
        "in_print bool DEFAULT true, cover bytea, published timestamp, added timestamptz, "
        "starts time, tags text[], meta jsonb, code uuid)"),
    run("CREATE VIEW cheap AS SELECT id, title FROM book WHERE price < 10"),
    run("CREATE TABLE pair (a int, b text, note text, PRIMARY KEY (a, b))")])

step("tables", lambda: sorted(db.tables()))
step("views", lambda: sorted(db.tables(QSql.Views)))
step("system tables has pg_class", lambda: "pg_class" in db.tables(QSql.SystemTables))
step("record author", lambda: field_info(db.record("author")))
step("record book", lambda: field_info(db.record("book")))
step("primaryIndex book", lambda: (lambda i: (i.name(), [i.fieldName(k) for k in range(i.count())]))(
    db.primaryIndex("book")))
step("primaryIndex pair", lambda: (lambda i: (i.name(), [i.fieldName(k) for k in range(i.count())]))(
    db.primaryIndex("pair")))
step("primaryIndex missing", lambda: db.primaryIndex("nosuch").count())


def insert_authors():
    q = QSqlQuery()
    out = [q.prepare("INSERT INTO author (name, born, rating) VALUES (?, ?, ?)")]
    for name, born, rating in [("Ann", QDate(1970, 1, 2), 4.5), ("Bob 'the' \\ Builder", None, None),
                               ("Zoë", QDate(2000, 2, 29), 3)]:
        q.addBindValue(name)
        q.addBindValue(born)
        q.addBindValue(rating)
        out.append(q.exec_() or err(q.lastError()))
        out.append(q.numRowsAffected())
    return out


step("prepare positional", insert_authors)


def insert_books():
    q = QSqlQuery()
    out = [q.prepare("INSERT INTO book (title, author_id, price, pages, sold, weight, in_print, "
                     "cover, published, added, starts, tags, meta, code) VALUES (:title, :author, "
                     ":price, :pages, :sold, :weight, :in_print, :cover, :published, :added, "
                     ":starts, :tags, :meta, :code)")]
    books = [
        ("First", 1, 9.99, 120, 1 << 40, 0.5, True, QByteArray(b"\x00\x01\xff'\\"),
         QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 678)),
         QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt.UTC), QTime(12, 30), "{a,\"b c\"}",
         '{"k": [1, 2]}', "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
        ("Second", 1, 25, None, None, None, False, None, None, None, None, None, None, None),
        ("Third, 'quoted'", 3, 5.5, 33, -1, -2.25, True, QByteArray(), None, None, None, "{}",
         "[]", None),
    ]
    for b in books:
        for k, v in zip(["title", "author", "price", "pages", "sold", "weight", "in_print",
                         "cover", "published", "added", "starts", "tags", "meta", "code"], b):
            q.bindValue(":" + k, v)
        out.append(q.exec_() or err(q.lastError()))
    return out


step("prepare named", insert_books)
step("select values", lambda: run("SELECT id, title, author_id, price, pages, sold, weight, "
                                  "in_print, cover, published, added, starts, tags, meta, code "
                                  "FROM book ORDER BY id"))


def query_record():
    q = QSqlQuery()
    q.exec_("SELECT id, title, price, pages, in_print, published FROM book WHERE id = 1")
    return field_info(q.record())


step("query record", query_record)


def sizes():
    q = QSqlQuery()
    q.exec_("SELECT * FROM author ORDER BY id")
    out = [q.size(), q.isSelect(), q.at()]
    q.last()
    out.append(q.value("name"))
    q.seek(0)
    out.append(q.value(1))
    q.previous()
    out.append(q.isValid())
    fwd = QSqlQuery()
    fwd.setForwardOnly(True)
    fwd.exec_("SELECT name FROM author ORDER BY name")
    while fwd.next():
        out.append(fwd.value(0))
    return out


step("navigation", sizes)


def reuse_prepared():
    q = QSqlQuery()
    q.prepare("SELECT title, price FROM book WHERE author_id = ? AND price > ? ORDER BY id")
    out = []
    for a, p in [(1, 0), (1, 10), (3, 1), (2, 0)]:
        q.addBindValue(a)
        q.addBindValue(p)
        q.exec_()
        out.append(rows(q))
    return out


step("prepared reused", reuse_prepared)


def prepared_error():
    q = QSqlQuery()
    a = q.prepare("SELECT nosuch FROM book WHERE id = ?")
    b = q.prepare("INSERT INTO author (name) VALUES (?)")
    q.addBindValue("Ann")
    return [a, b, q.exec_() or err(q.lastError())]


step("prepared errors", prepared_error)


def batch():
    q = QSqlQuery()
    q.prepare("INSERT INTO pair (a, b, note) VALUES (?, ?, ?)")
    q.addBindValue([1, 1, 2, 3])
    q.addBindValue(["x", "y", "x", "z"])
    q.addBindValue(["one", None, "two", "three"])
    return [q.execBatch() or err(q.lastError()), run("SELECT * FROM pair ORDER BY a, b")]


step("execBatch", batch)


def precision():
    out = []
    for policy in [QSql.HighPrecision, QSql.LowPrecisionInt64, QSql.LowPrecisionDouble]:
        q = QSqlQuery()
        q.setNumericalPrecisionPolicy(policy)
        q.exec_("SELECT price, sold, 1234567890.123456789::numeric FROM book ORDER BY id LIMIT 1")
        q.next()
        out.append([show(q.value(i)) for i in range(3)])
    return out


step("numerical precision", precision)


def multiple_results():
    q = QSqlQuery()
    out = [q.exec_("SELECT 1 AS a; SELECT 'two' AS b, 3 AS c")]
    while True:
        rows_ = []
        while q.next():
            rows_.append([show(q.value(i)) for i in range(q.record().count())])
        out.append(rows_)
        if not q.nextResult():
            break
    return out


step("multiple results", multiple_results)


def named_twice():
    q = QSqlQuery()
    q.prepare("SELECT :x + 1, :x * 2, :y")
    q.bindValue(":x", 20)
    q.bindValue(":y", "it's")
    return [q.exec_() or err(q.lastError()), rows(q), q.lastQuery(), q.executedQuery()]


step("named placeholder twice", named_twice)
step("driver formatting", lambda: [
    drv.escapeIdentifier("Mixed Case", QSqlDriver.TableName),
    drv.isIdentifierEscaped('"x"', QSqlDriver.FieldName),
    drv.sqlStatement(QSqlDriver.SelectStatement, "pair", db.record("pair"), False),
    drv.sqlStatement(QSqlDriver.WhereStatement, "pair", db.primaryIndex("pair"), False)])


def quoted_table():
    out = [run('CREATE TABLE "Mixed Case" (id int PRIMARY KEY, "Some Col" text)'),
           run('INSERT INTO "Mixed Case" VALUES (1, \'x\')')]
    out.append([t for t in db.tables() if t.startswith("Mixed")])
    out.append(field_info(db.record('"Mixed Case"')))
    i = db.primaryIndex('"Mixed Case"')
    out.append((i.name(), [i.fieldName(k) for k in range(i.count())]))
    m = QSqlTableModel(None, db)
    m.setTable('"Mixed Case"')
    m.setEditStrategy(QSqlTableModel.OnManualSubmit)
    out.append(m.select() or err(m.lastError()))
    out.append(m.setData(m.index(0, 1), "changed"))
    out.append(m.submitAll() or err(m.lastError()))
    out.append(run('SELECT * FROM "Mixed Case"'))
    out.append(run('DROP TABLE "Mixed Case"'))
    return out


step("quoted table", quoted_table)

step("errors", lambda: [run(s) for s in [
    "INSERT INTO author (name) VALUES ('Ann')", "INSERT INTO author (name) VALUES (NULL)",
    "INSERT INTO book (title, author_id) VALUES ('x', 99)", "SELECT * FROM nosuch",
    "SELECT nosuch FROM author", "SELEC 1", "SELECT 1/0", "SELECT 'x'::int"]])


def transactions():
    out = [db.transaction(), run("INSERT INTO author (name) VALUES ('rolled back')"), db.rollback()]
    out += [db.transaction(), run("INSERT INTO author (name) VALUES ('committed')"), db.commit()]
    out += [db.transaction(), run("SELECT 1/0"), run("SELECT 1"), db.rollback()]
    out += [db.transaction(), run("INSERT INTO author (name) VALUES ('Ann')"), db.commit(),
            err(db.lastError())]
    out.append(run("SELECT name FROM author WHERE name IN ('rolled back', 'committed')"))
    return out


step("transactions", transactions)


def table_model():
    m = QSqlTableModel(None, db)
    m.setTable("author")
    m.setEditStrategy(QSqlTableModel.OnManualSubmit)
    m.setSort(0, Qt.AscendingOrder)
    out = [m.select(), m.rowCount(), m.columnCount(), m.primaryKey().name(),
           [m.headerData(i, Qt.Horizontal) for i in range(m.columnCount())]]
    rec = m.record()
    rec.setValue("name", "Model made")
    rec.setValue("born", QDate(1999, 9, 9))
    rec.setGenerated("id", False)
    rec.setGenerated("rating", False)
    out.append(m.insertRecord(-1, rec))
    out.append(m.submitAll() or err(m.lastError()))
    m.select()
    out.append([[show(m.data(m.index(r, c))) for c in range(m.columnCount())]
                for r in range(m.rowCount())])
    row = next(r for r in range(m.rowCount()) if m.data(m.index(r, 1)) == "Ann")
    out.append(m.setData(m.index(row, 3), 1.25))
    out.append(m.submitAll() or err(m.lastError()))
    row = next(r for r in range(m.rowCount()) if m.data(m.index(r, 1)) == "committed")
    out.append(m.removeRows(row, 1))
    out.append(m.submitAll() or err(m.lastError()))
    m.setFilter("rating > 3")
    out.append(m.select())
    out.append([m.data(m.index(r, 1)) for r in range(m.rowCount())])
    m.setFilter("")
    m.select()
    row = next(r for r in range(m.rowCount()) if m.data(m.index(r, 1)) == "Zoë")
    m.setData(m.index(row, 1), "Ann")  # a unique violation on submit
    out.append(m.submitAll() or err(m.lastError()))
    m.revertAll()
    out.append(run("SELECT name, born, rating FROM author ORDER BY id"))
    return out


step("QSqlTableModel", table_model)


def pair_model():
    m = QSqlTableModel(None, db)
    m.setTable("pair")
    m.setEditStrategy(QSqlTableModel.OnManualSubmit)
    m.setSort(1, Qt.DescendingOrder)
    out = [m.select(), m.rowCount()]
    out.append(m.setData(m.index(0, 2), "changed"))
    out.append(m.submitAll() or err(m.lastError()))
    out.append(run("SELECT * FROM pair ORDER BY a, b"))
    return out


step("QSqlTableModel composite key", pair_model)


def relational_model():
    m = QSqlRelationalTableModel(None, db)
    m.setTable("book")
    m.setRelation(2, QSqlRelation("author", "id", "name"))
    m.setSort(0, Qt.AscendingOrder)
    out = [m.select() or err(m.lastError()), m.rowCount()]
    out.append([[show(m.data(m.index(r, c))) for c in range(4)] for r in range(m.rowCount())])
    rel = m.relationModel(2)
    out.append(sorted(rel.data(rel.index(r, 1)) for r in range(rel.rowCount())))
    return out


step("QSqlRelationalTableModel", relational_model)


def notifications():
    heard = []
    drv.notification[str, QSqlDriver.NotificationSource, "QVariant"].connect(
        lambda name, src, payload: heard.append((name, int(src), payload)))
    out = [drv.subscribeToNotification("jobs"), drv.subscribedToNotifications()]
    other = open_db("other")
    out.append(other.open())
    run("NOTIFY jobs, 'from other'", other)
    run("SELECT pg_notify('jobs', 'second')", other)
    run("NOTIFY jobs, 'mine'")
    for _ in range(50):
        app.processEvents()
        if len(heard) >= 3:
            break
        QSqlQuery(db).exec_("SELECT 1")
    other.close()
    out.append(sorted(heard))
    out.append(drv.unsubscribeFromNotification("jobs"))
    return out


step("notifications", notifications)

step("drop", lambda: [run("DROP VIEW cheap"), run("DROP TABLE book, author, pair")])
step("tables after drop", lambda: db.tables())
db.close()
print("done")
