// SPDX-License-Identifier: Apache-2.0
// clients_go.go: drives Go's database/sql with lib/pq and jackc/pgx v4 (Debian's packaged
// sources, built offline in GOPATH mode) through types, transactions, errors and COPY, one line
// per step, for test_clients.sh to compare with PostgreSQL 15.
// Usage: clients_go URL pg|shardlite   (the tenant is the database name)
package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/jackc/pgconn"
	"github.com/jackc/pgx/v4"
	"github.com/lib/pq"
)

var (
	target  string
	verbose = os.Getenv("CLIENTS_VERBOSE") != ""
	ctx     = context.Background()
)

// errText is the class and SQLSTATE of a driver error, the same on both servers.
func errText(err error) string {
	var pqe *pq.Error
	var pge *pgconn.PgError
	if verbose {
		fmt.Println("   ", strings.ReplaceAll(err.Error(), "\n", "|"))
	}
	switch {
	case errors.As(err, &pqe):
		return fmt.Sprintf("ERROR pq %s %s", pqe.Code, pqe.Code.Name())
	case errors.As(err, &pge):
		return fmt.Sprintf("ERROR pgconn %s %s", pge.Code, pge.Severity)
	}
	return "ERROR " + err.Error()
}

// step prints a step's value, or its error.
func step(name string, fn func() (interface{}, error)) {
	v, err := fn()
	if err != nil {
		fmt.Println(name, errText(err))
		return
	}
	fmt.Printf("%s %v\n", name, v)
}

// gap checks a known difference (docs/clients.md): the value must be `shard` on shardlite and
// `pg` on PostgreSQL; both print the same line.
func gap(name string, got interface{}, err error, shard, pg string) {
	want := pg
	if target == "shardlite" {
		want = shard
	}
	v := fmt.Sprint(got)
	if err != nil {
		v = errText(err)
	}
	if v == want {
		fmt.Println(name, "known gap")
	} else {
		fmt.Println(name, "UNEXPECTED", v)
	}
}

// scanAll reads every row of a database/sql result as strings ("<nil>" for NULL).
func scanAll(rows *sql.Rows, err error) (interface{}, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]string
	for rows.Next() {
		raw := make([]sql.NullString, len(cols))
		ptrs := make([]interface{}, len(cols))
		for i := range raw {
			ptrs[i] = &raw[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make([]string, len(cols))
		for i, r := range raw {
			row[i] = "<nil>"
			if r.Valid {
				row[i] = fmt.Sprintf("%q", r.String)
			}
		}
		out = append(out, row)
	}
	return out, rows.Err()
}

const createVals = `CREATE TABLE vals (id serial PRIMARY KEY, sm int2, i int4, b int8, r float4,
	f float8, n numeric(12,4), s text, v varchar(20), by bytea, t bool, d date, tm time,
	ts timestamp, tz timestamptz, iv interval, u uuid, j json, jb jsonb, ia int4[], ta text[])`

const insVals = `INSERT INTO vals (sm, i, b, r, f, n, s, v, by, t, d, tm, ts, tz, iv, u, j, jb, ia, ta)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`

const selVals = `SELECT sm, i, b, r, f, n, s, v, by, t, d, tm, ts, tz, iv, u, j, jb, ia, ta FROM vals ORDER BY id`

var when = time.Date(2024, 1, 2, 3, 4, 5, 678000000, time.UTC)

func libpq(url string) {
	db, err := sql.Open("postgres", url)
	if err != nil {
		panic(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	step("pq create", func() (interface{}, error) {
		_, err := db.Exec(createVals)
		return "ok", err
	})
	step("pq insert", func() (interface{}, error) {
		r, err := db.Exec(insVals, 7, 42, int64(1)<<40, float32(0.25), 1.5, "12.3456", "héllo 'q'",
			"vc", []byte{0, 1, 0xff}, true, "2024-02-29", "12:34:56", when, when, "1 day 02:00:00",
			"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", `{"k": [1, 2]}`, `{"k": [1, 2]}`,
			pq.Array([]int64{1, 2, 3}), pq.Array([]string{"a", "b c"}))
		if err != nil {
			return nil, err
		}
		return r.RowsAffected()
	})
	step("pq insert nulls", func() (interface{}, error) {
		args := make([]interface{}, 20)
		r, err := db.Exec(insVals, args...)
		if err != nil {
			return nil, err
		}
		return r.RowsAffected()
	})
	step("pq select", func() (interface{}, error) { return scanAll(db.Query(selVals)) })
	// pq.Array([]string{"a", "b c"}) is sent as {"a","b c"}; stored as array_in reads it
	step("pq text[] canonical form", func() (interface{}, error) {
		var ta string
		err := db.QueryRow(`SELECT ta::text FROM vals WHERE i = 42`).Scan(&ta)
		return ta, err
	})
	step("pq typed scan", func() (interface{}, error) {
		var i int64
		var f float64
		var s string
		var by []byte
		var t bool
		var ts, tz time.Time
		var ia pq.Int64Array
		var ta pq.StringArray
		err := db.QueryRow(`SELECT i, f, s, by, t, ts, tz, ia, ta FROM vals WHERE i = $1`, 42).
			Scan(&i, &f, &s, &by, &t, &ts, &tz, &ia, &ta)
		return []interface{}{i, f, s, by, t, ts.UTC(), tz.UTC(), []int64(ia), []string(ta)}, err
	})
	step("pq column types", func() (interface{}, error) {
		rows, err := db.Query(selVals + " LIMIT 1")
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		cts, _ := rows.ColumnTypes()
		var out []string
		for _, c := range cts {
			l, _ := c.Length()
			p, s, _ := c.DecimalSize()
			out = append(out, fmt.Sprintf("%s:%s:%d:%d:%d", c.Name(), c.DatabaseTypeName(), l, p, s))
		}
		return out, nil
	})
	step("pq any array", func() (interface{}, error) {
		return scanAll(db.Query(`SELECT i FROM vals WHERE i = ANY($1) ORDER BY i`,
			pq.Array([]int{42, 43})))
	})
	step("pq returning", func() (interface{}, error) {
		var id int
		err := db.QueryRow(`INSERT INTO vals (i, s) VALUES ($1, $2) RETURNING id`, 100, "kept").Scan(&id)
		return id, err
	})
	step("pq transaction", func() (interface{}, error) {
		var out []string
		tx, _ := db.Begin()
		tx.Exec(`INSERT INTO vals (i, s) VALUES (101, 'lost')`)
		_, err := tx.Exec(`INSERT INTO vals (i) VALUES ('x')`)
		out = append(out, errText(err))
		_, err = tx.Exec(`SELECT 1`)
		out = append(out, errText(err))
		out = append(out, fmt.Sprint(tx.Rollback()))
		tx, _ = db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable, ReadOnly: true})
		_, err = tx.Exec(`INSERT INTO vals (i) VALUES (1)`)
		out = append(out, errText(err))
		tx.Rollback()
		tx, _ = db.Begin()
		tx.Exec(`INSERT INTO vals (i, s) VALUES (102, 'committed')`)
		out = append(out, fmt.Sprint(tx.Commit()))
		r, err := scanAll(db.Query(`SELECT i, s FROM vals WHERE i >= 100 ORDER BY i`))
		return []interface{}{out, r}, err
	})
	step("pq errors", func() (interface{}, error) {
		db.Exec(`CREATE TABLE p (id int PRIMARY KEY)`)
		db.Exec(`CREATE TABLE ch (p int NOT NULL REFERENCES p, v int CHECK (v > 0))`)
		var out []string
		for _, q := range []string{`INSERT INTO p VALUES (1), (1)`, `INSERT INTO ch VALUES (2, 1)`,
			`INSERT INTO ch VALUES (NULL, 1)`, `SELECT nosuch FROM p`, `SELECT * FROM nosuch`,
			`SELEC 1`, `SELECT 1/0`, `SELECT 'x'::int`} {
			_, err := db.Exec(q)
			var pqe *pq.Error
			if errors.As(err, &pqe) {
				out = append(out, fmt.Sprintf("%s/%s/%s/%s/%s", pqe.Code, pqe.Severity,
					pqe.Constraint, pqe.Table, pqe.Position))
			}
		}
		return out, nil
	})
	step("pq copyin", func() (interface{}, error) {
		if _, err := db.Exec(`CREATE TABLE c (a int, b text, ts timestamptz)`); err != nil {
			return nil, err
		}
		tx, _ := db.Begin()
		st, err := tx.Prepare(pq.CopyIn("c", "a", "b", "ts"))
		if err != nil {
			return nil, err
		}
		st.Exec(1, "one", when)
		st.Exec(2, "t\tw\\o\n", nil)
		st.Exec(3, nil, when)
		if _, err := st.Exec(); err != nil {
			return nil, err
		}
		st.Close()
		if err := tx.Commit(); err != nil {
			return nil, err
		}
		return scanAll(db.Query(`SELECT * FROM c ORDER BY a`))
	})
	step("pq prepared", func() (interface{}, error) {
		st, err := db.Prepare(`SELECT a, b FROM c WHERE a > $1 ORDER BY a`)
		if err != nil {
			return nil, err
		}
		defer st.Close()
		return scanAll(st.Query(1))
	})
}

// pgx: its own connection, extended protocol with binary formats and its own type OIDs.
func pgxSteps(url string) {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		fmt.Println("pgx connect", errText(err))
		return
	}
	defer conn.Close(ctx)
	step("pgx values", func() (interface{}, error) {
		rows, err := conn.Query(ctx, selVals)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			v, err := rows.Values()
			if err != nil {
				return nil, err
			}
			out = append(out, fmt.Sprintf("%v", v))
		}
		return out, rows.Err()
	})
	step("pgx field descriptions", func() (interface{}, error) {
		rows, err := conn.Query(ctx, selVals+" LIMIT 1")
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []string
		for _, fd := range rows.FieldDescriptions() {
			out = append(out, fmt.Sprintf("%s:%d:%d:%d", fd.Name, fd.DataTypeOID, fd.TypeModifier, fd.Format))
		}
		return out, nil
	})
	step("pgx typed scan", func() (interface{}, error) {
		var sm int16
		var i int32
		var b int64
		var r float32
		var f float64
		var s, v string
		var by []byte
		var t bool
		var d, ts, tz time.Time
		var u [16]byte
		var jb map[string]interface{}
		var ia []int32
		var ta []string
		err := conn.QueryRow(ctx, `SELECT sm, i, b, r, f, s, v, by, t, d, ts, tz, u, jb, ia, ta
			FROM vals WHERE i = $1`, 42).Scan(&sm, &i, &b, &r, &f, &s, &v, &by, &t, &d, &ts, &tz,
			&u, &jb, &ia, &ta)
		return []interface{}{sm, i, b, r, f, s, v, by, t, d, ts, tz.UTC(), u, jb, ia, ta}, err
	})
	step("pgx params", func() (interface{}, error) {
		var out []interface{}
		var n int64
		var s string
		var ts time.Time
		var ok bool
		err := conn.QueryRow(ctx, `SELECT $1::int8 * 2, upper($2), $3::timestamptz + interval '1 hour',
			$4::bytea = '\x0102'::bytea`, 21, "abc", when, []byte{1, 2}).Scan(&n, &s, &ts, &ok)
		out = append(out, n, s, ts.UTC(), ok)
		return out, err
	})
	step("pgx insert binary", func() (interface{}, error) {
		ct, err := conn.Exec(ctx, insVals, int16(8), int32(43), int64(-5), float32(1.25), 2.5,
			"-1.5", "two", "v2", []byte("\\x"), false, time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC),
			"23:59:59.5", when, when, "3 days", [16]byte{1, 2, 3}, `[1]`,
			map[string]interface{}{"a": 1}, []int32{4, 5}, []string{"x"})
		return ct.String(), err
	})
	step("pgx select after binary insert", func() (interface{}, error) {
		rows, err := conn.Query(ctx, `SELECT sm, i, b, r, f, n, by, t, d, tm, ts, tz, iv, u, j, jb, ia, ta
			FROM vals WHERE i = 43`, pgx.QueryResultFormats{pgx.TextFormatCode})
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			out = append(out, fmt.Sprintf("%q", rows.RawValues()))
		}
		return out, rows.Err()
	})
	// numeric(12,4)::text, in JSON and in concatenation keeps the column's scale
	step("pgx numeric(p,s) as text", func() (interface{}, error) {
		var ntext, njson, ncat string
		err := conn.QueryRow(ctx, `SELECT n::text, json_build_object('n', n)::text,
			n || ' EUR' FROM vals WHERE i = 43`).Scan(&ntext, &njson, &ncat)
		return []string{ntext, njson, ncat}, err
	})
	step("pgx transaction", func() (interface{}, error) {
		var out []string
		tx, err := conn.Begin(ctx)
		if err != nil {
			return nil, err
		}
		tx.Exec(ctx, `INSERT INTO vals (i, s) VALUES (300, 'a')`)
		sp, _ := tx.Begin(ctx)
		_, err = sp.Exec(ctx, `INSERT INTO vals (i) VALUES ('y')`)
		out = append(out, errText(err))
		out = append(out, fmt.Sprint(sp.Rollback(ctx)))
		tx.Exec(ctx, `INSERT INTO vals (i, s) VALUES (301, 'b')`)
		out = append(out, fmt.Sprint(tx.Commit(ctx)))
		err = conn.BeginFunc(ctx, func(tx pgx.Tx) error {
			tx.Exec(ctx, `INSERT INTO vals (i, s) VALUES (302, 'lost')`)
			_, err := tx.Exec(ctx, `SELECT 1/0`)
			return err
		})
		out = append(out, errText(err))
		var cnt int64
		err = conn.QueryRow(ctx, `SELECT count(*) FROM vals WHERE i >= 300`).Scan(&cnt)
		return []interface{}{out, cnt}, err
	})
	step("pgx errors", func() (interface{}, error) {
		var out []string
		for _, q := range []string{`INSERT INTO p VALUES (5), (5)`, `INSERT INTO ch VALUES (2, 1)`,
			`SELECT nosuch FROM p`, `SELECT $1::int`} {
			var args []interface{}
			if strings.Contains(q, "$1") {
				args = append(args, "x")
			}
			_, err := conn.Exec(ctx, q, args...)
			var pge *pgconn.PgError
			if errors.As(err, &pge) {
				out = append(out, fmt.Sprintf("%s/%s/%s/%s", pge.Code, pge.Severity,
					pge.ConstraintName, pge.TableName))
			} else {
				out = append(out, fmt.Sprint(err))
			}
		}
		return out, nil
	})
	step("pgx copyfrom", func() (interface{}, error) {
		n, err := conn.CopyFrom(ctx, pgx.Identifier{"c"}, []string{"a", "b", "ts"},
			pgx.CopyFromRows([][]interface{}{{int32(10), "ten", when}, {int32(11), nil, nil}}))
		if err != nil {
			return nil, err
		}
		var cnt int64
		var mx string
		err = conn.QueryRow(ctx, `SELECT count(*), max(b) FROM c`).Scan(&cnt, &mx)
		return []interface{}{n, cnt, mx}, err
	})
	step("pgx batch", func() (interface{}, error) {
		b := &pgx.Batch{}
		b.Queue(`SELECT count(*) FROM c`)
		b.Queue(`UPDATE c SET b = 'upd' WHERE a = $1`, 10)
		br := conn.SendBatch(ctx, b)
		var cnt int64
		err := br.QueryRow().Scan(&cnt)
		ct, err2 := br.Exec()
		br.Close()
		if err == nil {
			err = err2
		}
		return []interface{}{cnt, ct.String()}, err
	})
}

func main() {
	url := os.Args[1]
	target = os.Args[2]
	libpq(url)
	pgxSteps(url)
	fmt.Println("done")
}
