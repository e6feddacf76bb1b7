#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# guis_diff.py: runs each statement of tests/integration/guis/*.sql on shardlite and on a real
# PostgreSQL 15 (through psql) and compares the answers; test_guis.sh starts both servers.
"""A .sql file is a list of browse actions. Each action starts with a line

    -- action: <what the GUI is doing>

followed by comment lines (where the query came from) and one statement ending in ';'.
An action PostgreSQL answers must not fail on shardlite. The whole output (header, rows,
row count) must match, unless the action says how much may differ, with the reason:

    -- differs(rows): <reason>      header and row count must match, values may differ
    -- differs(columns): <reason>   the header must match, rows may differ
    -- differs: <reason>            only success counts
    -- fails: <reason>              a known gap: shardlite answers an error (listed in
                                    docs/catalog.md); it must not crash or hang

An annotated action whose output matches PostgreSQL fails ("matches PostgreSQL now"), and a
"fails" action that succeeds fails too ("works now"), so the annotations stay true. Reasons name docs/catalog.md's documented differences.
"""
import re
import subprocess
import sys

LEVELS = {None: 0, "rows": 1, "columns": 2, "": 3}


def parse(path):
    actions, cur = [], None
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        m = re.match(r"--\s*action:\s*(.*)", line)
        if m:
            cur = {"name": m.group(1).strip(), "line": n, "sql": [], "differs": None,
                   "fails": False}
            actions.append(cur)
            continue
        if cur is None:
            continue
        d = re.match(r"--\s*differs(?:\((rows|columns)\))?:\s*(.+)", line)
        if d:
            cur["differs"] = d.group(1) or ""
            continue
        if re.match(r"--\s*fails:\s*\S", line):
            cur["fails"] = True
            continue
        if line.startswith("--"):
            continue
        cur["sql"].append(line)
    for a in actions:
        a["sql"] = "".join(a["sql"]).strip()
    return actions


def run(conn, sql):
    p = subprocess.run(["psql", "-X", "-A", "-F", "|", "-v", "VERBOSITY=verbose",
                        "-v", "ON_ERROR_STOP=1"] + conn + ["-c", sql],
                       capture_output=True, text=True, timeout=30)
    if p.returncode != 0:
        err = p.stderr.strip().splitlines()
        return None, err[0] if err else "psql exit %d" % p.returncode
    return p.stdout.rstrip("\n").split("\n"), None


def shape(out, level):
    """The part of the output the level compares. Rows are compared as a sorted list: the GUIs'
    queries without ORDER BY leave the order to the server."""
    out = [out[0]] + sorted(out[1:-1]) + [out[-1]] if len(out) > 2 else out
    if level == 1:
        return [out[0], out[-1]]
    if level == 2:
        return [out[0]]
    return out


def check(a, sl, pg):
    want, perr = run(pg, a["sql"])
    if perr:
        return "PostgreSQL refuses the action itself: " + perr
    got, serr = run(sl, a["sql"])
    if a["fails"]:
        return None if serr else "works now: replace its fails annotation"
    if serr:
        return "fails on shardlite: " + serr
    level = LEVELS[a["differs"]]
    if level and shape(got, 0) == shape(want, 0):
        return "matches PostgreSQL now: delete its differs annotation"
    if level < 3 and shape(got, level) != shape(want, level):
        return "differs:\n--- PostgreSQL\n%s\n--- shardlite\n%s" % (
            "\n".join(shape(want, level)), "\n".join(shape(got, level)))
    return None


def main():
    sl = sys.argv[1].split()
    pg = sys.argv[2].split()
    failures = total = 0
    for path in sys.argv[3:]:
        for a in parse(path):
            total += 1
            why = check(a, sl, pg)
            if why:
                failures += 1
                print("FAIL %s:%d %s: %s" % (path, a["line"], a["name"], why))
    print("%d of %d GUI actions agree with PostgreSQL 15" % (total - failures, total))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
