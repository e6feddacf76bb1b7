# SPDX-License-Identifier: Apache-2.0
# clients_alembic.py: Alembic 1.8 (Debian python3-alembic) over SQLAlchemy 1.4 and psycopg2 —
# Operations on a MigrationContext (create_table, add_column, alter_column, indexes, foreign and
# unique constraints, batch_alter_table in place and by recreating the table), a temporary
# alembic environment driven by its command API (upgrade, current, downgrade, the
# alembic_version table, revision --autogenerate), and compare_metadata of a MetaData against
# the database before and after upgrading; one line per step for test_clients.sh to compare
# with PostgreSQL 15.
# Usage: clients_alembic.py URL pg|shardlite
import contextlib
import io
import os
import shutil
import sys
import tempfile
import warnings

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata, produce_migrations, render_python_code
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.operations import Operations

warnings.simplefilter("ignore")
URL, TARGET = sys.argv[1], sys.argv[2]
VERBOSE = os.environ.get("CLIENTS_VERBOSE")
engine = sa.create_engine(URL, future=True)


def step(name, fn):
    try:
        print(name, fn())
    except sa.exc.DBAPIError as e:
        print(name, "ERROR", type(e.orig).__name__, e.orig.pgcode)
        if VERBOSE:
            print("   ", str(e.orig).strip().replace("\n", " | "), "| SQL:", e.statement)


def gap(name, fn, answer, pg_answer=None):
    """A known difference: shardlite answers `answer` (a SQLSTATE, or the str of what fn
    returns) where PostgreSQL succeeds (returning pg_answer's str, when given)."""
    try:
        got, ok = str(fn()), True
    except sa.exc.DBAPIError as e:
        if VERBOSE:
            print("   ", str(e.orig).strip().replace("\n", " | "), "| SQL:", e.statement)
        got, ok = e.orig.pgcode, False
    if TARGET == "shardlite":
        good = got == answer
    else:
        good = ok if pg_answer is None else got == pg_answer
    print(name, "known gap" if good else "UNEXPECTED %s" % got)


def ops(fn):
    """Runs fn(op) with alembic's Operations in one transaction, as a migration script does."""
    with engine.begin() as conn:
        fn(Operations(MigrationContext.configure(conn)))


def describe(*tables):
    insp = sa.inspect(engine)
    out = []
    for t in tables:
        out.append((t, [(c["name"], str(c["type"]), c["nullable"], c["default"])
                        for c in insp.get_columns(t)]))
        out.append(insp.get_pk_constraint(t)["constrained_columns"])
        out.append(sorted((f["name"], f["constrained_columns"], f["referred_table"],
                           f["referred_columns"]) for f in insp.get_foreign_keys(t)))
        out.append(sorted((i["name"], i["column_names"], i["unique"])
                          for i in insp.get_indexes(t)))
        out.append(sorted((u["name"], u["column_names"]) for u in insp.get_unique_constraints(t)))
    return "\n".join(map(str, out))


def create_tables(op):
    op.create_table("account",
                    sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("name", sa.String(50), nullable=False),
                    sa.Column("created", sa.DateTime(timezone=True), server_default=sa.func.now()))
    op.create_table("post",
                    sa.Column("id", sa.BigInteger, primary_key=True),
                    sa.Column("account_id", sa.Integer),
                    sa.Column("title", sa.String(80)),
                    sa.Column("body", sa.Text))
    op.bulk_insert(sa.table("account", sa.column("id"), sa.column("name")),
                   [{"id": 1, "name": "ann"}, {"id": 2, "name": "bob"}])
    op.execute("INSERT INTO post (account_id, title, body) VALUES (1, 'hi', 'first')")


step("create_table", lambda: (ops(create_tables), sorted(sa.inspect(engine).get_table_names()))[1])


def alter(op):
    op.add_column("post", sa.Column("views", sa.Integer, nullable=False, server_default="0"))
    op.add_column("post", sa.Column("score", sa.Numeric(6, 2)))
    op.alter_column("post", "title", type_=sa.String(200), existing_type=sa.String(80))
    op.alter_column("post", "title", nullable=False, existing_type=sa.String(200))
    op.alter_column("post", "views", server_default="1", existing_type=sa.Integer)
    op.alter_column("post", "score", server_default=None, type_=sa.Numeric(8, 3),
                    postgresql_using="score::numeric(8,3)")
    op.alter_column("post", "body", new_column_name="content")
    op.alter_column("account", "created", server_default=None)


step("alter_column", lambda: (ops(alter), describe("post"))[1])


def constraints(op):
    op.create_index("ix_post_title", "post", ["title"])
    op.create_index("ix_post_account_views", "post", ["account_id", sa.text("views DESC")])
    op.create_unique_constraint("uq_account_name", "account", ["name"])
    op.create_foreign_key("fk_post_account", "post", "account", ["account_id"], ["id"],
                          ondelete="CASCADE")
    op.drop_index("ix_post_title", table_name="post")
    op.create_index("ix_post_title_lower", "post", [sa.text("lower(title)")], unique=True)
    op.create_check_constraint("ck_post_views", "post", "views >= 0")


step("constraints", lambda: (ops(constraints), describe("account", "post"))[1])


def errors():
    out = []
    for sql in ("INSERT INTO account (id, name) VALUES (3, 'ann')",
                "INSERT INTO post (account_id, title) VALUES (9, 'x')",
                "INSERT INTO post (account_id, title, views) VALUES (1, 'y', -1)",
                "INSERT INTO post (account_id) VALUES (1)"):
        try:
            with engine.begin() as c:
                c.execute(sa.text(sql))
            out.append("ok")
        except sa.exc.DBAPIError as e:
            out.append(e.orig.pgcode)
    with engine.begin() as c:
        c.execute(sa.text("DELETE FROM account WHERE id = 1"))
        out.append(c.execute(sa.text("SELECT count(*) FROM post")).scalar())
    return out


step("constraint errors", errors)


def batch_inplace(op):
    with op.batch_alter_table("account") as b:
        b.add_column(sa.Column("email", sa.String(120)))
        b.alter_column("name", type_=sa.String(100), existing_type=sa.String(50))
        b.create_index("ix_account_email", ["email"])


step("batch_alter_table", lambda: (ops(batch_inplace), describe("account"))[1])


def batch_recreate(op):
    op.create_table("tag", sa.Column("code", sa.String(10), primary_key=True),
                    sa.Column("label", sa.String(40), nullable=False),
                    sa.Column("n", sa.Integer, server_default="0"),
                    sa.CheckConstraint("length(code) > 0", name="ck_tag_code"))
    op.execute("INSERT INTO tag VALUES ('a', 'alpha', 1), ('b', 'beta', 2)")
    with op.batch_alter_table("tag", recreate="always") as b:
        b.drop_column("n")
        b.alter_column("label", new_column_name="title", existing_type=sa.String(40))


def recreated():
    ops(batch_recreate)
    with engine.connect() as c:
        rows = c.execute(sa.text("SELECT * FROM tag ORDER BY code")).all()
    return "%s\n%s" % (rows, describe("tag"))


step("batch recreate", recreated)


def batch_recreate_serial(op):
    # on PostgreSQL the copy's table is made first with the old table's constraint names,
    # dropped from it beforehand: ALTER TABLE post DROP CONSTRAINT post_pkey (a bigserial key)
    with op.batch_alter_table("post", recreate="always") as b:
        b.drop_column("score")


def recreated_serial():
    ops(batch_recreate_serial)
    with engine.begin() as c:
        c.execute(sa.text("INSERT INTO account (id, name) VALUES (5, 'eve')"))
        c.execute(sa.text("INSERT INTO post (account_id, title) VALUES (5, 'after')"))
        rows = c.execute(sa.text("SELECT * FROM post ORDER BY id")).all()
    return "%s\n%s" % (rows, describe("post"))


step("batch recreate of a serial key", recreated_serial)


def more_ops(op):
    op.create_table("event",
                    sa.Column("id", sa.BigInteger, sa.Identity(always=True), primary_key=True),
                    sa.Column("kind", sa.Enum("open", "close", name="event_kind"), nullable=False),
                    sa.Column("at", sa.DateTime(timezone=True), server_default=sa.func.now(),
                              nullable=False),
                    sa.Column("payload", sa.JSON, server_default=sa.text("'{}'::json")),
                    sa.Column("n", sa.SmallInteger, comment="a counter"),
                    comment="events")
    op.bulk_insert(sa.table("event", sa.column("kind"), sa.column("n")),
                   [{"kind": "open", "n": 1}, {"kind": "close", "n": 2}])
    op.alter_column("event", "n", type_=sa.Integer, existing_type=sa.SmallInteger,
                    comment="counts", existing_comment="a counter")
    op.create_table_comment("event", "what happened", existing_comment="events")
    op.rename_table("event", "happening")
    op.drop_column("happening", "payload")
    op.create_table("pair", sa.Column("a", sa.Integer, nullable=False),
                    sa.Column("b", sa.Integer, nullable=False))
    op.create_primary_key("pk_pair", "pair", ["a", "b"])


def more():
    ops(more_ops)
    insp = sa.inspect(engine)
    with engine.connect() as c:
        rows = c.execute(sa.text("SELECT id, kind, n FROM happening ORDER BY id")).all()
    return "%s\n%s\n%s\n%s\n%s" % (rows, describe("happening", "pair"),
                                   insp.get_table_comment("happening"),
                                   [(c["name"], c.get("comment")) for c in
                                    insp.get_columns("happening")],
                                   [(e["name"], e["labels"]) for e in insp.get_enums()])


step("identity, enum, comments, rename_table, create_primary_key", more)


def drop(op):
    op.drop_constraint("fk_post_account", "post", type_="foreignkey")
    op.drop_constraint("uq_account_name", "account", type_="unique")
    op.drop_table("post")
    op.drop_table("tag")
    op.drop_table("happening")
    op.drop_table("pair")
    op.execute("DROP TYPE event_kind")
    op.drop_table("account")


step("drop", lambda: (ops(drop), sa.inspect(engine).get_table_names())[1])

# A temporary alembic environment: env.py runs migrations online over this engine's URL with
# target_metadata from models.py, which the autogenerate steps compare with the database.
ENV_PY = '''
import sys
from alembic import context
from sqlalchemy import create_engine
sys.path.insert(0, context.config.get_main_option("script_location"))
from models import metadata
with create_engine(context.config.get_main_option("sqlalchemy.url")).connect() as conn:
    context.configure(connection=conn, target_metadata=metadata, compare_type=True,
                      compare_server_default=True)
    with context.begin_transaction():
        context.run_migrations()
'''
REV = '''"""%(msg)s"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql
revision = %(rev)r
down_revision = %(down)r
branch_labels = None
depends_on = None
def upgrade():
%(up)s
def downgrade():
%(down_body)s
'''
MODELS = '''
import sqlalchemy as sa
metadata = sa.MetaData()
sa.Table("team", metadata,
         sa.Column("id", sa.Integer, primary_key=True),
         sa.Column("name", sa.String(60), nullable=False),
         sa.Column("budget", sa.Numeric(10, 2), server_default="0"),
         sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
         sa.UniqueConstraint("name", "active", name="uq_team_name_active"), comment="teams")
sa.Table("member", metadata,
         sa.Column("id", sa.Integer, primary_key=True),
         sa.Column("team_id", sa.Integer, sa.ForeignKey("team.id", ondelete="CASCADE",
                                                   name="fk_member_team"),
                   nullable=False),
         sa.Column("email", sa.String(120), nullable=False),
         sa.Column("joined", sa.Date),
         sa.Column("note", sa.Text, comment="free text"),
         sa.Column("role", sa.String(10), server_default="dev"),
         sa.Column("created", sa.DateTime(timezone=True), server_default=sa.func.now(),
                   nullable=False),
         sa.Column("score", sa.Numeric(8, 3)),
         sa.Index("ix_member_email", "email", unique=True),
         sa.UniqueConstraint("team_id", "joined", name="uq_member_team_joined"))
'''

tmp = tempfile.mkdtemp(prefix="alembic-")
cfg = Config()
cfg.set_main_option("script_location", tmp)
cfg.set_main_option("sqlalchemy.url", URL)
os.makedirs(os.path.join(tmp, "versions"))
with open(os.path.join(tmp, "env.py"), "w") as f:
    f.write(ENV_PY)
with open(os.path.join(tmp, "script.py.mako"), "w") as f:
    f.write(REV.replace("%(msg)s", "${message}").replace("%(rev)r", "${repr(up_revision)}")
            .replace("%(down)r", "${repr(down_revision)}")
            .replace("%(up)s", "${upgrades if upgrades else '    pass'}")
            .replace("%(down_body)s", "${downgrades if downgrades else '    pass'}"))
with open(os.path.join(tmp, "models.py"), "w") as f:
    f.write(MODELS)


def revision(rev, down, up, down_body):
    with open(os.path.join(tmp, "versions", rev + ".py"), "w") as f:
        f.write(REV % {"msg": rev, "rev": rev, "down": down, "up": up, "down_body": down_body})


# r1 creates team as the models had it before: no budget, no unique name, no comment
revision("r1", None, '''    op.create_table("team", sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("name", sa.String(40), nullable=False),
                    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
                    sa.Column("legacy", sa.Integer))
''', '''    op.drop_table("team")
''')
# r2 creates member without its index, with note as varchar
revision("r2", "r1", '''    op.create_table("member", sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("team_id", sa.Integer, sa.ForeignKey("team.id"), nullable=False),
                    sa.Column("email", sa.String(120), nullable=False),
                    sa.Column("joined", sa.Date), sa.Column("note", sa.String(20)),
                    sa.Column("created", sa.DateTime(timezone=True), nullable=True),
                    sa.Column("score", sa.Numeric(6, 2)), sa.Column("old", sa.Boolean))
    op.create_index("ix_member_old", "member", ["old"])
''', '''    op.drop_table("member")
''')


def current():
    with engine.connect() as c:
        return MigrationContext.configure(c).get_current_heads()


def version_table():
    with engine.connect() as c:
        return c.execute(sa.text("SELECT version_num FROM alembic_version")).all(), \
            describe("alembic_version")


step("upgrade r1", lambda: (command.upgrade(cfg, "r1"), current(), version_table())[1:])
step("upgrade head", lambda: (command.upgrade(cfg, "head"), current(),
                              sorted(sa.inspect(engine).get_table_names()))[1:])
step("downgrade -1", lambda: (command.downgrade(cfg, "-1"), current(),
                              sorted(sa.inspect(engine).get_table_names()))[1:])
step("upgrade head again", lambda: (command.upgrade(cfg, "head"), current())[1])


def target_metadata():
    sys.path.insert(0, tmp)
    import models
    return models.metadata


def diffs():
    """compare_metadata's differences, in alembic's own rendering of the migration they make."""
    with engine.connect() as c:
        ctx = MigrationContext.configure(c, opts={"compare_type": True,
                                                  "compare_server_default": True})
        raw = compare_metadata(ctx, target_metadata())
        code = render_python_code(produce_migrations(ctx, target_metadata()).upgrade_ops)
    return "%d diffs\n%s" % (len(raw), code.strip())


step("compare_metadata", diffs)


def autogenerate():
    with contextlib.redirect_stdout(io.StringIO()):  # "Generating <temp path> ... done"
        command.revision(cfg, message="r3", autogenerate=True, rev_id="r3")
    with open(os.path.join(tmp, "versions", "r3_r3.py")) as f:
        body = f.read()
    up = body[body.index("def upgrade"):body.index("def downgrade")]
    command.upgrade(cfg, "head")
    return "%s\n%s\n%s" % (up.strip(), current(), describe("team", "member"))


step("revision --autogenerate, upgrade", autogenerate)
step("compare_metadata after upgrade", diffs)


def unique_referenced():
    """A UNIQUE on team, which member's foreign key references, in the migration's transaction
    (shardlite: a unique index of its own, as the table cannot be rebuilt there)."""
    ops(lambda op: op.create_unique_constraint("uq_team_name", "team", ["name"]))
    out = [describe("team")]
    try:
        with engine.begin() as c:
            c.execute(sa.text("INSERT INTO team (name) VALUES ('x'), ('x')"))
    except sa.exc.IntegrityError as e:
        out.append(e.orig.pgcode)
    ops(lambda op: op.drop_constraint("uq_team_name", "team", type_="unique"))
    out.append(sa.inspect(engine).get_unique_constraints("team"))
    return "\n".join(map(str, out))


step("create_unique_constraint on a referenced table", unique_referenced)


def downgrade_base():
    command.downgrade(cfg, "base")
    return current(), sorted(sa.inspect(engine).get_table_names())


step("downgrade base", downgrade_base)
shutil.rmtree(tmp)
print("done")
