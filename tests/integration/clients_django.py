# SPDX-License-Identifier: Apache-2.0
# clients_django.py: Django 3.2 against one server — makemigrations, migrate (contenttypes
# and auth too), ORM CRUD, transaction.atomic, inspectdb, flush — printed one line per step
# for test_clients.sh. The project (clients_django/) is copied to a temporary directory so the
# generated migrations stay out of the source tree. Usage: clients_django.py PORT pg|shardlite
import datetime
import decimal
import io
import os
import shutil
import sys
import tempfile
import uuid

TARGET = sys.argv[2]
work = tempfile.mkdtemp(prefix="shardlite-django-")
shutil.copytree(os.path.join(os.path.dirname(os.path.abspath(__file__)), "clients_django"),
                os.path.join(work, "proj"))
sys.path.insert(0, os.path.join(work, "proj"))
os.environ["CLIENTS_DB_PORT"] = sys.argv[1]
os.environ["DJANGO_SETTINGS_MODULE"] = "settings"

import django  # noqa: E402

django.setup()
from django.core.management import call_command  # noqa: E402
from django.db import IntegrityError, connection, transaction  # noqa: E402
from django.db.models import Count, F, Sum  # noqa: E402

from shop.models import Customer, Order  # noqa: E402


def known(text, sl, pg, why):
    """A known difference inside a step's output: on shardlite it must contain sl, replaced
    by PostgreSQL's pg; both print the same note (remove the call once shardlite matches)."""
    if TARGET == "shardlite":
        if sl not in text:
            print("UNEXPECTED: no longer differs:", why)
        text = text.replace(sl, pg)
    print("known gap:", why)
    return text


def step(name, fn, gaps=()):
    try:
        out = "%s %s" % (name, fn())
        for g in gaps:
            out = known(out, *g)
        print(out)
    except Exception as e:  # noqa: BLE001 - every failure is printed and compared
        cause = e.__cause__ if e.__cause__ is not None else e
        print(name, "ERROR", type(e).__name__, getattr(cause, "pgcode", None))
        if os.environ.get("CLIENTS_VERBOSE"):
            print("   ", str(cause).strip().replace("\n", " | "))
            if connection.queries_log:
                print("    last SQL:", connection.queries_log[-1]["sql"])


def command(*args, **kw):
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=out, **kw)
    return out.getvalue()


if os.environ.get("CLIENTS_VERBOSE"):
    connection.force_debug_cursor = True
print("server version", connection.cursor().connection.server_version // 10000)
step("makemigrations", lambda: command("makemigrations", "shop").strip().splitlines()[0])


def migrate(*args):
    return [line.strip() for line in command("migrate", *args, "--no-color").splitlines()
            if line.strip().startswith("Applying")]


def gap(name, fn, answer, pg_answer=None):
    """A known difference: on shardlite fn must fail with SQLSTATE `answer` (or return a value
    whose repr is `answer`); on PostgreSQL it must succeed (with repr pg_answer, if given).
    Both print the same line, so the test fails once shardlite behaves as PostgreSQL."""
    try:
        got, ok = repr(fn()), True
    except Exception as e:  # noqa: BLE001
        cause = e.__cause__ if e.__cause__ is not None else e
        got, ok = getattr(cause, "pgcode", None) or type(e).__name__, False
        if os.environ.get("CLIENTS_VERBOSE"):
            print("   ", str(cause).strip().replace("\n", " | "))
    if TARGET == "shardlite":
        good = got == answer
    else:
        good = ok if pg_answer is None else got == pg_answer
    print(name, "known gap" if good else "UNEXPECTED %s" % got)


# The app's own migration first: it depends on nothing else.
step("migrate shop", lambda: migrate("shop"))
# contenttypes.0002: ALTER COLUMN "name" DROP NOT NULL, DROP COLUMN "name" CASCADE; auth
# 0002-0012: ALTER COLUMN ... TYPE varchar(n) on tables other tables reference, DROP NOT NULL,
# each migration in a transaction
step("migrate contenttypes and auth", migrate)
step("showmigrations", lambda: command("showmigrations", "shop", "--no-color").split())

T0 = datetime.datetime(2024, 3, 1, 12, 30, tzinfo=datetime.timezone.utc)


def crud():
    out = []
    c = Customer.objects.create(name="Ada", email="ada@example.com")
    d = Customer.objects.create(name="Bob", email="bob@example.com", active=False)
    for i in range(3):
        Order.objects.create(ref=uuid.UUID(int=i + 1), customer=c, number=i,
                             total=decimal.Decimal("10.25") * (i + 1),
                             placed=T0 + datetime.timedelta(days=i), extra={"gift": i == 1, "tags": ["a", "b"]})
    Order.objects.create(customer=d, number=0, total=decimal.Decimal("1.00"), placed=T0)
    out.append(Customer.objects.count())
    o = Order.objects.select_related("customer").get(ref=uuid.UUID(int=2))
    out.append((o.customer.name, o.number, o.total, o.placed, o.extra, o.note))
    out.append(list(Order.objects.filter(customer__name="Ada", placed__gte=T0 + datetime.timedelta(days=1))
                    .order_by("-number").values_list("number", "total")))
    out.append(list(Order.objects.filter(extra__gift=True).values_list("number", flat=True)))
    out.append(list(Customer.objects.annotate(n=Count("orders"), s=Sum("orders__total"))
                    .order_by("name").values_list("name", "n", "s")))
    out.append(Order.objects.filter(customer=c).update(total=F("total") + 1))
    out.append(list(Order.objects.filter(placed__date=datetime.date(2024, 3, 2)).values_list("total", flat=True)))
    out.append(Customer.objects.filter(joined__isnull=False).count())
    out.append(list(Customer.objects.filter(name__icontains="AD").values_list("email", flat=True)))
    out.append(Order.objects.filter(number=0).delete())
    return out


# QuerySet.iterator() uses a server-side cursor: DECLARE ... CURSOR WITH HOLD in autocommit
# mode, then FETCH FORWARD 2000 and CLOSE
def iterate():
    Customer.objects.create(name="It", email="it@example.com")
    try:
        return [c.name for c in Customer.objects.order_by("name").iterator()]
    finally:
        Customer.objects.filter(name="It").delete()


step("iterator", iterate)
step("crud", crud)


# django.contrib.postgres's trigram search (TrigramExtension's CREATE EXTENSION pg_trgm,
# TrigramSimilarity, TrigramDistance, the trigram_similar lookup, GinIndex with gin_trgm_ops)
# over the customers crud left: Ada, Bob
def trigram():
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.lookups import TrigramSimilar
    from django.contrib.postgres.search import TrigramDistance, TrigramSimilarity
    from django.db.models import CharField

    CharField.register_lookup(TrigramSimilar)
    with connection.cursor() as cur:
        cur.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    index = GinIndex(fields=["name"], name="customer_name_trgm", opclasses=["gin_trgm_ops"])
    with connection.schema_editor() as editor:
        editor.add_index(Customer, index)
    out = [list(Customer.objects.annotate(sim=TrigramSimilarity("name", "Adda"))
                .filter(sim__gt=0.1).order_by("-sim").values_list("name", "sim"))]
    out.append(list(Customer.objects.annotate(d=TrigramDistance("email", "bob@example.org"))
                    .order_by("d", "name").values_list("name", "d")))
    out.append(list(Customer.objects.filter(name__trigram_similar="Bobby").values_list("name", flat=True)))
    with connection.cursor() as cur:
        cur.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'customer_name_trgm'")
        out.append(cur.fetchone()[0])
    with connection.schema_editor() as editor:
        editor.remove_index(Customer, index)
    return out


step("trigram", trigram)


def atomic():
    out = []
    try:
        with transaction.atomic():
            Customer.objects.create(name="Cy", email="cy@example.com")
            Customer.objects.create(name="Cy2", email="cy@example.com")
    except IntegrityError as e:
        out.append(("IntegrityError", e.__cause__.pgcode))
    out.append(Customer.objects.filter(name__startswith="Cy").count())
    with transaction.atomic():
        Customer.objects.create(name="Di", email="di@example.com")
        try:
            with transaction.atomic():  # a savepoint
                Customer.objects.create(name="Di2", email="di@example.com")
        except IntegrityError as e:
            out.append(("inner IntegrityError", e.__cause__.pgcode))
    out.append(Customer.objects.filter(name="Di").count())
    return out


step("atomic", atomic)


def inspectdb():
    text = command("inspectdb", "shop_customer", "shop_order")
    # inspectdb reports a table it cannot read as comments, not as an exception
    errors = [line for line in text.splitlines() if line.startswith("# The error was:")]
    if errors:
        raise RuntimeError(errors[0])
    return "\n" + "\n".join(line for line in text.splitlines() if not line.startswith("#"))


step("inspectdb", inspectdb)


def flush():
    # post_migrate fills contenttypes and auth's permissions again
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    command("flush", "--no-input")
    return (Customer.objects.count(), Order.objects.count(), ContentType.objects.count(),
            sorted(Permission.objects.filter(content_type__app_label="shop")
                   .values_list("codename", flat=True)))


step("flush", flush)
# unapplying drops the unique_together through get_constraints, then DROP TABLE ... CASCADE
step("migrate shop zero", lambda: command("migrate", "shop", "zero", "--no-color").split())
connection.close()
shutil.rmtree(work)
print("done")
