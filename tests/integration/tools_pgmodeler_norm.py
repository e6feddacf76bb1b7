#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# tools_pgmodeler_norm.py MODEL.dbm: prints a pgModeler model (pgmodeler-cli
# --import-db's XML) with what legitimately differs between two imports taken out, for
# test_tools.sh pgmodeler to compare shardlite's import with PostgreSQL's:
# - the order of objects, and of constraints in a table: pgModeler writes them by OID, and
#   shardlite's OIDs are not PostgreSQL's (its own numbering of the tenant's objects);
# - <position x= y=>: the tables' places on the canvas follow that order;
# - relationships' custom-color: pgModeler picks a random colour per import.
# The view's query and the CHECK expressions are PostgreSQL's own text (pg_get_viewdef and
# pg_get_constraintdef print it so).
import re
import sys

CONSTRAINT = re.compile(r"\t<constraint .*?</constraint>\n", re.S)


def sort_constraints(block):
    found = CONSTRAINT.findall(block)
    if len(found) < 2:
        return block
    parts = CONSTRAINT.split(block)
    return parts[0] + "".join(sorted(found)) + parts[-1]


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    text = re.sub(r'\s*<position x="[^"]*" y="[^"]*"/>', "", text)
    text = re.sub(r'\s*custom-color="#[0-9a-f]{6}"', "", text)
    head, _, body = text.partition("\n\n")
    print(head)
    for block in sorted(sort_constraints(b) for b in body.split("\n\n")):
        print("\n" + block.rstrip("\n"))


main()
