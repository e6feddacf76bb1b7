// SPDX-License-Identifier: Apache-2.0
// clients_sqlx.go: drives jmoiron/sqlx 1.3.5 (Debian's packaged sources, built offline in GOPATH
// mode) over lib/pq (driver "postgres"; also with binary_parameters=yes) and over pgx v4's
// database/sql driver (stdlib, "pgx"; also with prefer_simple_protocol): Get/Select into structs (db tags, embedded structs,
// NULLs into sql.Null*), named queries with maps and structs, In() + Rebind, prepared and named
// statements, transactions, Queryx with StructScan/MapScan/SliceScan, and Unsafe. One line per
// step, for test_clients.sh to compare with PostgreSQL 15.
// Usage: clients_sqlx URL pg|shardlite   (the tenant is the database name)
package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgconn"
	_ "github.com/jackc/pgx/v4/stdlib"
	"github.com/jmoiron/sqlx"
	"github.com/jmoiron/sqlx/types"
	"github.com/lib/pq"
)

var (
	target  string
	verbose = os.Getenv("CLIENTS_VERBOSE") != ""
	ctx     = context.Background()
	prefix  string // the driver's name, before every step's name
)

// errText is the SQLSTATE of a driver error (lib/pq's or pgconn's), or the error itself.
func errText(err error) string {
	var pqe *pq.Error
	var pge *pgconn.PgError
	if verbose {
		fmt.Println("   ", strings.ReplaceAll(err.Error(), "\n", "|"))
	}
	switch {
	case errors.As(err, &pqe):
		return fmt.Sprintf("ERROR %s", pqe.Code)
	case errors.As(err, &pge):
		return fmt.Sprintf("ERROR %s", pge.Code)
	case errors.Is(err, sql.ErrNoRows):
		return "ERROR sql.ErrNoRows"
	}
	return "ERROR " + err.Error()
}

// step prints a step's value, or its error.
func step(name string, fn func() (interface{}, error)) {
	v, err := fn()
	if err != nil {
		fmt.Println(prefix, name, errText(err))
		return
	}
	fmt.Printf("%s %s %v\n", prefix, name, v)
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
		fmt.Println(prefix, name, "known gap")
	} else {
		fmt.Println(prefix, name, "UNEXPECTED", v)
	}
}

// show prints a driver value with its Go type; times in UTC (pgx gives them in time.Local).
func show(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return fmt.Sprintf("[]byte:%q", x)
	case time.Time:
		return "time:" + x.UTC().Format(time.RFC3339Nano)
	}
	return fmt.Sprintf("%T:%v", v, v)
}

func showMap(m map[string]interface{}) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, k+"="+show(m[k]))
	}
	return "{" + strings.Join(parts, " ") + "}"
}

const schema = `
CREATE TABLE teams (id serial PRIMARY KEY, name text NOT NULL UNIQUE, budget numeric(12,2),
	founded date);
CREATE TABLE people (id bigserial PRIMARY KEY, first_name varchar(40) NOT NULL, last_name text,
	age int, email text UNIQUE, height float8, active boolean NOT NULL DEFAULT true,
	joined timestamptz, born date, team_id int REFERENCES teams(id), data jsonb,
	photo bytea, tags text[]);
`

// Stamp is embedded in Person: its columns are Person's own.
type Stamp struct {
	Joined sql.NullTime `db:"joined"`
	Born   sql.NullTime `db:"born"`
}

type Person struct {
	ID        int64           `db:"id"`
	FirstName string          `db:"first_name"`
	LastName  sql.NullString  `db:"last_name"`
	Age       sql.NullInt64   `db:"age"`
	Email     *string         `db:"email"`
	Height    sql.NullFloat64 `db:"height"`
	Active    sql.NullBool    `db:"active"`
	Stamp
	TeamID sql.NullInt32  `db:"team_id"`
	Data   types.JSONText `db:"data"`
	Photo  []byte         `db:"photo"`
	Tags   pq.StringArray `db:"tags"`
}

func nullTime(t sql.NullTime) string {
	if !t.Valid {
		return "NULL"
	}
	return t.Time.UTC().Format(time.RFC3339Nano)
}

func (p Person) String() string {
	email := "nil"
	if p.Email != nil {
		email = *p.Email
	}
	return fmt.Sprintf("Person{%d %s last=%v age=%v email=%s height=%v active=%v joined=%s born=%s "+
		"team=%v data=%s photo=%q tags=%q}", p.ID, p.FirstName, p.LastName, p.Age, email, p.Height,
		p.Active, nullTime(p.Joined), nullTime(p.Born), p.TeamID, p.Data, p.Photo, []string(p.Tags))
}

// Team with a nested struct prefix: `team.*` columns into Member.Team.
type Team struct {
	ID     int             `db:"id"`
	Name   string          `db:"name"`
	Budget sql.NullString  `db:"budget"`
	Founde sql.NullTime    `db:"founded"`
	Extra  sql.NullFloat64 `db:"-"`
}

type Member struct {
	Name string `db:"name"`
	Team Team   `db:"team"`
}

func str(s string) *string { return &s }

var joined = time.Date(2023, 7, 1, 12, 30, 45, 500000000, time.UTC)

func run(label, driver, url string) {
	prefix = label
	db, err := sqlx.Connect(driver, url)
	if err != nil {
		fmt.Println(prefix, "connect", errText(err))
		return
	}
	defer db.Close()
	db.SetMaxOpenConns(2)
	step("driver bindtype", func() (interface{}, error) {
		return fmt.Sprint(db.DriverName(), sqlx.BindType(db.DriverName()) == sqlx.DOLLAR), nil
	})
	step("setup", func() (interface{}, error) {
		db.MustExec("DROP TABLE IF EXISTS people; DROP TABLE IF EXISTS teams")
		_, err := db.Exec(schema)
		return "ok", err
	})
	step("mustexec", func() (interface{}, error) {
		r := db.MustExec("INSERT INTO teams (name, budget, founded) VALUES ($1, $2, $3), ($4, $5, $6)",
			"red", "1000.5", time.Date(2001, 2, 3, 0, 0, 0, 0, time.UTC), "blue", nil, nil)
		return r.RowsAffected()
	})
	step("mustexec panics", func() (v interface{}, err error) {
		defer func() {
			if r := recover(); r != nil {
				e, _ := r.(error)
				v, err = nil, e
			}
		}()
		db.MustExec("INSERT INTO teams (name) VALUES ($1)", "red")
		return "no panic", nil
	})
	step("namedexec struct", func() (interface{}, error) {
		p := Person{FirstName: "Ann", LastName: sql.NullString{String: "Lee", Valid: true},
			Age: sql.NullInt64{Int64: 34, Valid: true}, Email: str("ann@x.org"),
			Height: sql.NullFloat64{Float64: 1.68, Valid: true}, Active: sql.NullBool{Bool: true, Valid: true},
			Stamp:  Stamp{Joined: sql.NullTime{Time: joined, Valid: true}, Born: sql.NullTime{Time: time.Date(1989, 12, 31, 0, 0, 0, 0, time.UTC), Valid: true}},
			TeamID: sql.NullInt32{Int32: 1, Valid: true}, Data: types.JSONText(`{"k": [1, "two"], "a": null}`),
			Photo: []byte("\x00PNG\xff")}
		r, err := db.NamedExec(`INSERT INTO people (first_name, last_name, age, email, height, active,
			joined, born, team_id, data, photo) VALUES (:first_name, :last_name, :age, :email, :height,
			:active, :joined, :born, :team_id, :data, :photo)`, p)
		if err != nil {
			return nil, err
		}
		return r.RowsAffected()
	})
	step("namedexec map", func() (interface{}, error) {
		r, err := db.NamedExec(`INSERT INTO people (first_name, age, team_id, data, tags)
			VALUES (:name, :age, :team, :data, :tags)`,
			map[string]interface{}{"name": "Bob", "age": 41, "team": 2, "data": `[]`,
				"tags": pq.Array([]string{"a", "b c"})})
		if err != nil {
			return nil, err
		}
		return r.RowsAffected()
	})
	step("namedexec batch", func() (interface{}, error) {
		batch := []map[string]interface{}{
			{"first_name": "Cy", "email": "cy@x.org", "age": nil},
			{"first_name": "Di", "email": "di@x.org", "age": 29},
			{"first_name": "Ed", "email": nil, "age": 52},
		}
		r, err := db.NamedExec(`INSERT INTO people (first_name, email, age)
			VALUES (:first_name, :email, :age)`, batch)
		if err != nil {
			return nil, err
		}
		return r.RowsAffected()
	})
	step("get struct", func() (interface{}, error) {
		var p Person
		err := db.Get(&p, `SELECT id, first_name, last_name, age, email, height, active, joined,
			born, team_id, data, photo FROM people WHERE first_name = $1`, "Ann")
		return p, err
	})
	step("get nulls", func() (interface{}, error) {
		var p Person
		err := db.Get(&p, `SELECT id, first_name, last_name, age, email, height, active, joined,
			born, team_id, data, photo FROM people WHERE first_name = $1`, "Cy")
		return p, err
	})
	step("get scalar", func() (interface{}, error) {
		var n int
		err := db.Get(&n, "SELECT count(*) FROM people")
		return n, err
	})
	step("get star", func() (interface{}, error) {
		var p Person
		err := db.Get(&p, "SELECT * FROM people WHERE first_name = $1", "Bob")
		return p, err
	})
	step("get no rows", func() (interface{}, error) {
		var p Person
		return nil, db.Get(&p, "SELECT * FROM people WHERE id = $1", -1)
	})
	step("get missing field", func() (interface{}, error) {
		var p Person
		err := db.Get(&p, "SELECT *, 1 AS surplus FROM people WHERE id = 1")
		return p, err
	})
	step("select structs", func() (interface{}, error) {
		var ps []Person
		err := db.Select(&ps, `SELECT id, first_name, last_name, age, email, height, active, joined,
			born, team_id, data, photo FROM people ORDER BY id`)
		return ps, err
	})
	step("select scalars", func() (interface{}, error) {
		var names []string
		err := db.Select(&names, "SELECT first_name FROM people WHERE age > $1 ORDER BY age DESC", 30)
		return names, err
	})
	step("select pointers", func() (interface{}, error) {
		var ps []*Person
		err := db.Select(&ps, `SELECT id, first_name, age, team_id FROM people WHERE age IS NULL
			OR team_id IS NOT NULL ORDER BY id`)
		var out []string
		for _, p := range ps {
			out = append(out, fmt.Sprint(p.ID, p.FirstName, p.Age, p.TeamID))
		}
		return out, err
	})
	step("select nested prefix", func() (interface{}, error) {
		var ms []Member
		err := db.Select(&ms, `SELECT p.first_name AS name, t.id AS "team.id", t.name AS "team.name",
			t.budget AS "team.budget", t.founded AS "team.founded"
			FROM people p JOIN teams t ON t.id = p.team_id ORDER BY p.id`)
		var out []string
		for _, m := range ms {
			out = append(out, fmt.Sprintf("%s/%d/%s/%v/%s", m.Name, m.Team.ID, m.Team.Name, m.Team.Budget,
				nullTime(m.Team.Founde)))
		}
		return out, err
	})
	step("in rebind", func() (interface{}, error) {
		q, args, err := sqlx.In("SELECT first_name FROM people WHERE first_name IN (?) AND age > ? ORDER BY id",
			[]string{"Ann", "Bob", "Di", "Zed"}, 30)
		if err != nil {
			return nil, err
		}
		q = db.Rebind(q)
		var names []string
		err = db.Select(&names, q, args...)
		return fmt.Sprint(q, " ", names), err
	})
	step("in ints", func() (interface{}, error) {
		q, args, err := sqlx.In("SELECT count(*) FROM people WHERE id IN (?)", []int64{1, 3, 5, 99})
		if err != nil {
			return nil, err
		}
		var n int
		err = db.Get(&n, db.Rebind(q), args...)
		return n, err
	})
	step("named in", func() (interface{}, error) {
		q, args, err := sqlx.Named("SELECT first_name FROM people WHERE id IN (:ids) AND active = :active ORDER BY id",
			map[string]interface{}{"ids": []int{2, 4, 5}, "active": true})
		if err != nil {
			return nil, err
		}
		if q, args, err = sqlx.In(q, args...); err != nil {
			return nil, err
		}
		var names []string
		err = db.Select(&names, db.Rebind(q), args...)
		return names, err
	})
	step("namedquery map", func() (interface{}, error) {
		rows, err := db.NamedQuery("SELECT id, first_name FROM people WHERE age >= :min ORDER BY id",
			map[string]interface{}{"min": 34})
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var p Person
			if err := rows.StructScan(&p); err != nil {
				return nil, err
			}
			out = append(out, fmt.Sprint(p.ID, p.FirstName))
		}
		return out, rows.Err()
	})
	step("namedquery struct", func() (interface{}, error) {
		rows, err := db.NamedQuery("SELECT id, first_name, email FROM people WHERE email = :email",
			Person{Email: str("di@x.org")})
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			m := map[string]interface{}{}
			if err := rows.MapScan(m); err != nil {
				return nil, err
			}
			out = append(out, showMap(m))
		}
		return out, rows.Err()
	})
	step("namedquery cast", func() (interface{}, error) {
		rows, err := db.NamedQuery("SELECT CAST(:a AS int) + 1 AS n, CAST(:b AS text) || 'x' AS s, CAST(:c AS date) AS d, '{1}'::::int[] AS e",
			map[string]interface{}{"a": 41, "b": "y", "c": "2024-02-29"})
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			vals, err := rows.SliceScan()
			if err != nil {
				return nil, err
			}
			for _, v := range vals {
				out = append(out, show(v))
			}
		}
		return out, rows.Err()
	})
	step("queryx structscan", func() (interface{}, error) {
		rows, err := db.Queryx(`SELECT id, first_name, last_name, age, joined, born FROM people
			WHERE id <= $1 ORDER BY id`, 2)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var p Person
			if err := rows.StructScan(&p); err != nil {
				return nil, err
			}
			out = append(out, fmt.Sprint(p.ID, p.FirstName, p.LastName, p.Age, nullTime(p.Joined), nullTime(p.Born)))
		}
		return out, rows.Err()
	})
	step("queryx mapscan", func() (interface{}, error) {
		rows, err := db.Queryx(`SELECT p.*, t.budget FROM people p LEFT JOIN teams t ON t.id = p.team_id
			ORDER BY p.id LIMIT 2`)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			m := map[string]interface{}{}
			if err := rows.MapScan(m); err != nil {
				return nil, err
			}
			out = append(out, showMap(m))
		}
		return out, rows.Err()
	})
	step("queryx slicescan", func() (interface{}, error) {
		rows, err := db.Queryx(`SELECT 1::int2, 2::int4, 3::int8, 1.5::float4, 2.25::float8,
			12.30::numeric(6,2), 'x'::varchar, 'y'::char(3), true, '\x0aff'::bytea, '2024-01-02'::date,
			'04:05:06'::time, '2024-01-02 03:04:05.5'::timestamp, '2024-01-02 03:04:05+02'::timestamptz,
			'1 day 02:00'::interval, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, '{"a":1}'::json,
			'{"b": 2, "a": 1}'::jsonb, ARRAY[1,2], ARRAY['a','b'], NULL`)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			vals, err := rows.SliceScan()
			if err != nil {
				return nil, err
			}
			for _, v := range vals {
				out = append(out, show(v))
			}
		}
		return out, rows.Err()
	})
	step("queryx columns", func() (interface{}, error) {
		rows, err := db.Queryx("SELECT id, first_name AS fn, age + 1, now() FROM people LIMIT 0")
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		cts, err := rows.ColumnTypes()
		if err != nil {
			return nil, err
		}
		var out []string
		for _, ct := range cts {
			n, ok := ct.Nullable()
			out = append(out, fmt.Sprintf("%s:%s:%v:%v:%v", ct.Name(), ct.DatabaseTypeName(), ct.ScanType(), n, ok))
		}
		return out, nil
	})
	step("column typmods", func() (interface{}, error) {
		rows, err := db.Queryx(`SELECT first_name, last_name, t.budget, t.name, 'ab'::char(3) AS c,
			height, joined FROM people p JOIN teams t ON t.id = p.team_id LIMIT 0`)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		cts, err := rows.ColumnTypes()
		if err != nil {
			return nil, err
		}
		var out []string
		for _, ct := range cts {
			l, lok := ct.Length()
			p, s, dok := ct.DecimalSize()
			out = append(out, fmt.Sprintf("%s:%s:%d:%v:%d:%d:%v", ct.Name(), ct.DatabaseTypeName(), l, lok, p, s, dok))
		}
		return out, nil
	})
	step("time zones", func() (interface{}, error) {
		tx, err := db.Beginx()
		if err != nil {
			return nil, err
		}
		defer tx.Rollback()
		var out []string
		for _, tz := range []string{"Asia/Kolkata", "America/St_Johns", "Europe/Amsterdam"} {
			tx.MustExec("SET LOCAL TIME ZONE '" + tz + "'")
			var ts []time.Time
			if err := tx.Select(&ts, `SELECT x FROM (VALUES ('2023-07-01 12:30:45.5+00'::timestamptz),
				('1900-01-01 00:00:00+00'::timestamptz), ('2024-01-01 00:00:00+00'::timestamptz)) v(x)`); err != nil {
				return nil, err
			}
			for _, t := range ts {
				out = append(out, t.String())
			}
			var txt string
			if err := tx.Get(&txt, "SELECT '1900-01-01 00:00:00+00'::timestamptz::text"); err != nil {
				return nil, err
			}
			out = append(out, txt)
		}
		return out, nil
	})
	step("queryrowx", func() (interface{}, error) {
		var p Person
		err := db.QueryRowx("SELECT id, first_name, age FROM people WHERE email = $1", "cy@x.org").StructScan(&p)
		return fmt.Sprint(p.ID, p.FirstName, p.Age), err
	})
	step("queryrowx mapscan", func() (interface{}, error) {
		m := map[string]interface{}{}
		err := db.QueryRowx("SELECT tags, data, photo FROM people WHERE first_name = $1", "Bob").MapScan(m)
		return showMap(m), err
	})
	step("array scan", func() (interface{}, error) {
		var tags []string
		err := db.QueryRowx("SELECT tags FROM people WHERE first_name = $1", "Bob").Scan(pq.Array(&tags))
		return fmt.Sprintf("%q", tags), err
	})
	step("structscan missing", func() (interface{}, error) {
		var p Person
		return nil, db.QueryRowx("SELECT id, 'x' AS nope FROM people LIMIT 1").StructScan(&p)
	})
	step("unsafe", func() (interface{}, error) {
		var p Person
		err := db.Unsafe().Get(&p, "SELECT id, first_name, 'x' AS nope FROM people WHERE id = 1")
		return fmt.Sprint(p.ID, p.FirstName), err
	})
	step("unsafe select", func() (interface{}, error) {
		var ps []Person
		err := db.Unsafe().Select(&ps, `SELECT p.*, t.name AS team_name FROM people p
			JOIN teams t ON t.id = p.team_id ORDER BY p.id`)
		var out []string
		for _, p := range ps {
			out = append(out, p.String())
		}
		return out, err
	})
	step("preparex", func() (interface{}, error) {
		st, err := db.Preparex("SELECT first_name FROM people WHERE age > $1 AND active = $2 ORDER BY id")
		if err != nil {
			return nil, err
		}
		defer st.Close()
		var a, b []string
		if err := st.Select(&a, 30, true); err != nil {
			return nil, err
		}
		if err := st.Select(&b, 40, true); err != nil {
			return nil, err
		}
		var one string
		err = st.Get(&one, 50, true)
		return fmt.Sprint(a, b, one), err
	})
	step("preparex queryx", func() (interface{}, error) {
		st, err := db.Preparex("SELECT id, height, joined FROM people WHERE id = $1")
		if err != nil {
			return nil, err
		}
		defer st.Close()
		var out []string
		for _, id := range []int{1, 2} {
			m := map[string]interface{}{}
			if err := st.QueryRowx(id).MapScan(m); err != nil {
				return nil, err
			}
			out = append(out, showMap(m))
		}
		return out, nil
	})
	step("preparenamed", func() (interface{}, error) {
		ns, err := db.PrepareNamed(`INSERT INTO people (first_name, age, email) VALUES
			(:first_name, :age, :email) RETURNING id`)
		if err != nil {
			return nil, err
		}
		defer ns.Close()
		var ids []int64
		for _, p := range []Person{{FirstName: "Fay", Age: sql.NullInt64{Int64: 23, Valid: true}},
			{FirstName: "Gus", Email: str("gus@x.org")}} {
			var id int64
			if err := ns.Get(&id, p); err != nil {
				return nil, err
			}
			ids = append(ids, id)
		}
		return ids, nil
	})
	step("namedstmt select", func() (interface{}, error) {
		ns, err := db.PrepareNamed("SELECT id, first_name FROM people WHERE age BETWEEN :lo AND :hi ORDER BY age")
		if err != nil {
			return nil, err
		}
		defer ns.Close()
		var ps []Person
		err = ns.Select(&ps, map[string]interface{}{"lo": 20, "hi": 40})
		var out []string
		for _, p := range ps {
			out = append(out, p.FirstName)
		}
		return out, err
	})
	step("namedstmt unique violation", func() (interface{}, error) {
		ns, err := db.PrepareNamed("INSERT INTO people (first_name, email) VALUES (:n, :e)")
		if err != nil {
			return nil, err
		}
		defer ns.Close()
		_, err = ns.Exec(map[string]interface{}{"n": "Dup", "e": "ann@x.org"})
		return nil, err
	})
	step("beginx commit", func() (interface{}, error) {
		tx, err := db.Beginx()
		if err != nil {
			return nil, err
		}
		tx.MustExec("UPDATE people SET age = age + 1 WHERE first_name = $1", "Ann")
		if _, err := tx.NamedExec("INSERT INTO teams (name) VALUES (:name)", map[string]interface{}{"name": "green"}); err != nil {
			tx.Rollback()
			return nil, err
		}
		var inTx int
		if err := tx.Get(&inTx, "SELECT age FROM people WHERE first_name = 'Ann'"); err != nil {
			tx.Rollback()
			return nil, err
		}
		if err := tx.Commit(); err != nil {
			return nil, err
		}
		var n int
		err = db.Get(&n, "SELECT count(*) FROM teams")
		return fmt.Sprint(inTx, n), err
	})
	step("beginx rollback", func() (interface{}, error) {
		tx := db.MustBegin()
		tx.MustExec("DELETE FROM people WHERE team_id IS NULL")
		var in int
		tx.Get(&in, "SELECT count(*) FROM people")
		if err := tx.Rollback(); err != nil {
			return nil, err
		}
		var out int
		err := db.Get(&out, "SELECT count(*) FROM people")
		return fmt.Sprint(in, out), err
	})
	step("beginx failed", func() (interface{}, error) {
		tx := db.MustBegin()
		defer tx.Rollback()
		_, e1 := tx.Exec("INSERT INTO teams (name) VALUES ('red')")
		var n int
		e2 := tx.Get(&n, "SELECT 1")
		return fmt.Sprint(errText(e1), " ", errText(e2)), nil
	})
	step("begintxx readonly", func() (interface{}, error) {
		tx, err := db.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead})
		if err != nil {
			return nil, err
		}
		defer tx.Rollback()
		var iso, ro string
		if err := tx.Get(&iso, "SHOW transaction_isolation"); err != nil {
			return nil, err
		}
		if err := tx.Get(&ro, "SHOW transaction_read_only"); err != nil {
			return nil, err
		}
		_, err = tx.Exec("DELETE FROM people")
		return fmt.Sprint(iso, " ", ro, " ", errText(err)), nil
	})
	step("begintxx serializable", func() (interface{}, error) {
		tx, err := db.BeginTxx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
		if err != nil {
			return nil, err
		}
		var iso string
		if err := tx.Get(&iso, "SHOW transaction_isolation"); err != nil {
			tx.Rollback()
			return nil, err
		}
		st, err := tx.PrepareNamed("UPDATE people SET height = :h WHERE id = :id")
		if err != nil {
			tx.Rollback()
			return nil, err
		}
		r := st.MustExec(map[string]interface{}{"h": 1.9, "id": 2})
		n, _ := r.RowsAffected()
		st.Close()
		dbst, err := db.Preparex("SELECT height FROM people WHERE id = $1")
		if err != nil {
			tx.Rollback()
			return nil, err
		}
		defer dbst.Close()
		var h float64
		err = tx.Stmtx(dbst).Get(&h, 2)
		if err != nil {
			tx.Rollback()
			return nil, err
		}
		return fmt.Sprint(iso, " ", n, " ", h), tx.Commit()
	})
	step("context get", func() (interface{}, error) {
		var names []string
		err := db.SelectContext(ctx, &names, "SELECT name FROM teams ORDER BY id")
		return names, err
	})
	step("context named", func() (interface{}, error) {
		r, err := db.NamedExecContext(ctx, "UPDATE teams SET budget = :b WHERE name = :n",
			map[string]interface{}{"b": 99.999, "n": "blue"})
		if err != nil {
			return nil, err
		}
		n, _ := r.RowsAffected()
		var b string
		err = db.GetContext(ctx, &b, "SELECT budget::text FROM teams WHERE name = 'blue'")
		return fmt.Sprint(n, " ", b), err
	})
	step("errors", func() (interface{}, error) {
		var out []string
		for _, q := range []string{"SELECT nope FROM people", "SELECT * FROM nope",
			"INSERT INTO people (first_name) VALUES (NULL)", "INSERT INTO people (first_name, team_id) VALUES ('x', 99)",
			"SELECT 1/0", "SELEC 1", "SELECT 'abc'::int"} {
			var v []interface{}
			err := db.Select(&v, q)
			out = append(out, errText(err))
		}
		return out, nil
	})
	step("connection alive", func() (interface{}, error) {
		var n int
		err := db.Get(&n, "SELECT count(*) FROM people")
		return n, err
	})
	step("cleanup", func() (interface{}, error) {
		_, err := db.Exec("DROP TABLE people; DROP TABLE teams")
		return "ok", err
	})
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: clients_sqlx URL pg|shardlite")
		os.Exit(2)
	}
	target = os.Args[2]
	run("postgres", "postgres", os.Args[1])
	// lib/pq's binary_parameters: []byte parameters sent in binary, each query one
	// Parse/Bind/Execute with no Describe round trip before it
	run("pqbinary", "postgres", os.Args[1]+"&binary_parameters=yes")
	run("pgx", "pgx", os.Args[1])
	// pgx's simple protocol: the parameters quoted into the SQL by pgx itself
	run("pgxsimple", "pgx", os.Args[1]+"&prefer_simple_protocol=true")
	fmt.Println("done")
}
