// SPDX-License-Identifier: Apache-2.0
// clients_rust.rs: drives Rust's tokio-postgres 0.7 (Debian's packaged crates, built offline)
// through the simple and extended protocols, binary parameters and results of the common types,
// type introspection, transactions and savepoints, portals, errors, COPY and cancel, one line
// per step, for test_clients.sh to compare with PostgreSQL 15.
// Usage: clients_rust "host=... port=... user=... dbname=..." pg|shardlite
use std::error::Error as StdError;
use std::fmt::Debug;
use std::time::Duration;

use bytes::{Buf, Bytes};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use futures_util::{pin_mut, SinkExt, StreamExt, TryStreamExt};
use serde_json::Value as Json;
use tokio_postgres::binary_copy::{BinaryCopyInWriter, BinaryCopyOutStream};
use tokio_postgres::types::{FromSql, Kind, ToSql, Type};
use tokio_postgres::{AsyncMessage, Client, Error, NoTls, SimpleQueryMessage};
use uuid::Uuid;

type Res<T> = Result<T, Error>;

fn verbose() -> bool {
    std::env::var_os("CLIENTS_VERBOSE").is_some()
}

// The SQLSTATE (and severity) of a driver error, the same on both servers.
fn err_text(e: &Error) -> String {
    if verbose() {
        println!("    {:?}", e);
    }
    match e.as_db_error() {
        Some(db) => format!("ERROR {} {}", db.code().code(), db.severity()),
        None => format!("ERROR {}", e),
    }
}

fn step<T: Debug>(name: &str, r: Res<T>) {
    match r {
        Ok(v) => println!("{} {:?}", name, v),
        Err(e) => println!("{} {}", name, err_text(&e)),
    }
}

// An enum's label, read in binary (its text bytes) from any enum type tokio-postgres looked up.
struct Label(String);

impl<'a> FromSql<'a> for Label {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Label, Box<dyn StdError + Sync + Send>> {
        Ok(Label(std::str::from_utf8(raw)?.to_owned()))
    }
    fn accepts(ty: &Type) -> bool {
        matches!(ty.kind(), Kind::Enum(_))
    }
}

// Each column of a prepared statement: name, type name and OID; its parameters' types.
fn describe(stmt: &tokio_postgres::Statement) -> (Vec<String>, Vec<String>) {
    let cols = stmt
        .columns()
        .iter()
        .map(|c| format!("{}:{}/{}", c.name(), c.type_().name(), c.type_().oid()))
        .collect();
    let params = stmt.params().iter().map(|t| format!("{}/{}", t.name(), t.oid())).collect();
    (cols, params)
}

fn simple_rows(msgs: Vec<SimpleQueryMessage>) -> Vec<String> {
    msgs.iter()
        .map(|m| match m {
            SimpleQueryMessage::Row(r) => {
                let vals: Vec<String> = (0..r.len())
                    .map(|i| format!("{}={:?}", r.columns()[i].name(), r.get(i)))
                    .collect();
                format!("row({})", vals.join(","))
            }
            SimpleQueryMessage::CommandComplete(n) => format!("complete({})", n),
            _ => "other".to_owned(),
        })
        .collect()
}

async fn types(c: &Client) {
    step(
        "create vals",
        c.batch_execute(
            "CREATE TABLE vals (id serial PRIMARY KEY, i2 int2, i4 int4, i8 int8, f4 float4, \
             f8 float8, t text, vc varchar(20), b bool, raw bytea, ts timestamp, tz timestamptz, \
             d date, tm time, u uuid, j json, jb jsonb, ia int4[], ta text[], n numeric(10,2))",
        )
        .await,
    );
    let ins = "INSERT INTO vals (i2, i4, i8, f4, f8, t, vc, b, raw, ts, tz, d, tm, u, j, jb, ia, \
               ta, n) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, \
               $16, $17, $18, $19::text::numeric) RETURNING id";
    let stmt = match c.prepare(ins).await {
        Ok(s) => s,
        Err(e) => {
            println!("prepare insert {}", err_text(&e));
            return;
        }
    };
    println!("prepare insert {:?}", describe(&stmt));
    let ts = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap().and_hms_micro_opt(13, 14, 15, 123456).unwrap();
    let tz: DateTime<Utc> = DateTime::from_utc(ts, Utc);
    let u = Uuid::parse_str("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11").unwrap();
    let j: Json = serde_json::json!({"k": [1, "two", null], "é": true});
    let raw: Vec<u8> = vec![0, 1, 2, 255, b'\\', b'\''];
    let ia: Vec<Option<i32>> = vec![Some(1), None, Some(-3)];
    let ta: Vec<&str> = vec!["a", "b c", "", "\"q\"", "NULL"];
    let rows: Vec<(i16, i32, i64, f32, f64, &str, &str, bool)> = vec![
        (1, 2, 9007199254740993, 1.5, 0.1, "it's é", "vc", true),
        (i16::MIN, i32::MAX, i64::MIN, f32::INFINITY, f64::NAN, "", "", false),
    ];
    for r in &rows {
        let params: [&(dyn ToSql + Sync); 19] = [
            &r.0, &r.1, &r.2, &r.3, &r.4, &r.5, &r.6, &r.7, &raw, &ts, &tz,
            &NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(), &NaiveTime::from_hms_opt(23, 59, 58).unwrap(),
            &u, &j, &j, &ia, &ta, &"12.50",
        ];
        step("insert", c.query_one(&stmt, &params).await.map(|row| row.get::<_, i32>(0)));
    }
    step(
        "insert nulls",
        c.execute(
            "INSERT INTO vals (i4, t, raw, ts, u, jb, ia) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[&None::<i32>, &None::<String>, &None::<Vec<u8>>, &None::<NaiveDateTime>,
              &None::<Uuid>, &None::<Json>, &None::<Vec<i32>>],
        )
        .await,
    );
    let sel = "SELECT id, i2, i4, i8, f4, f8, t, vc, b, raw, ts, tz, d, tm, u, j, jb, ia, ta, \
               n::text AS n FROM vals ORDER BY id";
    match c.prepare(sel).await {
        Ok(s) => {
            println!("prepare select {:?}", describe(&s));
            match c.query(&s, &[]).await {
                Ok(rows) => {
                    for row in rows {
                        println!(
                            "row {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                            row.get::<_, i32>("id"),
                            row.get::<_, Option<i16>>("i2"),
                            row.get::<_, Option<i32>>("i4"),
                            row.get::<_, Option<i64>>("i8"),
                            row.get::<_, Option<f32>>("f4"),
                            row.get::<_, Option<f64>>("f8").map(|f| f.to_string()),
                            row.get::<_, Option<String>>("t"),
                            row.get::<_, Option<String>>("vc"),
                            row.get::<_, Option<bool>>("b"),
                            row.get::<_, Option<Vec<u8>>>("raw"),
                        );
                        println!(
                            "    {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                            row.get::<_, Option<NaiveDateTime>>("ts"),
                            row.get::<_, Option<DateTime<Utc>>>("tz"),
                            row.get::<_, Option<NaiveDate>>("d"),
                            row.get::<_, Option<NaiveTime>>("tm"),
                            row.get::<_, Option<Uuid>>("u"),
                            row.get::<_, Option<Json>>("j"),
                            row.get::<_, Option<Json>>("jb"),
                            row.get::<_, Option<Vec<Option<i32>>>>("ia"),
                            row.get::<_, Option<Vec<String>>>("ta"),
                            row.get::<_, Option<String>>("n"),
                        );
                    }
                }
                Err(e) => println!("select {}", err_text(&e)),
            }
        }
        Err(e) => println!("prepare select {}", err_text(&e)),
    }
    // Parameter types the server infers, and values computed from binary parameters.
    step(
        "inferred params",
        c.prepare("SELECT $1 + 1, $2 || 'x', $3::float8 * 2, $4 = ANY($5), $6::date + 1")
            .await
            .map(|s| describe(&s)),
    );
    step(
        "computed",
        c.query_one(
            "SELECT $1::int8 * 2 AS a, upper($2) AS b, $3::float8 / 4 AS c, 7 = ANY($4) AS d, \
             $5::date + 1 AS e, $6::timestamptz + interval '1 hour' AS f, length($7::bytea) AS g",
            &[&21i64, &"abc", &1.0f64, &vec![1i32, 7], &NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
              &tz, &vec![1u8, 2, 3]],
        )
        .await
        .map(|r| {
            (r.get::<_, i64>(0), r.get::<_, String>(1), r.get::<_, f64>(2), r.get::<_, bool>(3),
             r.get::<_, NaiveDate>(4), r.get::<_, DateTime<Utc>>(5), r.get::<_, i32>(6))
        }),
    );
    step(
        "prepare_typed",
        c.prepare_typed("SELECT $1::text, $2", &[Type::VARCHAR, Type::INT8])
            .await
            .map(|s| describe(&s)),
    );
    step(
        "arrays",
        c.query_one(
            "SELECT ARRAY[1.5, 2.5]::float8[], ARRAY[true, NULL], ARRAY['2024-01-01'::date], \
             '{{1,2},{3,4}}'::int8[] AS m, ARRAY[]::text[] AS e",
            &[],
        )
        .await
        .map(|r| {
            (r.get::<_, Vec<f64>>(0), r.get::<_, Vec<Option<bool>>>(1), r.get::<_, Vec<NaiveDate>>(2),
             r.try_get::<_, Vec<i64>>(3).map_err(|e| e.to_string()), r.get::<_, Vec<String>>(4))
        }),
    );
    step(
        "wrong rust type",
        c.query_one("SELECT 1::int4", &[])
            .await
            .map(|r| r.try_get::<_, i64>(0).map_err(|e| e.to_string().split(':').next().unwrap_or("").to_owned())),
    );
}

async fn simple(c: &Client) {
    step(
        "simple",
        c.simple_query(
            "SELECT 1 AS a, 'x'::text AS b, NULL::int AS c; SELECT true, 1.50::numeric, \
             '\\x0102'::bytea, '2024-01-02 03:04:05+02'::timestamptz; UPDATE vals SET t = t \
             WHERE id > 100",
        )
        .await
        .map(simple_rows),
    );
    step("simple error", c.simple_query("SELECT 1; SELECT 1/0; SELECT 2").await.map(simple_rows));
    step("simple empty", c.simple_query("").await.map(simple_rows));
    step(
        "show",
        c.simple_query("SHOW server_version_num; SHOW TimeZone; SHOW standard_conforming_strings")
            .await
            .map(|m| simple_rows(m).into_iter().map(|s| s.replace("150", "15x")).count()),
    );
}

async fn enums(c: &Client) {
    step(
        "create enum",
        c.batch_execute(
            "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE TABLE people (name text, \
             m mood); INSERT INTO people VALUES ('ann', 'happy'), ('bob', 'sad')",
        )
        .await,
    );
    match c.prepare("SELECT name, m FROM people ORDER BY m").await {
        Ok(s) => {
            let ty = s.columns()[1].type_();
            println!("enum type {} {:?} {}", ty.name(), ty.kind(), ty.schema());
            step(
                "enum rows",
                c.query(&s, &[]).await.map(|rows| {
                    rows.iter().map(|r| (r.get::<_, String>(0), r.get::<_, Label>(1).0)).collect::<Vec<_>>()
                }),
            );
        }
        Err(e) => println!("enum prepare {}", err_text(&e)),
    }
    step(
        "enum array values",
        c.query_one("SELECT ARRAY['ok'::mood, 'sad'], ARRAY['happy', 'ok']::mood[]", &[])
            .await
            .map(|r| {
                let a: Vec<Label> = r.get(0);
                let b: Vec<Label> = r.get(1);
                (a.into_iter().map(|l| l.0).collect::<Vec<_>>(), b.into_iter().map(|l| l.0).collect::<Vec<_>>())
            }),
    );
    step(
        "enum array",
        c.prepare("SELECT ARRAY['ok'::mood, 'sad']").await.map(|s| {
            let ty = s.columns()[0].type_();
            match ty.kind() {
                Kind::Array(e) => format!("{} of {} {:?}", ty.name(), e.name(), e.kind()),
                k => format!("{} {:?}", ty.name(), k),
            }
        }),
    );
}

async fn errors(c: &Client) {
    step("setup errors", c.batch_execute(
        "CREATE TABLE parent (id int PRIMARY KEY); CREATE TABLE kid (id int PRIMARY KEY, \
         p int NOT NULL REFERENCES parent (id), v int CHECK (v > 0)); INSERT INTO parent VALUES (1)",
    ).await);
    let cases: [(&str, &str); 9] = [
        ("unique", "INSERT INTO parent VALUES (1)"),
        ("not null", "INSERT INTO kid (id) VALUES (1)"),
        ("foreign key", "INSERT INTO kid VALUES (1, 9, 1)"),
        ("check", "INSERT INTO kid VALUES (1, 1, -1)"),
        ("undefined column", "SELECT nope FROM parent"),
        ("undefined table", "SELECT * FROM nope"),
        ("syntax", "SELEC 1"),
        ("division", "SELECT 1 / 0"),
        ("bad input", "SELECT 'x'::int"),
    ];
    for (name, sql) in cases {
        match c.execute(sql, &[]).await {
            Ok(n) => println!("{} ok {}", name, n),
            Err(e) => {
                let db = e.as_db_error();
                println!(
                    "{} {} {:?} {:?} {:?} {:?}",
                    name,
                    err_text(&e),
                    db.and_then(|d| d.constraint()),
                    db.and_then(|d| d.table()),
                    db.and_then(|d| d.column()),
                    db.and_then(|d| d.position()),
                );
            }
        }
    }
    step("bad parameter type", c.query("SELECT $1::int", &[&"x"]).await.map(|r| r.len()));
    step("after errors", c.query_one("SELECT 42", &[]).await.map(|r| r.get::<_, i32>(0)));
}

async fn transactions(c: &mut Client) {
    step("create acct", c.batch_execute("CREATE TABLE acct (id int PRIMARY KEY, bal int8)").await);
    {
        let t = c.transaction().await.unwrap();
        step("tx insert", t.execute("INSERT INTO acct VALUES (1, 100), (2, 50)", &[]).await);
        step("tx commit", t.commit().await);
    }
    {
        let t = c.transaction().await.unwrap();
        step("tx update", t.execute("UPDATE acct SET bal = bal - $1 WHERE id = 1", &[&30i64]).await);
        step("tx rollback", t.rollback().await);
    }
    step("after rollback", c.query_one("SELECT sum(bal)::int8 FROM acct", &[]).await.map(|r| r.get::<_, Option<i64>>(0).map(|v| v.to_string())));
    {
        let mut t = c.transaction().await.unwrap();
        step("outer", t.execute("UPDATE acct SET bal = bal + 1", &[]).await);
        {
            let sp = t.savepoint("sp1").await.unwrap();
            step("inner error", sp.execute("INSERT INTO acct VALUES (1, 0)", &[]).await);
            step("aborted", sp.query("SELECT 1", &[]).await.map(|r| r.len()));
            step("rollback to", sp.rollback().await);
        }
        {
            let nested = t.transaction().await.unwrap();
            step("nested", nested.execute("INSERT INTO acct VALUES (3, 7)", &[]).await);
            step("nested commit", nested.commit().await);
        }
        step("outer commit", t.commit().await);
    }
    step("balances", c.query("SELECT id, bal FROM acct ORDER BY id", &[]).await.map(|rows| {
        rows.iter().map(|r| (r.get::<_, i32>(0), r.get::<_, i64>(1))).collect::<Vec<_>>()
    }));
    {
        let t = c
            .build_transaction()
            .isolation_level(tokio_postgres::IsolationLevel::Serializable)
            .read_only(true)
            .start()
            .await
            .unwrap();
        step("read only write", t.execute("DELETE FROM acct", &[]).await);
        step("read only rollback", t.rollback().await);
    }
    {
        let t = c.transaction().await.unwrap();
        step("dropped unfinished", t.execute("DELETE FROM acct", &[]).await);
        // dropped without commit: tokio-postgres sends ROLLBACK
    }
    step("kept", c.query_one("SELECT count(*) FROM acct", &[]).await.map(|r| r.get::<_, i64>(0)));
    // A portal read a few rows at a time (Execute with a row limit, PortalSuspended).
    {
        let t = c.transaction().await.unwrap();
        let stmt = t.prepare("SELECT g, g * $1 FROM generate_series(1, 7) g").await.unwrap();
        match t.bind(&stmt, &[&10i32]).await {
            Ok(p) => {
                for _ in 0..4 {
                    step("portal", t.query_portal(&p, 3).await.map(|rows| {
                        rows.iter().map(|r| r.get::<_, i32>(1)).collect::<Vec<_>>()
                    }));
                }
            }
            Err(e) => println!("bind {}", err_text(&e)),
        }
        step("portal commit", t.commit().await);
    }
}

async fn prepared(c: &Client) {
    let stmt = match c.prepare("SELECT id, bal FROM acct WHERE id = $1").await {
        Ok(s) => s,
        Err(e) => {
            println!("prepare {}", err_text(&e));
            return;
        }
    };
    for id in [1i32, 2, 3, 4] {
        step("reuse", c.query_opt(&stmt, &[&id]).await.map(|r| r.map(|r| r.get::<_, i64>(1))));
    }
    let upd = c.prepare("UPDATE acct SET bal = bal + $2 WHERE id = $1").await.unwrap();
    let mut n = 0;
    for id in 1..=3i32 {
        n += c.execute(&upd, &[&id, &5i64]).await.unwrap_or(0);
    }
    println!("reuse update {}", n);
    drop(stmt);
    step("after close", c.query_one("SELECT count(*) FROM acct", &[]).await.map(|r| r.get::<_, i64>(0)));
    step("ddl then reuse", async {
        c.batch_execute("ALTER TABLE acct ADD COLUMN note text").await?;
        c.query(&upd, &[&1i32, &1i64]).await.map(|r| r.len())
    }.await);
    step("query_raw", async {
        let it = c.query_raw("SELECT id FROM acct WHERE id > $1 ORDER BY id", [&0i32 as &dyn ToSql]).await?;
        pin_mut!(it);
        let mut ids = vec![];
        while let Some(r) = it.try_next().await? {
            ids.push(r.get::<_, i32>(0));
        }
        Ok(ids)
    }.await);
}

async fn copy(c: &Client) {
    step("copy table", c.batch_execute("CREATE TABLE cp (id int, name text, at timestamptz, b bytea)").await);
    step("copy in text", async {
        let sink = c.copy_in("COPY cp FROM STDIN").await?;
        pin_mut!(sink);
        sink.send(Bytes::from_static(b"1\tann\t2024-01-01 10:00:00+00\t\\\\x00ff\n2\t\\N\t\\N\t\\N\n")).await?;
        sink.send(Bytes::from_static(b"3\ttab\\there\t2024-06-30 23:59:59.5+02\t\\\\x\n")).await?;
        sink.finish().await
    }.await);
    step("copy in csv", async {
        let sink = c.copy_in("COPY cp (id, name) FROM STDIN (FORMAT csv, HEADER true)").await?;
        pin_mut!(sink);
        sink.send(Bytes::from_static(b"id,name\n4,\"quoted, \"\"text\"\"\"\n5,\n")).await?;
        sink.finish().await
    }.await);
    step("copy in error", async {
        let sink = c.copy_in("COPY cp (id) FROM STDIN").await?;
        pin_mut!(sink);
        sink.send(Bytes::from_static(b"x\n")).await?;
        sink.finish().await
    }.await);
    step("copy in binary", async {
        let sink = c.copy_in("COPY cp (id, name, at, b) FROM STDIN (FORMAT binary)").await?;
        let w = BinaryCopyInWriter::new(sink, &[Type::INT4, Type::TEXT, Type::TIMESTAMPTZ, Type::BYTEA]);
        pin_mut!(w);
        let at: DateTime<Utc> = DateTime::from_utc(
            NaiveDate::from_ymd_opt(1999, 12, 31).unwrap().and_hms_opt(23, 0, 0).unwrap(), Utc);
        w.as_mut().write(&[&6i32, &"bin", &at, &vec![7u8, 8]]).await?;
        w.as_mut().write(&[&7i32, &None::<String>, &None::<DateTime<Utc>>, &None::<Vec<u8>>]).await?;
        w.finish().await
    }.await);
    step("copy out text", async {
        let s = c.copy_out("COPY (SELECT * FROM cp ORDER BY id) TO STDOUT").await?;
        let chunks: Vec<Bytes> = s.try_collect().await?;
        Ok(chunks.iter().map(|b| String::from_utf8_lossy(b.chunk()).into_owned()).collect::<String>())
    }.await);
    step("copy out csv", async {
        let s = c.copy_out("COPY cp (id, name) TO STDOUT (FORMAT csv, HEADER, FORCE_QUOTE (name))").await?;
        let chunks: Vec<Bytes> = s.try_collect().await?;
        Ok(chunks.concat().len())
    }.await);
    step("copy out binary", async {
        let s = c.copy_out("COPY (SELECT id, name, b FROM cp WHERE id IN (1, 6, 7) ORDER BY id) TO STDOUT (FORMAT binary)").await?;
        let rows = BinaryCopyOutStream::new(s, &[Type::INT4, Type::TEXT, Type::BYTEA]);
        pin_mut!(rows);
        let mut out = vec![];
        while let Some(r) = rows.next().await {
            let r = r?;
            out.push((r.get::<i32>(0), r.get::<Option<String>>(1), r.get::<Option<Vec<u8>>>(2)));
        }
        Ok(out)
    }.await);
}

async fn notify_and_cancel(url: &str, c: &Client) {
    // A second connection whose notifications are read from its connection future.
    let (c2, mut conn2) = match tokio_postgres::connect(url, NoTls).await {
        Ok(x) => x,
        Err(e) => {
            println!("connect2 {}", err_text(&e));
            return;
        }
    };
    let (tx, mut rx) = futures_channel::mpsc::unbounded();
    let stream = futures_util::stream::poll_fn(move |cx| conn2.poll_message(cx));
    let fwd = stream.map(|m| Ok::<_, futures_channel::mpsc::SendError>(m)).forward(
        futures_util::sink::unfold(tx, |tx, m: Result<AsyncMessage, Error>| async move {
            if let Ok(AsyncMessage::Notification(n)) = m {
                tx.unbounded_send((n.channel().to_owned(), n.payload().to_owned())).ok();
            }
            Ok::<_, futures_channel::mpsc::SendError>(tx)
        }),
    );
    tokio::spawn(fwd);
    step("listen", c2.batch_execute("LISTEN jobs").await);
    step("notify", c.batch_execute("NOTIFY jobs, 'one'; SELECT pg_notify('jobs', 'two')").await);
    step("notify rolled back", c.batch_execute("BEGIN; NOTIFY jobs, 'never'; ROLLBACK").await);
    step("notify after", c.execute("SELECT pg_notify('jobs', $1)", &[&"three"]).await);
    let _ = c2.query_one("SELECT 1", &[]).await;
    let mut got = vec![];
    while got.len() < 3 {
        match tokio::time::timeout(Duration::from_secs(5), rx.next()).await {
            Ok(Some(n)) => got.push(n),
            _ => break,
        }
    }
    println!("notifications {:?}", got);
    // Cancel a running query from a CancelToken.
    let token = c2.cancel_token();
    let sleeper = c2.query("SELECT pg_sleep(10)", &[]);
    // Cancel once the sleep is seen running (from the other connection): a cancel that
    // reaches a server before the query has started is lost, or on PostgreSQL hits the next
    // query, so a fixed delay made the test's answer depend on the machine's load.
    let cancel = async {
        for _ in 0..200 {
            tokio::time::sleep(Duration::from_millis(50)).await;
            let running = c
                .query_one(
                    "SELECT count(*) FROM pg_stat_activity \
                     WHERE state = 'active' AND query LIKE 'SELECT pg_sleep(10)%'",
                    &[],
                )
                .await
                .map(|r| r.get::<_, i64>(0))
                .unwrap_or(0);
            if running > 0 {
                break;
            }
        }
        token.cancel_query(NoTls).await
    };
    let (r, cr) = tokio::join!(sleeper, cancel);
    println!("cancel sent {:?}", cr.is_ok());
    step("cancelled", r.map(|rows| rows.len()));
    step("after cancel", c2.query_one("SELECT 'alive'::text", &[]).await.map(|r| r.get::<_, String>(0)));
}

async fn run(url: &str) -> Res<()> {
    let (mut c, conn) = tokio_postgres::connect(url, NoTls).await?;
    tokio::spawn(async move {
        if let Err(e) = conn.await {
            println!("connection error {}", e);
        }
    });
    step("version", c.query_one("SELECT current_setting('server_version_num')::int / 10000", &[]).await.map(|r| r.get::<_, i32>(0)));
    types(&c).await;
    simple(&c).await;
    enums(&c).await;
    errors(&c).await;
    transactions(&mut c).await;
    prepared(&c).await;
    copy(&c).await;
    notify_and_cancel(url, &c).await;
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let url = args.get(1).expect("usage: clients_rust CONNINFO pg|shardlite").clone();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    match rt.block_on(run(&url)) {
        Ok(()) => println!("done"),
        Err(e) => {
            println!("fatal {}", e);
            std::process::exit(1);
        }
    }
}
