# SPDX-License-Identifier: Apache-2.0
# clients_sqlobject.py: SQLObject 3.10 (Debian python3-sqlobject) over psycopg2 — createTable
# of related classes, class introspection with fromDatabase=True (its catalog queries:
# pg_get_constraintdef, format_type, pg_get_expr, pg_get_indexdef), CRUD, selects, joins, a
# transaction committed and one rolled back, errors, dropTable; one line per step for
# test_clients.sh to compare with PostgreSQL 15.
# Usage: clients_sqlobject.py PORT pg|shardlite
import datetime
import decimal
import os
import sys

from sqlobject import (AND, BoolCol, DateCol, DateTimeCol, DecimalCol, FloatCol, ForeignKey,
                       IntCol, MultipleJoin, SQLObject, StringCol, UnicodeCol, connectionForURI,
                       sqlhub)
from sqlobject.dberrors import DatabaseError
from sqlobject.sqlbuilder import Select, func

PORT, TARGET = sys.argv[1], sys.argv[2]
VERBOSE = os.environ.get("CLIENTS_VERBOSE")
conn = connectionForURI("postgres://postgres@127.0.0.1:%s/acme?driver=psycopg2" % PORT)
sqlhub.processConnection = conn


def step(name, fn):
    try:
        print(name, fn())
    except DatabaseError as e:
        code = getattr(e.args[0], "code", None) if e.args else None
        print(name, "ERROR", type(e).__name__, code)
        if VERBOSE:
            print("   ", e)


class Person(SQLObject):
    name = UnicodeCol(length=60, notNone=True, alternateID=True)
    born = DateCol(default=None)
    height = FloatCol(default=None)
    active = BoolCol(default=True)
    balance = DecimalCol(size=10, precision=2, default=decimal.Decimal("0"))
    seen = DateTimeCol(default=None)
    addresses = MultipleJoin("Address")


class Address(SQLObject):
    person = ForeignKey("Person", cascade=True)
    street = StringCol(length=100)
    zip = IntCol(default=None)


def create():
    Person.createTable(ifNotExists=True)
    Address.createTable(ifNotExists=True)
    return sorted(r[0] for r in conn.queryAll(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))


step("createTable", create)


def crud():
    a = Person(name="Ada", born=datetime.date(1815, 12, 10), height=1.65,
               balance=decimal.Decimal("12.50"), seen=datetime.datetime(2024, 1, 2, 3, 4, 5))
    b = Person(name="Grace", active=False)
    Address(person=a, street="St James's Square", zip=10)
    Address(person=a, street="Marylebone", zip=None)
    Address(person=b, street="Arlington")
    a.height = 1.66
    out = [a.id, b.id, a.name, a.born, a.height, a.active, a.balance, a.seen, b.balance]
    Person.sqlmeta.expireAll()
    p = Person.byName("Ada")
    out.append((p.height, sorted(x.street for x in p.addresses)))
    out.append([x.name for x in Person.select(Person.q.active == True)])  # noqa: E712
    out.append([(x.street, x.zip) for x in Address.select(
        AND(Address.q.personID == Person.q.id, Person.q.name == "Ada"), orderBy="street")])
    out.append(Address.select().count())
    out.append(conn.queryAll(conn.sqlrepr(Select(
        [Person.q.name, func.COUNT(Address.q.id)], where=Address.q.personID == Person.q.id,
        groupBy=Person.q.name, orderBy=Person.q.name))))
    out.append([x.name for x in Person.selectBy(active=False)])
    return out


step("crud", crud)


def from_database():
    class PersonIntro(SQLObject):
        class sqlmeta:
            table = "person"
            fromDatabase = True

    class AddressIntro(SQLObject):
        class sqlmeta:
            table = "address"
            fromDatabase = True

    out = []
    for cls in (PersonIntro, AddressIntro):
        cols = cls.sqlmeta.columns
        out.append((cls.sqlmeta.idName, sorted(
            (k, type(c).__name__, c.dbName, c.notNone, getattr(c, "foreignKey", None),
             c._default if not callable(c._default) else "callable")
            for k, c in cols.items())))
    out.append([(x.name, x.born) for x in PersonIntro.select(orderBy="id")])
    return "\n".join(map(str, out))


step("fromDatabase", from_database)


def transactions():
    trans = conn.transaction()
    Person(name="Kept", connection=trans)
    trans.commit()
    trans = conn.transaction()
    Person(name="Gone", connection=trans)
    trans.rollback()
    return sorted(x.name for x in Person.select())


step("transactions", transactions)


def errors():
    out = []
    for fn in (lambda: Person(name="Ada"),
               lambda: Address(personID=999, street="x"),
               lambda: conn.query("SELECT nosuch FROM person")):
        try:
            fn()
            out.append("ok")
        except DatabaseError as e:
            out.append((type(e).__name__, getattr(e.args[0], "code", None) if e.args else None))
    return out


step("errors", errors)


def delete():
    Person.byName("Ada").destroySelf()
    Person.deleteMany(Person.q.name == "Kept")
    return sorted(x.name for x in Person.select()), Address.select().count()


step("destroySelf, deleteMany", delete)


def drop():
    Address.dropTable(ifExists=True)
    Person.dropTable(ifExists=True, cascade=True)
    return conn.tableExists("person"), conn.tableExists("address")


step("dropTable", drop)
print("done")
