# SPDX-License-Identifier: Apache-2.0
# catalog_sqlalchemy.py: prints what SQLAlchemy's inspector reads about a database, so that
# test_catalog.sh can compare a tenant with PostgreSQL 15. Usage: catalog_sqlalchemy.py URL
# (get_columns is left out: its query needs json_build_object, see docs/catalog.md).
import sys

from sqlalchemy import create_engine, inspect

insp = inspect(create_engine(sys.argv[1]))
print("tables", sorted(insp.get_table_names()))
print("views", sorted(insp.get_view_names()))
for t in ("authors", "books"):
    print(t, "pk", insp.get_pk_constraint(t))
    print(t, "fks", insp.get_foreign_keys(t))
    print(t, "indexes", sorted(insp.get_indexes(t), key=lambda i: i["name"]))
    print(t, "unique", insp.get_unique_constraints(t))
    print(t, "comment", insp.get_table_comment(t))
