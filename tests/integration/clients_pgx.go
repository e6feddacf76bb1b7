// SPDX-License-Identifier: Apache-2.0
// clients_pgx.go: drives jackc/pgx v4 (pgconn, pgtype, pgxpool; Debian's packaged sources, built
// offline in GOPATH mode) through what it does that database/sql drivers do not: statements
// described before they run, binary parameters and results of every common type, binary COPY
// FROM, pipelined batches, nested transactions, LISTEN/NOTIFY, its pool, its statement cache
// and cancellation. One line per step, for test_clients.sh to compare with PostgreSQL 15.
// One file, long as it is: test_clients.sh builds one Go file per client.
// Usage: clients_pgx URL pg|shardlite   (the tenant is the database name)
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"net"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgconn"
	"github.com/jackc/pgtype"
	"github.com/jackc/pgx/v4"
	"github.com/jackc/pgx/v4/pgxpool"
)

var (
	target  string
	url     string
	verbose = os.Getenv("CLIENTS_VERBOSE") != ""
	ctx     = context.Background()
)

// errText is the SQLSTATE and severity of a server error, the same on both servers.
func errText(err error) string {
	var pge *pgconn.PgError
	if verbose {
		fmt.Println("   ", strings.ReplaceAll(err.Error(), "\n", "|"))
	}
	if errors.As(err, &pge) {
		return fmt.Sprintf("ERROR %s %s", pge.Code, pge.Severity)
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

// connect opens a connection with the URL's extra settings (pgx's own, such as
// statement_cache_mode) appended.
func connect(extra string) (*pgx.Conn, error) {
	u := url
	if extra != "" {
		u += "&" + extra
	}
	return pgx.Connect(ctx, u)
}

func deref(p *string) string {
	if p == nil {
		return "NULL"
	}
	return *p
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// rowsText reads every row as Go values (their types first, once).
func rowsText(rows pgx.Rows, err error) (interface{}, error) {
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
		out = append(out, show(v))
	}
	return out, rows.Err()
}

// show prints values the same on both servers: times in UTC, numerics as text.
func show(vals []interface{}) string {
	var parts []string
	for _, v := range vals {
		switch x := v.(type) {
		case time.Time:
			parts = append(parts, x.UTC().Format(time.RFC3339Nano))
		case pgtype.Numeric:
			var s string
			if err := x.AssignTo(&s); err != nil {
				s = fmt.Sprintf("%v", x)
			}
			parts = append(parts, "numeric:"+s)
		case nil:
			parts = append(parts, "NULL")
		default:
			parts = append(parts, fmt.Sprintf("%T:%v", v, v))
		}
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// oid prints a built-in type's OID, and "user" for a type the test made (its OID differs).
func oid(o uint32) string {
	if o >= 16384 {
		return "user"
	}
	return fmt.Sprint(o)
}

// describe prepares sql and prints its parameter and result type OIDs (pgx describes every
// statement it runs; this is what it then encodes and decodes by).
func describe(conn *pgx.Conn, name, sql string) {
	step("describe "+name, func() (interface{}, error) {
		sd, err := conn.Prepare(ctx, "", sql)
		if err != nil {
			return nil, err
		}
		var ps, fs []string
		for _, p := range sd.ParamOIDs {
			ps = append(ps, oid(p))
		}
		for _, f := range sd.Fields {
			fs = append(fs, fmt.Sprintf("%s:%s:%d", f.Name, oid(f.DataTypeOID), f.TypeModifier))
		}
		return fmt.Sprintf("params %v fields %v", ps, fs), nil
	})
}

const createAll = `CREATE TABLE allt (id int PRIMARY KEY, sm int2, i int4, b int8, r float4, f float8,
	n numeric, np numeric(10,3), t bool, s text, vc varchar(10), bp char(3), by bytea, d date,
	ts timestamp, tz timestamptz, iv interval, u uuid, j json, jb jsonb, ip inet, cr cidr, m mood,
	ai int4[], ab int8[], at text[], af float8[], an numeric[], abo bool[], ad date[],
	atz timestamptz[], au uuid[], aby bytea[])`

const allCols = `sm, i, b, r, f, n, np, t, s, vc, bp, by, d, ts, tz, iv, u, j, jb, ip, cr, m,
	ai, ab, at, af, an, abo, ad, atz, au, aby`

func numeric(s string) pgtype.Numeric {
	var n pgtype.Numeric
	must(n.Set(s))
	return n
}

func types(conn *pgx.Conn) {
	step("create", func() (interface{}, error) {
		var tags []string
		for _, q := range []string{`CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')`,
			`CREATE TYPE pair AS (a int, b text)`, createAll} {
			ct, err := conn.Exec(ctx, q)
			if err != nil {
				return nil, err
			}
			tags = append(tags, ct.String())
		}
		return tags, nil
	})
	ins := `INSERT INTO allt (id, ` + allCols + `) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
		$11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29,
		$30, $31, $32, $33)`
	describe(conn, "insert", ins)
	describe(conn, "select", `SELECT `+allCols+` FROM allt WHERE id = $1`)
	_, ipnet, _ := net.ParseCIDR("192.168.0.0/24")
	ip := &net.IPNet{IP: net.ParseIP("10.1.2.3").To4(), Mask: net.CIDRMask(32, 32)}
	u1 := [16]byte{0xa0, 0xee, 0xbc, 0x99, 0x9c, 0x0b, 0x4e, 0xf8, 0xbb, 0x6d, 0x6b, 0xb9, 0xbd, 0x38, 0x0a, 0x11}
	rows := [][]interface{}{
		{1, int16(-32768), int32(2147483647), int64(math.MinInt64), float32(1.5), 3.141592653589793,
			numeric("123456789012.345"), numeric("-1.5"), true, "héllo 'q' \\ \"x\"",
			"vc", "ab", []byte{0, 1, 0xfe, 0xff}, time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC),
			time.Date(1999, 12, 31, 23, 59, 59, 123456000, time.UTC),
			time.Date(2024, 1, 2, 3, 4, 5, 678901000, time.UTC),
			pgtype.Interval{Months: 14, Days: 3, Microseconds: 3723000004, Status: pgtype.Present},
			u1, `{"k": [1, 2.50, "x"]}`, map[string]interface{}{"b": []int{1, 2}, "a": "z"}, ip, ipnet,
			"happy", []int32{1, 2, 3}, []int64{-1, 0, 1 << 40}, []string{"a", "b c", "", "NULL", `q"\`},
			[]float64{0.5, -2}, []pgtype.Numeric{numeric("1.10"), numeric("-0.001")},
			[]bool{true, false}, []time.Time{time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)},
			[]time.Time{time.Date(2000, 1, 1, 0, 0, 0, 1000, time.UTC)},
			[][16]byte{u1}, [][]byte{{1}, {}}},
		// edge values: zero, negative, before the 2000 epoch, infinities, NaN, empty arrays
		{2, int16(0), int32(-1), int64(0), float32(math.Inf(-1)), math.Float64frombits(0x7ff8000000000000), pgtype.Numeric{NaN: true, Status: pgtype.Present},
			numeric("0.000"), false, "", "", "a", []byte{}, time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC),
			pgtype.Timestamp{Status: pgtype.Present, InfinityModifier: pgtype.Infinity},
			pgtype.Timestamptz{Status: pgtype.Present, InfinityModifier: pgtype.NegativeInfinity},
			pgtype.Interval{Months: -1, Days: 0, Microseconds: -1, Status: pgtype.Present},
			[16]byte{}, `null`, []interface{}{}, &net.IPNet{IP: net.ParseIP("::1"), Mask: net.CIDRMask(128, 128)},
			&net.IPNet{IP: net.ParseIP("2001:db8::"), Mask: net.CIDRMask(32, 128)}, "sad",
			[]int32{}, []int64{}, []string{}, []float64{math.Inf(1)}, []pgtype.Numeric{},
			[]bool{}, []time.Time{}, []time.Time{}, [][16]byte{}, [][]byte{}},
		// NULL everywhere
		{3, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil,
			nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil},
	}
	for _, r := range rows {
		r := r
		step(fmt.Sprintf("insert binary %v", r[0]), func() (interface{}, error) {
			ct, err := conn.Exec(ctx, ins, r...)
			return ct.String(), err
		})
	}
	// pgx's simple protocol: the same values written into the SQL text as literals
	step("insert simple protocol", func() (interface{}, error) {
		sc, err := connect("prefer_simple_protocol=true")
		if err != nil {
			return nil, err
		}
		defer sc.Close(ctx)
		var out []string
		for k, r := range rows[:2] {
			args := []interface{}{10 + k}
			for _, v := range r[1:] {
				switch x := v.(type) { // what pgx cannot write as a literal
				case [16]byte:
					v = pgtype.UUID{Bytes: x, Status: pgtype.Present}
				case []pgtype.Numeric:
					na := &pgtype.NumericArray{}
					if err := na.Set(x); err != nil {
						return nil, err
					}
					v = na
				case map[string]interface{}, []interface{}:
					b, err := json.Marshal(x)
					if err != nil {
						return nil, err
					}
					v = string(b)
				case [][16]byte:
					us := []pgtype.UUID{}
					for _, u := range x {
						us = append(us, pgtype.UUID{Bytes: u, Status: pgtype.Present})
					}
					ua := &pgtype.UUIDArray{}
					if err := ua.Set(us); err != nil {
						return nil, err
					}
					v = ua
				}
				args = append(args, v)
			}
			ct, err := sc.Exec(ctx, ins, args...)
			if err != nil {
				out = append(out, errText(err))
				continue
			}
			var same bool
			err = sc.QueryRow(ctx, `SELECT (SELECT row(`+allCols+`)::text FROM allt WHERE id = $1) IS
				NOT DISTINCT FROM (SELECT row(`+allCols+`)::text FROM allt WHERE id = $2)`,
				10+k, k+1).Scan(&same)
			if !same && verbose {
				for _, col := range strings.Split(allCols, ",") {
					col = strings.TrimSpace(col)
					var a, b *string
					sc.QueryRow(ctx, `SELECT `+col+`::text FROM allt WHERE id = $1`, 10+k).Scan(&a)
					sc.QueryRow(ctx, `SELECT `+col+`::text FROM allt WHERE id = $1`, k+1).Scan(&b)
					if a == nil || b == nil || *a != *b {
						fmt.Println("    differs", col, a != nil && b != nil, deref(a), deref(b))
					}
				}
			}
			out = append(out, fmt.Sprint(ct, same, err))
		}
		_, err = sc.Exec(ctx, `DELETE FROM allt WHERE id >= 10`)
		return out, err
	})
	step("values binary", func() (interface{}, error) {
		return rowsText(conn.Query(ctx, `SELECT `+allCols+` FROM allt ORDER BY id`))
	})
	step("values text", func() (interface{}, error) {
		rows, err := conn.Query(ctx, `SELECT `+allCols+` FROM allt ORDER BY id`,
			pgx.QueryResultFormats{pgx.TextFormatCode})
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
	// the raw binary bytes of every column: what a driver decodes, byte for byte
	step("values raw binary", func() (interface{}, error) {
		rows, err := conn.Query(ctx, `SELECT `+allCols+` FROM allt ORDER BY id`,
			pgx.QueryResultFormats{pgx.BinaryFormatCode})
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			out = append(out, fmt.Sprintf("%x", rows.RawValues()))
		}
		return out, rows.Err()
	})
	step("typed scan", func() (interface{}, error) {
		var sm int16
		var i int32
		var b int64
		var r float32
		var f float64
		var n, np pgtype.Numeric
		var t bool
		var s, vc, bp string
		var by []byte
		var d, ts, tz time.Time
		var iv pgtype.Interval
		var u pgtype.UUID
		var j, jb map[string]interface{}
		var ip, cr net.IPNet
		var m string
		var ai []int32
		var at []string
		var an []float64
		err := conn.QueryRow(ctx, `SELECT sm, i, b, r, f, n, np, t, s, vc, bp, by, d, ts, tz, iv, u,
			j, jb, ip, cr, m, ai, at, an FROM allt WHERE id = $1`, 1).Scan(&sm, &i, &b, &r, &f, &n, &np,
			&t, &s, &vc, &bp, &by, &d, &ts, &tz, &iv, &u, &j, &jb, &ip, &cr, &m, &ai, &at, &an)
		return show([]interface{}{sm, i, b, r, f, n, np, t, s, vc, bp, by, d, ts, tz, iv.Months,
			iv.Days, iv.Microseconds, u.Bytes, j, jb, ip.String(), cr.String(), m, ai, at, an}), err
	})
	// more types as pgx receives them in binary, byte for byte, with their OIDs
	for _, q := range []string{
		`SELECT '12:34:56.789'::time, '12:34:56+05:30'::timetz, 12.34::money, 42::oid, 'nm'::name,
			'c'::"char", B'101'::bit(3), B'1'::varbit, '08:00:2b:01:02:03'::macaddr`,
		`SELECT '[1,5)'::int4range, '[2024-01-01,2024-02-01)'::daterange, 'empty'::int8range,
			'(,3]'::numrange`,
		`SELECT ARRAY[[1,2],[3,4]]::int4[], '{{1,2},{3,4}}'::int[][], ARRAY[NULL, 1]::int8[],
			ARRAY['a', NULL]::text[], '{}'::int4[][]`,
		`SELECT 'infinity'::date, '-infinity'::date, '4713-01-01 BC'::date,
			'0001-01-01 00:00:00'::timestamp, '1 year -2 days 03:00'::interval`,
		`SELECT 1.5::float4, 'NaN'::numeric, '-0.0001'::numeric(10,5), 1e-20::numeric,
			123456789012345678901234567890::numeric, 1/3::numeric, 2 ^ 10`,
		`SELECT ARRAY['2024-01-01'::date], ARRAY['1 day'::interval], ARRAY['10.0.0.1'::inet],
			ARRAY['{"a":1}'::jsonb], ARRAY['12:00'::time], ARRAY[B'1'::bit]`,
		`SELECT '{2024-01-01,2024-02-01}'::date[], '{"2024-01-01 10:00"}'::timestamp[],
			'{10:00:01.5}'::time[], '{1 day,02:00}'::interval[], ('{1.10,2}'::numeric[])[1]`,
		`SELECT array_agg(x), sum(x), avg(x), string_agg(x::text, ','), json_agg(x), jsonb_agg(x)
			FROM generate_series(1, 3) x`,
		`SELECT '2024-01-02'::date + 1, '2024-01-02'::timestamp - '2024-01-01'::timestamp,
			current_date - current_date`,
	} {
		q := q
		step("binary "+strings.Fields(q)[1], func() (interface{}, error) {
			rows, err := conn.Query(ctx, q, pgx.QueryResultFormats{pgx.BinaryFormatCode})
			if err != nil {
				return nil, err
			}
			defer rows.Close()
			var out []string
			for rows.Next() {
				for i, fd := range rows.FieldDescriptions() {
					out = append(out, fmt.Sprintf("%d:%x", fd.DataTypeOID, rows.RawValues()[i]))
				}
			}
			return out, rows.Err()
		})
	}
	// a numeric at rest is a SQLite number: a value it cannot keep exactly is refused (0A000)
	// rather than stored rounded (docs/sql-compat.md, "A numeric at rest")
	step("numeric of 21 digits", func() (interface{}, error) {
		_, err := conn.Exec(ctx, `UPDATE allt SET n = $1 WHERE id = 3`,
			numeric("12345678901234567890.5"))
		var s string
		if err == nil {
			err = conn.QueryRow(ctx, `SELECT n::text FROM allt WHERE id = 3`).Scan(&s)
		}
		gap("numeric of 21 digits #71", s, err, "ERROR 0A000 ERROR", "12345678901234567890.5")
		_, err = conn.Exec(ctx, `UPDATE allt SET n = NULL WHERE id = 3`)
		return "ok", err
	})
	step("composite and enum", func() (interface{}, error) {
		return rowsText(conn.Query(ctx, `SELECT ROW(1, 'x')::pair, m, m < 'happy'::mood,
			ARRAY['ok', 'sad']::mood[] FROM allt WHERE id = 1`))
	})
	// binary enum arrays and row values name the type's OID inside (array_send, record_send):
	// the OIDs differ between servers, so they are shown by name
	step("binary enum and row values", func() (interface{}, error) {
		var mood, pair uint32
		if err := conn.QueryRow(ctx, `SELECT 'mood'::regtype::oid, 'pair'::regtype::oid`).
			Scan(&mood, &pair); err != nil {
			return nil, err
		}
		mask := func(b []byte) string {
			h := fmt.Sprintf("%x", b)
			h = strings.ReplaceAll(h, fmt.Sprintf("%08x", mood), "<mood>")
			return strings.ReplaceAll(h, fmt.Sprintf("%08x", pair), "<pair>")
		}
		rows, err := conn.Query(ctx, `SELECT m, ARRAY['ok', 'sad']::mood[], ROW(1, 'x')::pair,
			ARRAY[m, NULL] FROM allt WHERE id = 1`, pgx.QueryResultFormats{pgx.BinaryFormatCode})
		if err != nil {
			return nil, err
		}
		var out []string
		for rows.Next() {
			for _, v := range rows.RawValues() {
				out = append(out, mask(v))
			}
		}
		rows.Close()
		if rows.Err() != nil {
			return nil, rows.Err()
		}
		var b bytes.Buffer
		_, err = conn.PgConn().CopyTo(ctx, &b, `COPY (SELECT m, ARRAY[m]::mood[], ROW(2, m)::text,
			ROW(3, 'y')::pair FROM allt WHERE id = 1) TO STDOUT (FORMAT binary)`)
		return append(out, mask(b.Bytes())), err
	})
	step("enum param", func() (interface{}, error) {
		return rowsText(conn.Query(ctx, `SELECT id FROM allt WHERE m = $1 OR m > $2 ORDER BY id`,
			"sad", "ok"))
	})
}

func params(conn *pgx.Conn) {
	describe(conn, "arith", `SELECT $1 + 1, $2::int8 * 2, 1.5 * $3, $4 || 'x'`)
	describe(conn, "bare", `SELECT $1`)
	describe(conn, "where", `SELECT id FROM allt WHERE i = $1 AND s = $2 AND tz < $3 AND u = $4
		AND jb @> $5 AND ip = $6 AND n > $7 AND by = $8`)
	describe(conn, "update", `UPDATE allt SET sm = $1, iv = $2, d = $3, ai = $4 WHERE id = $5
		RETURNING id, sm * 2 AS dbl, d + 1 AS next`)
	describe(conn, "in any limit", `SELECT id FROM allt WHERE id IN ($1, $2) OR b = ANY($3)
		ORDER BY id LIMIT $4 OFFSET $5`)
	describe(conn, "functions", `SELECT coalesce($1, s), length($2), lower($3), $4 BETWEEN 1 AND 2,
		now() - $5, date_trunc('day', $6::timestamptz), count(*) FROM allt GROUP BY 1, 2, 3, 4, 5, 6`)
	describe(conn, "exprs", `SELECT id::text, sm + i, i + b, r * f, n / 3, t AND $1, ts - tz,
		d - d, d + iv, ai || $2, at[1], jb -> 'a', jb ->> 'a', j::jsonb, cast($3 AS numeric(5,2))
		FROM allt`)
	describe(conn, "insert select", `INSERT INTO allt (id, s) SELECT $1, $2 WHERE $3`)
	step("params binary", func() (interface{}, error) {
		var out []interface{}
		var a int64
		var bb float64
		var c string
		var ok bool
		var ts time.Time
		err := conn.QueryRow(ctx, `SELECT $1::int8 * 2, $2::float8 / 4, $3::text || $4,
			$5::bytea = '\x00ff'::bytea, $6::timestamptz + interval '1 day'`, 21, 3.0, "ab", "cd",
			[]byte{0, 0xff}, time.Date(2024, 12, 31, 23, 0, 0, 0, time.UTC)).Scan(&a, &bb, &c, &ok, &ts)
		out = append(out, a, bb, c, ok, ts.UTC())
		return out, err
	})
	step("params any array", func() (interface{}, error) {
		return rowsText(conn.Query(ctx, `SELECT id FROM allt WHERE id = ANY($1) ORDER BY id`,
			[]int32{1, 3}))
	})
	step("params inferred from columns", func() (interface{}, error) {
		return rowsText(conn.Query(ctx, `SELECT id FROM allt WHERE d = $1 AND tz = $2 AND u = $3
			AND np = $4 AND iv = $5 AND ip = $6`, time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC),
			time.Date(2024, 1, 2, 3, 4, 5, 678901000, time.UTC), "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
			numeric("-1.500"), pgtype.Interval{Months: 14, Days: 3, Microseconds: 3723000004,
				Status: pgtype.Present}, net.ParseIP("10.1.2.3").To4()))
	})
	step("update returning", func() (interface{}, error) {
		return rowsText(conn.Query(ctx, `UPDATE allt SET sm = $1, d = $2 WHERE id = $3
			RETURNING id, sm * 2 AS dbl, d + 1 AS next`, int16(7), time.Date(2023, 6, 1, 0, 0, 0, 0,
			time.UTC), 2))
	})
	step("simple protocol", func() (interface{}, error) {
		return rowsText(conn.Query(ctx, `SELECT $1::int4, $2::text, $3::bytea, $4::timestamptz,
			$5::float8, $6::numeric, $7::bool, $8::int4[]`, pgx.QuerySimpleProtocol(true), 5, "it's",
			[]byte{1, 2}, time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), 0.1, numeric("2.50"), true,
			[]int32{1, 2}))
	})
	step("scan errors", func() (interface{}, error) {
		var out []string
		var i int16
		err := conn.QueryRow(ctx, `SELECT 100000::int4`).Scan(&i)
		out = append(out, fmt.Sprint(err != nil))
		var s string
		err = conn.QueryRow(ctx, `SELECT NULL::text`).Scan(&s)
		out = append(out, fmt.Sprint(err != nil))
		var p *string
		err = conn.QueryRow(ctx, `SELECT NULL::text`).Scan(&p)
		out = append(out, fmt.Sprint(err, p == nil))
		err = conn.QueryRow(ctx, `SELECT 1 WHERE false`).Scan(&i)
		out = append(out, fmt.Sprint(err == pgx.ErrNoRows))
		return out, nil
	})
}

func copyFrom(conn *pgx.Conn) {
	step("copyfrom create", func() (interface{}, error) {
		ct, err := conn.Exec(ctx, `CREATE TABLE cp (id int8 PRIMARY KEY, sm int2, r float4, f float8,
			n numeric(12,2), t bool, s text, by bytea, d date, ts timestamp, tz timestamptz,
			iv interval, u uuid, jb jsonb, ai int4[], at text[], m mood, ip inet,
			def text DEFAULT 'dflt')`)
		return ct.String(), err
	})
	cols := []string{"id", "sm", "r", "f", "n", "t", "s", "by", "d", "ts", "tz", "iv", "u", "jb",
		"ai", "at", "m", "ip"}
	step("copyfrom binary", func() (interface{}, error) {
		var src [][]interface{}
		for k := 0; k < 1000; k++ {
			src = append(src, []interface{}{int64(k), int16(k % 100), float32(k) / 4, float64(k) / 3,
				numeric(fmt.Sprintf("%d.%02d", k, k%100)), k%2 == 0, fmt.Sprintf("row\t%d\n\\", k),
				[]byte{byte(k), 0}, time.Date(2000, 1, 1+k, 0, 0, 0, 0, time.UTC),
				time.Date(1999, 12, 31, 0, 0, k, 0, time.UTC), time.Date(2024, 1, 1, 0, 0, 0, k*1000, time.UTC),
				pgtype.Interval{Days: int32(k), Microseconds: int64(k), Status: pgtype.Present},
				[16]byte{byte(k)}, map[string]interface{}{"k": k}, []int32{int32(k), int32(-k)},
				[]string{"x", fmt.Sprint(k)}, []string{"sad", "ok", "happy"}[k%3],
				&net.IPNet{IP: net.IPv4(10, 0, byte(k>>8), byte(k)).To4(), Mask: net.CIDRMask(32, 32)}})
		}
		src = append(src, []interface{}{int64(-1), nil, nil, nil, nil, nil, nil, nil, nil, nil, nil,
			nil, nil, nil, nil, nil, nil, nil})
		n, err := conn.CopyFrom(ctx, pgx.Identifier{"cp"}, cols, pgx.CopyFromRows(src))
		return n, err
	})
	step("copyfrom read back", func() (interface{}, error) {
		return rowsText(conn.Query(ctx, `SELECT count(*), sum(id), sum(sm), sum(n), count(t),
			sum(length(s)), sum(length(by)), max(d), max(ts), max(tz), sum(extract(day FROM iv)),
			count(DISTINCT u), sum((jb->>'k')::int), sum(ai[2]), count(*) FILTER (WHERE def = 'dflt'),
			count(*) FILTER (WHERE m = 'happy'), max(ip) FROM cp`))
	})
	step("copyfrom rows", func() (interface{}, error) {
		return rowsText(conn.Query(ctx, `SELECT * FROM cp WHERE id IN (-1, 0, 7, 999) ORDER BY id`))
	})
	step("copyfrom duplicate key", func() (interface{}, error) {
		_, err := conn.CopyFrom(ctx, pgx.Identifier{"cp"}, []string{"id"},
			pgx.CopyFromRows([][]interface{}{{int64(5000)}, {int64(7)}}))
		var pge *pgconn.PgError
		if errors.As(err, &pge) {
			var cnt int64
			conn.QueryRow(ctx, `SELECT count(*) FROM cp`).Scan(&cnt)
			return fmt.Sprintf("%s %s %s %q %d", pge.Code, pge.ConstraintName, pge.TableName,
				pge.Detail, cnt), nil
		}
		return nil, err
	})
	step("copyfrom not null", func() (interface{}, error) {
		_, err := conn.CopyFrom(ctx, pgx.Identifier{"cp"}, []string{"id", "s"},
			pgx.CopyFromRows([][]interface{}{{nil, "x"}}))
		var pge *pgconn.PgError
		if errors.As(err, &pge) {
			return fmt.Sprintf("%s %s %s", pge.Code, pge.ColumnName, pge.TableName), nil
		}
		return nil, err
	})
	step("copyfrom in transaction rolled back", func() (interface{}, error) {
		tx, err := conn.Begin(ctx)
		if err != nil {
			return nil, err
		}
		n, err := tx.CopyFrom(ctx, pgx.Identifier{"cp"}, []string{"id", "s"},
			pgx.CopyFromRows([][]interface{}{{int64(6000), "a"}, {int64(6001), "b"}}))
		if err != nil {
			return nil, err
		}
		tx.Rollback(ctx)
		var cnt int64
		err = conn.QueryRow(ctx, `SELECT count(*) FROM cp WHERE id >= 6000`).Scan(&cnt)
		return []int64{n, cnt}, err
	})
	step("copyfrom qualified, quoted", func() (interface{}, error) {
		if _, err := conn.Exec(ctx, `CREATE TABLE "Odd Name" ("Col A" int, "b""q" text)`); err != nil {
			return nil, err
		}
		n, err := conn.CopyFrom(ctx, pgx.Identifier{"public", "Odd Name"}, []string{"Col A", `b"q`},
			pgx.CopyFromRows([][]interface{}{{int32(1), "x"}, {int32(2), nil}}))
		if err != nil {
			return nil, err
		}
		r, err := rowsText(conn.Query(ctx, `SELECT * FROM "Odd Name" ORDER BY 1`))
		return []interface{}{n, r}, err
	})
	step("copyfrom unknown column", func() (interface{}, error) {
		_, err := conn.CopyFrom(ctx, pgx.Identifier{"cp"}, []string{"id", "nosuch"},
			pgx.CopyFromRows([][]interface{}{{int64(1), "x"}}))
		return nil, err
	})
}

func batches(conn *pgx.Conn) {
	step("batch", func() (interface{}, error) {
		if _, err := conn.Exec(ctx, `CREATE TABLE bt (id serial PRIMARY KEY, v text NOT NULL,
			at timestamptz DEFAULT now())`); err != nil {
			return nil, err
		}
		b := &pgx.Batch{}
		for k := 0; k < 5; k++ {
			b.Queue(`INSERT INTO bt (v) VALUES ($1) RETURNING id`, fmt.Sprint("v", k))
		}
		b.Queue(`UPDATE bt SET v = v || $1 WHERE id > $2`, "!", 3)
		b.Queue(`SELECT id, v FROM bt ORDER BY id`)
		b.Queue(`DELETE FROM bt WHERE id = $1`, 1)
		br := conn.SendBatch(ctx, b)
		var out []string
		for k := 0; k < 5; k++ {
			var id int32
			err := br.QueryRow().Scan(&id)
			out = append(out, fmt.Sprint(id, err))
		}
		ct, err := br.Exec()
		out = append(out, ct.String(), fmt.Sprint(err))
		r, err := rowsText(br.Query())
		out = append(out, fmt.Sprint(r, err))
		ct, err = br.Exec()
		out = append(out, ct.String(), fmt.Sprint(err))
		return out, br.Close()
	})
	// an error inside a batch (its own implicit transaction): the statements after it are not
	// run, those before it rolled back
	step("batch error", func() (interface{}, error) {
		b := &pgx.Batch{}
		b.Queue(`INSERT INTO bt (v) VALUES ($1)`, "kept?")
		b.Queue(`INSERT INTO bt (v) VALUES ($1)`, nil)
		b.Queue(`SELECT count(*) FROM bt`)
		br := conn.SendBatch(ctx, b)
		var out []string
		for k := 0; k < 3; k++ {
			ct, err := br.Exec()
			if err != nil {
				out = append(out, errText(err))
			} else {
				out = append(out, ct.String())
			}
		}
		err := br.Close()
		var cnt int64
		if err2 := conn.QueryRow(ctx, `SELECT count(*) FROM bt WHERE v = 'kept?'`).Scan(&cnt); err2 != nil {
			return nil, err2
		}
		return []interface{}{out, err, cnt}, nil
	})
	step("batch in transaction", func() (interface{}, error) {
		tx, err := conn.Begin(ctx)
		if err != nil {
			return nil, err
		}
		b := &pgx.Batch{}
		b.Queue(`INSERT INTO bt (v) VALUES ($1)`, "tx1")
		b.Queue(`INSERT INTO bt (v) VALUES ($1)`, "tx2")
		b.Queue(`SELECT count(*) FROM bt WHERE v LIKE 'tx%'`)
		br := tx.SendBatch(ctx, b)
		br.Exec()
		br.Exec()
		var cnt int64
		err = br.QueryRow().Scan(&cnt)
		br.Close()
		if err != nil {
			return nil, err
		}
		if err := tx.Rollback(ctx); err != nil {
			return nil, err
		}
		var after int64
		err = conn.QueryRow(ctx, `SELECT count(*) FROM bt WHERE v LIKE 'tx%'`).Scan(&after)
		return []int64{cnt, after}, err
	})
	step("batch describe error", func() (interface{}, error) {
		b := &pgx.Batch{}
		b.Queue(`SELECT 1`)
		b.Queue(`SELECT nosuch FROM bt`)
		br := conn.SendBatch(ctx, b)
		_, err := br.Exec()
		br.Close()
		return nil, err
	})
}

func transactions(conn *pgx.Conn) {
	// the level, read only and deferrable as the transaction shows them
	show := func(tx pgx.Tx, o pgx.TxOptions) string {
		var iso, ro, def string
		err := tx.QueryRow(ctx, `SELECT current_setting('transaction_isolation'),
			current_setting('transaction_read_only'), current_setting('transaction_deferrable')`).
			Scan(&iso, &ro, &def)
		if err != nil {
			return errText(err)
		}
		return iso + "/" + def + "/" + ro
	}
	for _, o := range []pgx.TxOptions{{}, {IsoLevel: pgx.Serializable},
		{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly},
		{IsoLevel: pgx.ReadCommitted, AccessMode: pgx.ReadWrite},
		{IsoLevel: pgx.Serializable, AccessMode: pgx.ReadOnly, DeferrableMode: pgx.Deferrable}} {
		o := o
		step(fmt.Sprintf("begintx %q %q %q", o.IsoLevel, o.AccessMode, o.DeferrableMode),
			func() (interface{}, error) {
				tx, err := conn.BeginTx(ctx, o)
				if err != nil {
					return nil, err
				}
				s := show(tx, o)
				_, err = tx.Exec(ctx, `INSERT INTO bt (v) VALUES ('iso')`)
				res := "ok"
				if err != nil {
					res = errText(err)
				}
				return []string{s, res, fmt.Sprint(tx.Rollback(ctx))}, nil
			})
	}
	step("savepoints", func() (interface{}, error) {
		var out []string
		tx, err := conn.Begin(ctx)
		if err != nil {
			return nil, err
		}
		tx.Exec(ctx, `INSERT INTO bt (v) VALUES ('outer')`)
		sp1, err := tx.Begin(ctx)
		if err != nil {
			return nil, err
		}
		sp1.Exec(ctx, `INSERT INTO bt (v) VALUES ('sp1')`)
		sp2, err := sp1.Begin(ctx)
		if err != nil {
			return nil, err
		}
		_, err = sp2.Exec(ctx, `INSERT INTO bt (v) VALUES (NULL)`)
		out = append(out, errText(err))
		_, err = sp2.Exec(ctx, `SELECT 1`)
		out = append(out, errText(err))
		out = append(out, fmt.Sprint(sp2.Rollback(ctx)))
		sp3, _ := sp1.Begin(ctx)
		sp3.Exec(ctx, `INSERT INTO bt (v) VALUES ('sp3')`)
		out = append(out, fmt.Sprint(sp3.Commit(ctx)))
		out = append(out, fmt.Sprint(sp1.Commit(ctx)))
		sp4, _ := tx.Begin(ctx)
		sp4.Exec(ctx, `INSERT INTO bt (v) VALUES ('sp4')`)
		out = append(out, fmt.Sprint(sp4.Rollback(ctx)))
		out = append(out, fmt.Sprint(tx.Commit(ctx)))
		r, err := rowsText(conn.Query(ctx, `SELECT v FROM bt WHERE v IN ('outer', 'sp1', 'sp3', 'sp4')
			ORDER BY v`))
		return []interface{}{out, r}, err
	})
	step("failed transaction", func() (interface{}, error) {
		var out []string
		tx, _ := conn.Begin(ctx)
		_, err := tx.Exec(ctx, `SELECT 1/0`)
		out = append(out, errText(err))
		_, err = tx.Exec(ctx, `SELECT 1`)
		out = append(out, errText(err))
		out = append(out, string(conn.PgConn().TxStatus()))
		err = tx.Commit(ctx)
		out = append(out, fmt.Sprint(err), string(conn.PgConn().TxStatus()))
		return out, nil
	})
	step("beginfunc", func() (interface{}, error) {
		err := conn.BeginFunc(ctx, func(tx pgx.Tx) error {
			tx.Exec(ctx, `INSERT INTO bt (v) VALUES ('bf')`)
			return tx.BeginFunc(ctx, func(tx pgx.Tx) error {
				_, err := tx.Exec(ctx, `INSERT INTO bt (id, v) VALUES (1000, 'x'), (1000, 'y')`)
				return err
			})
		})
		var cnt int64
		conn.QueryRow(ctx, `SELECT count(*) FROM bt WHERE v = 'bf'`).Scan(&cnt)
		return []interface{}{errText(err), cnt}, nil
	})
}

func errorFields(conn *pgx.Conn) {
	step("error setup", func() (interface{}, error) {
		_, err := conn.Exec(ctx, `CREATE TABLE ep (id int PRIMARY KEY, u text UNIQUE);
			CREATE TABLE ec (id int, p int NOT NULL REFERENCES ep, v int CONSTRAINT v_pos CHECK (v > 0));
			INSERT INTO ep VALUES (1, 'a')`)
		return "ok", err
	})
	for _, q := range []string{
		`INSERT INTO ep VALUES (1, 'b')`,
		`INSERT INTO ep VALUES (2, 'a')`,
		`INSERT INTO ec VALUES (1, 9, 1)`,
		`INSERT INTO ec VALUES (1, NULL, 1)`,
		`INSERT INTO ec VALUES (1, 1, -1)`,
		`DELETE FROM ep`,
		`INSERT INTO ec (id, p) SELECT 1, 1 UNION ALL SELECT 2, 9`,
		`SELECT nosuch FROM ep`,
		`SELECT * FROM nosuch`,
		`SELECT id FROM ep WHERE id = 'x'`,
		`SELEC 1`,
		`SELECT 1 +`,
		`SELECT 1/0`,
		`SELECT 'x'::int`,
		`SELECT 'abc'::varchar(2)::char(1), 'abc'::char(2)::varchar(1), 'toolong'::varchar(3) = $1`,
		`INSERT INTO ec VALUES (1, 1, 1)`,
		`UPDATE ep SET u = NULL WHERE id = 1 RETURNING nosuch`,
		`SELECT 2147483647::int4 + 1`,
		`SELECT '2024-02-30'::date`,
		`SELECT '{1,2'::int[]`,
		`SELECT $1::int`,
		`CREATE TABLE ep (x int)`,
		`SELECT ep.id FROM ep e`,
		`SELECT id FROM ep, ec`,
	} {
		q := q
		step("error "+q, func() (interface{}, error) {
			var args []interface{}
			if strings.Contains(q, "$1") {
				args = append(args, "x")
			}
			_, err := conn.Exec(ctx, q, args...)
			var pge *pgconn.PgError
			if errors.As(err, &pge) {
				return fmt.Sprintf("%s|%s|%s|%s|%s|%s|%s|%s|%s|%d", pge.Code, pge.Severity, pge.Message,
					pge.Detail, pge.Hint, pge.SchemaName, pge.TableName, pge.ColumnName,
					pge.ConstraintName, pge.Position), nil
			}
			return fmt.Sprint("no error ", err), nil
		})
	}
	step("error connection usable", func() (interface{}, error) {
		var n int
		err := conn.QueryRow(ctx, `SELECT count(*) FROM ep`).Scan(&n)
		return n, err
	})
}

func notify(conn *pgx.Conn) {
	step("listen notify", func() (interface{}, error) {
		other, err := connect("")
		if err != nil {
			return nil, err
		}
		defer other.Close(ctx)
		var out []string
		if _, err := conn.Exec(ctx, `LISTEN chan_a`); err != nil {
			return nil, err
		}
		conn.Exec(ctx, `LISTEN "Chan B"`)
		other.Exec(ctx, `NOTIFY chan_a, 'one'`)
		other.Exec(ctx, `SELECT pg_notify('Chan B', 'two')`)
		// inside a transaction: delivered at commit, once per distinct payload, not at rollback
		tx, _ := other.Begin(ctx)
		tx.Exec(ctx, `NOTIFY chan_a, 'three'`)
		tx.Exec(ctx, `NOTIFY chan_a, 'three'`)
		tx.Exec(ctx, `NOTIFY chan_a`)
		tx.Commit(ctx)
		tx, _ = other.Begin(ctx)
		tx.Exec(ctx, `NOTIFY chan_a, 'rolled back'`)
		tx.Rollback(ctx)
		other.Exec(ctx, `NOTIFY nobody_listens, 'x'`)
		pid := other.PgConn().PID()
		for {
			wctx, cancel := context.WithTimeout(ctx, 2*time.Second)
			n, err := conn.WaitForNotification(wctx)
			cancel()
			if err != nil {
				out = append(out, fmt.Sprint("timeout ", pgconn.Timeout(err)))
				break
			}
			out = append(out, fmt.Sprintf("%s:%q:%v", n.Channel, n.Payload, n.PID == pid))
		}
		// the timeout closed the connection (pgx: a context cancelled during a read)
		out = append(out, fmt.Sprint("closed ", conn.IsClosed()))
		return out, nil
	})
}

func pool() {
	step("pgxpool", func() (interface{}, error) {
		cfg, err := pgxpool.ParseConfig(url + "&pool_max_conns=3")
		if err != nil {
			return nil, err
		}
		var after int
		cfg.AfterConnect = func(ctx context.Context, c *pgx.Conn) error {
			after++
			_, err := c.Exec(ctx, `SET application_name = 'pgxpool'`)
			return err
		}
		p, err := pgxpool.ConnectConfig(ctx, cfg)
		if err != nil {
			return nil, err
		}
		defer p.Close()
		var wg sync.WaitGroup
		var mu sync.Mutex
		var got []string
		for w := 0; w < 6; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for k := 0; k < 10; k++ {
					var s string
					err := p.QueryRow(ctx, `SELECT current_setting('application_name') || '/' || $1::int4`,
						w*100+k).Scan(&s)
					if err != nil {
						s = errText(err)
					}
					mu.Lock()
					got = append(got, s)
					mu.Unlock()
				}
			}(w)
		}
		wg.Wait()
		sort.Strings(got)
		err = p.BeginFunc(ctx, func(tx pgx.Tx) error {
			_, err := tx.Exec(ctx, `INSERT INTO bt (v) VALUES ('pool')`)
			return err
		})
		var cnt int
		if err == nil {
			err = p.QueryRow(ctx, `SELECT count(*) FROM bt WHERE v = 'pool'`).Scan(&cnt)
		}
		st := p.Stat()
		return []interface{}{len(got), got[0], got[59], cnt, st.MaxConns(), st.TotalConns() <= 3,
			after <= 3}, err
	})
}

// stmtCache: pgx prepares each statement once per connection and keeps its description; DDL
// that changes a statement's result columns makes PostgreSQL refuse the cached statement
// (0A000 cached plan must not change result type), on which pgx drops it and prepares anew.
func stmtCache() {
	for _, mode := range []string{"prepare", "describe"} {
		mode := mode
		step("statement cache "+mode, func() (interface{}, error) {
			conn, err := connect("statement_cache_mode=" + mode)
			if err != nil {
				return nil, err
			}
			defer conn.Close(ctx)
			tbl := "sc_" + mode
			var out []string
			run := func(q string, args ...interface{}) {
				r, err := rowsText(conn.Query(ctx, q, args...))
				if err != nil {
					out = append(out, errText(err))
				} else {
					out = append(out, fmt.Sprint(r))
				}
			}
			ddl := func(q string) {
				if _, err := conn.Exec(ctx, q); err != nil {
					out = append(out, errText(err))
				}
			}
			_, err = conn.Exec(ctx, `CREATE TABLE `+tbl+` (a int, b text)`)
			if err != nil {
				return nil, err
			}
			conn.Exec(ctx, `INSERT INTO `+tbl+` VALUES (1, 'x')`)
			sel := `SELECT * FROM ` + tbl + ` WHERE a = $1`
			run(sel, 1)
			run(sel, 1)
			ddl(`ALTER TABLE ` + tbl + ` ADD COLUMN c int DEFAULT 5`)
			run(sel, 1)
			run(sel, 1)
			ddl(`ALTER TABLE ` + tbl + ` ALTER COLUMN a TYPE int8`)
			run(sel, 1)
			run(sel, 1)
			ddl(`ALTER TABLE ` + tbl + ` DROP COLUMN b`)
			run(sel, 1)
			run(sel, 1)
			ddl(`DROP TABLE ` + tbl)
			run(sel, 1)
			ddl(`CREATE TABLE ` + tbl + ` (a text)`)
			run(sel, "1")
			return out, nil
		})
	}
}

func cancel() {
	// CancelRequest from another goroutine: the running statement fails with 57014 and the
	// connection stays usable
	step("cancel request", func() (interface{}, error) {
		conn, err := connect("")
		if err != nil {
			return nil, err
		}
		defer conn.Close(ctx)
		go func() {
			time.Sleep(500 * time.Millisecond)
			conn.PgConn().CancelRequest(context.Background())
		}()
		var out []string
		_, err = conn.Exec(ctx, `SELECT pg_sleep(20)`)
		out = append(out, errText(err))
		var n int
		err = conn.QueryRow(ctx, `SELECT 41 + 1`).Scan(&n)
		out = append(out, fmt.Sprint(n, err))
		return out, nil
	})
	// a context deadline: pgx sends a CancelRequest and closes its connection; the server keeps
	// serving others
	step("context deadline", func() (interface{}, error) {
		conn, err := connect("")
		if err != nil {
			return nil, err
		}
		defer conn.Close(context.Background())
		c, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err = conn.Exec(c, `SELECT pg_sleep(20)`)
		fast := time.Since(start) < 10*time.Second
		other, err2 := connect("")
		if err2 != nil {
			return nil, err2
		}
		defer other.Close(ctx)
		var n int
		err2 = other.QueryRow(ctx, `SELECT count(*) FROM bt`).Scan(&n)
		return []interface{}{pgconn.Timeout(err), errors.Is(err, context.DeadlineExceeded),
			conn.IsClosed(), fast, err2}, nil
	})
}

func misc(conn *pgx.Conn) {
	step("parameter status", func() (interface{}, error) {
		var out []string
		for _, k := range []string{"server_encoding", "client_encoding", "DateStyle",
			"integer_datetimes", "standard_conforming_strings", "TimeZone", "IntervalStyle"} {
			out = append(out, k+"="+conn.PgConn().ParameterStatus(k))
		}
		return out, nil
	})
	step("command tags", func() (interface{}, error) {
		var out []string
		for _, q := range []string{`CREATE TABLE tags (a int)`, `INSERT INTO tags VALUES (1), (2)`,
			`UPDATE tags SET a = a + 1`, `SELECT * FROM tags`, `DELETE FROM tags WHERE a = 2`,
			`CREATE INDEX ON tags (a)`, `TRUNCATE tags`, `ALTER TABLE tags ADD COLUMN b int`,
			`SET search_path = public`, `DROP TABLE tags`} {
			ct, err := conn.Exec(ctx, q)
			if err != nil {
				out = append(out, errText(err))
				continue
			}
			out = append(out, fmt.Sprintf("%s/%d/%v%v%v%v", ct, ct.RowsAffected(), ct.Insert(),
				ct.Update(), ct.Delete(), ct.Select()))
		}
		return out, nil
	})
	step("large objects", func() (interface{}, error) {
		var out []string
		err := conn.BeginFunc(ctx, func(tx pgx.Tx) error {
			lo := tx.LargeObjects()
			oid, err := lo.Create(ctx, 0)
			if err != nil {
				return err
			}
			obj, err := lo.Open(ctx, oid, pgx.LargeObjectModeRead|pgx.LargeObjectModeWrite)
			if err != nil {
				return err
			}
			n, err := obj.Write([]byte("hello large object"))
			out = append(out, fmt.Sprint("write ", n, err))
			pos, err := obj.Seek(6, io.SeekStart)
			buf := make([]byte, 5)
			n, err2 := obj.Read(buf)
			t, err3 := obj.Tell()
			out = append(out, fmt.Sprint(pos, err, n, string(buf), err2, t, err3))
			err = obj.Truncate(5)
			obj.Seek(0, io.SeekStart)
			all, err2 := io.ReadAll(obj)
			out = append(out, fmt.Sprint(err, string(all), err2, obj.Close()))
			return lo.Unlink(ctx, oid)
		})
		return out, err
	})
	step("named prepare", func() (interface{}, error) {
		sd, err := conn.Prepare(ctx, "ps1", "SELECT $1::int + 1")
		if err != nil {
			return nil, err
		}
		var v int
		err = conn.QueryRow(ctx, "ps1", 41).Scan(&v)
		out := []string{sd.Name, fmt.Sprint(sd.ParamOIDs, v, err), fmt.Sprint(conn.Deallocate(ctx, "ps1"))}
		err = conn.QueryRow(ctx, "ps1", 41).Scan(&v)
		return append(out, errText(err)), nil
	})
	step("pgconn multi-statement", func() (interface{}, error) {
		rr, err := conn.PgConn().Exec(ctx, "SELECT 1; SELECT 'a', 2; SET application_name = 'x'").ReadAll()
		var out []string
		for _, r := range rr {
			out = append(out, fmt.Sprintf("%s %q %v", r.CommandTag, r.Rows, r.Err))
		}
		return out, err
	})
	step("pgconn copy to", func() (interface{}, error) {
		var b bytes.Buffer
		ct, err := conn.PgConn().CopyTo(ctx, &b,
			"COPY (SELECT g, 'x' || g FROM generate_series(1, 3) g) TO STDOUT")
		if err != nil {
			return nil, err
		}
		var bin bytes.Buffer
		ct2, err := conn.PgConn().CopyTo(ctx, &bin,
			"COPY (SELECT 1::int4, 'a'::text, NULL::int8) TO STDOUT (FORMAT binary)")
		return fmt.Sprintf("%s %q %s %x", ct, b.String(), ct2, bin.Bytes()), err
	})
	step("queryfunc", func() (interface{}, error) {
		var sum int64
		var ids []int64
		_, err := conn.QueryFunc(ctx, `SELECT id FROM cp WHERE id BETWEEN $1 AND $2 ORDER BY id`,
			[]interface{}{10, 14}, []interface{}{&sum}, func(pgx.QueryFuncRow) error {
				ids = append(ids, sum)
				return nil
			})
		return ids, err
	})
	step("big numeric", func() (interface{}, error) {
		var n pgtype.Numeric
		err := conn.QueryRow(ctx, `SELECT $1::numeric * 2`, numeric("99999999999999999999.99999")).Scan(&n)
		var f big.Float
		if err == nil {
			f.SetInt(n.Int)
		}
		return fmt.Sprintf("%s e%d", n.Int, n.Exp), err
	})
	step("large result", func() (interface{}, error) {
		rows, err := conn.Query(ctx, `SELECT g, repeat('x', g % 50), g * 1.5 FROM generate_series(1, 20000) g`)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var cnt, sum int64
		for rows.Next() {
			var g int64
			var s string
			var f float64
			if err := rows.Scan(&g, &s, &f); err != nil {
				return nil, err
			}
			cnt++
			sum += g + int64(len(s))
		}
		return []int64{cnt, sum}, rows.Err()
	})
}

func main() {
	url = os.Args[1]
	target = os.Args[2]
	conn, err := connect("")
	if err != nil {
		fmt.Println("connect", errText(err))
		os.Exit(1)
	}
	types(conn)
	params(conn)
	copyFrom(conn)
	batches(conn)
	transactions(conn)
	errorFields(conn)
	misc(conn)
	pool()
	stmtCache()
	cancel()
	notify(conn)
	conn.Close(ctx)
	fmt.Println("done")
}
