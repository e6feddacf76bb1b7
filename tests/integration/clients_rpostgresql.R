# SPDX-License-Identifier: Apache-2.0
# clients_rpostgresql.R: R's DBI with RPostgreSQL 0.7 (Debian r-cran-rpostgresql, over libpq):
# dbConnect, dbWriteTable (its CREATE TABLE and COPY FROM STDIN), dbReadTable, dbGetQuery
# with R types per column, parameters, dbSendQuery/fetch in chunks, dbListTables,
# dbExistsTable, dbListFields, dbColumnInfo, transactions, errors, bytea, dbRemoveTable; one
# line per step for test_clients.sh to compare with PostgreSQL 15.
# Usage: Rscript clients_rpostgresql.R PORT pg|shardlite   (the tenant is the database name)
suppressPackageStartupMessages(library(RPostgreSQL))
args <- commandArgs(trailingOnly = TRUE)
port <- as.integer(args[1])
target <- args[2]
verbose <- nzchar(Sys.getenv("CLIENTS_VERBOSE"))

# show: a value with its R class, the same on both servers.
show1 <- function(v) {
	if (is.data.frame(v)) {
		cls <- vapply(v, function(x) paste(class(x), collapse = "/"), "")
		rows <- if (nrow(v) == 0) "" else
			apply(format(v, digits = 15), 1, function(r) paste(trimws(r), collapse = ","))
		return(paste0("[", paste(names(v), cls, sep = ":", collapse = " "), "] ",
			paste(rows, collapse = " | ")))
	}
	paste(format(v, digits = 15), collapse = " ")
}

# step: runs expr, printing its value, or ERROR and PostgreSQL's primary message.
# Its warnings (RPostgreSQL warns before it fails) follow the value.
step <- function(name, expr) {
	warned <- character()
	out <- tryCatch(withCallingHandlers(show1(expr), warning = function(w) {
		warned <<- c(warned, conditionMessage(w))
		invokeRestart("muffleWarning")
	}), error = function(e) pg_error(e))
	cat(name, out, if (length(warned)) paste("WARNING", warned), "\n")
}

# pg_error: ERROR and PostgreSQL's primary message of an RPostgreSQL error.
pg_error <- function(e) {
	msg <- conditionMessage(e)
	if (verbose) cat("   ", gsub("\n", "|", msg), "\n")
	m <- regmatches(msg, regexpr("ERROR:  [^\n]*", msg))
	paste("ERROR", if (length(m)) sub("ERROR:  ", "", m) else msg)
}

drv <- dbDriver("PostgreSQL")
con <- dbConnect(drv, host = "127.0.0.1", port = port, user = "postgres",
	dbname = Sys.getenv("CLIENTS_DBNAME", "acme"))
step("connect", {
	i <- dbGetInfo(con)
	c(i$dbname, i$user, sub("\\..*", "", i$serverVersion), i$protocolVersion)
})
step("version", dbGetQuery(con, "SELECT split_part(current_setting('server_version'), '.', 1) AS v"))

people <- data.frame(
	id = 1:4,
	name = c("Ann", "Bob 'q' \\ x", NA, "Zoë\ttab"),
	score = c(1.5, -2.25, NA, 1e10),
	active = c(TRUE, FALSE, NA, TRUE),
	born = as.Date(c("2020-01-02", NA, "1999-12-31", "2000-02-29")),
	seen = as.POSIXct(c("2024-01-02 03:04:05", "2000-01-01 00:00:00", NA, "2024-06-30 23:59:59"),
		tz = "UTC"),
	stringsAsFactors = FALSE)
step("dbWriteTable", dbWriteTable(con, "people", people, row.names = FALSE))
step("dbExistsTable", c(dbExistsTable(con, "people"), dbExistsTable(con, "nosuch")))
step("dbListTables", sort(dbListTables(con)))
step("dbListFields", dbListFields(con, "people"))
step("column types", dbGetQuery(con, paste(
	"SELECT column_name, data_type FROM information_schema.columns",
	"WHERE table_name = 'people' ORDER BY ordinal_position")))
step("dbReadTable", dbReadTable(con, "people"))
step("dbWriteTable append", dbWriteTable(con, "people",
	data.frame(id = 5L, name = "appended", score = 0, active = FALSE,
		born = as.Date("2024-03-01"), seen = as.POSIXct("2024-03-01 12:00:00", tz = "UTC")),
	append = TRUE, row.names = FALSE))
step("count", dbGetQuery(con, "SELECT count(*) AS n, sum(score) AS s FROM people"))
step("dbWriteTable exists", dbWriteTable(con, "people", people, row.names = FALSE))
step("dbWriteTable overwrite", dbWriteTable(con, "people", people[1:2, ], overwrite = TRUE,
	row.names = FALSE))
step("after overwrite", dbReadTable(con, "people"))
step("row.names", {
	dbWriteTable(con, "cars", head(mtcars, 3))
	dbReadTable(con, "cars")
})

step("types", dbGetQuery(con, paste(
	"SELECT 1::int2 AS i2, 2::int4 AS i4, 3000000000::int8 AS i8, 1.5::float4 AS f4,",
	"2.25::float8 AS f8, 12.345::numeric(8,3) AS n, true AS b, 'x'::text AS t,",
	"'v'::varchar(3) AS vc, 'c'::char(3) AS ch, DATE '2024-02-29' AS d,",
	"TIMESTAMP '2024-01-02 03:04:05.5' AS ts, TIMESTAMPTZ '2024-01-02 03:04:05+02' AS tz,",
	"TIME '12:34:56' AS tm, INTERVAL '1 day 2 hours' AS iv,",
	"'{\"k\": 1}'::jsonb AS j,",
	"'{1,2}'::int4[] AS arr, NULL::int AS nul")))
step("uuid", dbGetQuery(con, "SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u"))
step("bytea", {
	dbGetQuery(con, "CREATE TABLE blobs (id int PRIMARY KEY, b bytea)")
	dbGetQuery(con, paste0("INSERT INTO blobs VALUES (1, '",
		postgresqlEscapeBytea(con, as.raw(c(0, 1, 39, 92, 255))), "')"))
	r <- dbGetQuery(con, "SELECT b FROM blobs")
	c(r$b, paste(postgresqlUnescapeBytea(r$b), collapse = " "))
})
step("escape strings", dbGetQuery(con, paste0("SELECT '",
	postgresqlEscapeStrings(con, "it's \\ fine"), "' AS s")))
step("parameters", dbGetQuery(con,
	"SELECT id, name FROM people WHERE id >= $1 AND name <> $2 ORDER BY id", list(1, "zzz")))

step("dbSendQuery fetch", {
	rs <- dbSendQuery(con, "SELECT g AS n, g * 2 AS m FROM generate_series(1, 7) AS g")
	a <- fetch(rs, n = 3)
	b <- fetch(rs, n = 3)
	done1 <- dbHasCompleted(rs)
	c2 <- fetch(rs, n = -1)
	info <- dbColumnInfo(rs)
	out <- c(show1(a), show1(b), done1, show1(c2), dbHasCompleted(rs), dbGetRowCount(rs),
		paste(info$name, info$Sclass, info$type, sep = ":"))
	dbClearResult(rs)
	out
})
step("rows affected", {
	rs <- dbSendQuery(con, "UPDATE people SET score = score + 1 WHERE id <= 2")
	n <- dbGetRowsAffected(rs)
	dbClearResult(rs)
	n
})

step("transaction commit", {
	dbBegin(con)
	dbGetQuery(con, "INSERT INTO people (id, name) VALUES (10, 'committed')")
	dbCommit(con)
	dbGetQuery(con, "SELECT name FROM people WHERE id = 10")
})
step("transaction rollback", {
	dbBegin(con)
	dbGetQuery(con, "INSERT INTO people (id, name) VALUES (11, 'rolled back')")
	dbRollback(con)
	dbGetQuery(con, "SELECT count(*) AS n FROM people WHERE id = 11")
})
step("failed transaction", {
	dbBegin(con)
	a <- tryCatch(dbGetQuery(con, "SELECT 1/0"), error = pg_error)
	b <- tryCatch(dbGetQuery(con, "SELECT 1"), error = pg_error)
	c(a, b, dbRollback(con), show1(dbGetQuery(con, "SELECT 2 AS two")))
})

step("error unique", dbGetQuery(con, "INSERT INTO blobs VALUES (1, NULL)"))
step("error undefined table", dbGetQuery(con, "SELECT * FROM nosuch"))
step("error undefined column", dbGetQuery(con, "SELECT nosuch FROM people"))
step("error syntax", dbGetQuery(con, "SELEC 1"))
step("error bad int", dbGetQuery(con, "SELECT 'x'::int"))
step("dbReadTable missing", dbReadTable(con, "nosuch"))
step("dbRemoveTable", c(dbRemoveTable(con, "people"), dbRemoveTable(con, "cars"),
	dbRemoveTable(con, "blobs")))
step("dbListTables after", length(dbListTables(con)))
step("disconnect", dbDisconnect(con))
step("unload", dbUnloadDriver(drv))
cat("done\n")
