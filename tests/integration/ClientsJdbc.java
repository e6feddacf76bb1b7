// SPDX-License-Identifier: Apache-2.0
// ClientsJdbc.java: pgJDBC (Debian libpostgresql-jdbc-java) through what applications use —
// PreparedStatement setters, generated keys, batches, transactions, server-prepared statements,
// DatabaseMetaData — printed one line per step for test_clients.sh to compare with PostgreSQL 15.
// Usage: java -cp postgresql.jar:. ClientsJdbc JDBC_URL pg|shardlite
import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

public class ClientsJdbc {
	interface Step {
		Object run() throws Exception;
	}

	static Connection c;
	static String target;

	/* One line per step; an SQLException prints its SQLSTATE (and rolls back). */
	static void step(String name, Step s) {
		try {
			System.out.println(name + " " + s.run());
		} catch (SQLException e) {
			System.out.println(name + " ERROR " + e.getSQLState());
			if (System.getenv("CLIENTS_VERBOSE") != null)
				System.out.println("    " + e.getMessage().replace('\n', '|'));
			rollback();
		} catch (Exception e) {
			System.out.println(name + " ERROR " + e);
		}
	}

	/* A known difference: on shardlite the step fails with sqlstate; on PostgreSQL it succeeds.
	 * Both print the same line, so the test fails once shardlite behaves as PostgreSQL. */
	static void gap(String name, Step s, String sqlstate) {
		String got;
		try {
			s.run();
			got = "ok";
		} catch (SQLException e) {
			got = e.getSQLState();
			if (System.getenv("CLIENTS_VERBOSE") != null)
				System.out.println("    " + e.getMessage().replace('\n', '|'));
			rollback();
		} catch (Exception e) {
			got = e.toString();
		}
		String want = target.equals("shardlite") ? sqlstate : "ok";
		System.out.println(name + (got.equals(want) ? " known gap" : " UNEXPECTED " + got));
	}

	/* A known difference inside a step's output: on shardlite it must contain sl, replaced by
	 * PostgreSQL's pg; both print the same note (remove the call once shardlite matches). */
	static void known(String name, Step s, String sl, String pg, String why) {
		step(name, () -> {
			String out = String.valueOf(s.run());
			if (target.equals("shardlite")) {
				if (!out.contains(sl))
					System.out.println("UNEXPECTED: no longer differs: " + why);
				out = out.replace(sl, pg);
			}
			System.out.println("known gap: " + why);
			return out;
		});
	}

	static void rollback() {
		try {
			if (!c.getAutoCommit())
				c.rollback();
		} catch (SQLException e) {
			System.out.println("rollback failed " + e.getSQLState());
		}
	}

	/* Every row of a result set, each column by its Java object's text. */
	static List<String> rows(ResultSet rs) throws SQLException {
		List<String> out = new ArrayList<>();
		ResultSetMetaData md = rs.getMetaData();
		while (rs.next()) {
			StringBuilder sb = new StringBuilder("(");
			for (int i = 1; i <= md.getColumnCount(); i++) {
				Object o = rs.getObject(i);
				if (o instanceof byte[])
					o = Arrays.toString((byte[]) o);
				sb.append(i > 1 ? ", " : "").append(o);
			}
			out.add(sb.append(")").toString());
		}
		rs.close();
		return out;
	}

	/* Selected columns of metadata rows by label. */
	static List<String> meta(ResultSet rs, String... labels) throws SQLException {
		List<String> out = new ArrayList<>();
		while (rs.next()) {
			StringBuilder sb = new StringBuilder();
			for (String l : labels)
				sb.append(sb.length() > 0 ? " " : "").append(l).append('=').append(rs.getString(l));
			out.add(sb.toString());
		}
		rs.close();
		return out;
	}

	static int exec(String sql) throws SQLException {
		try (Statement st = c.createStatement()) {
			return st.executeUpdate(sql);
		}
	}

	public static void main(String[] args) throws Exception {
		target = args[1];
		Properties p = new Properties();
		p.setProperty("user", "postgres");
		p.setProperty("prepareThreshold", "1"); // server-side named statements from the first use
		p.setProperty("escapeSyntaxCallMode", "callIfNoReturn"); // {call p(?)} is CALL
		c = DriverManager.getConnection(args[0], p);
		step("version", () -> c.getMetaData().getDatabaseMajorVersion() + " "
			+ c.getMetaData().getDriverName());
		step("create", () -> exec("SET TIME ZONE 'UTC'") + exec("CREATE TABLE item (id bigserial PRIMARY KEY,"
			+ " n int4 NOT NULL, name varchar(40) UNIQUE, at timestamp, atz timestamptz,"
			+ " price numeric(12,2), data bytea, ref uuid, ok boolean, score float8)"));
		step("prepared insert", () -> {
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO item (n, name, at, atz, price,"
				+ " data, ref, ok, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				Statement.RETURN_GENERATED_KEYS)) {
				List<String> keys = new ArrayList<>();
				for (int i = 1; i <= 3; i++) {
					ps.setInt(1, i);
					ps.setString(2, "item " + i);
					ps.setTimestamp(3, Timestamp.valueOf("2024-05-0" + i + " 10:20:30.5"));
					ps.setObject(4, java.time.OffsetDateTime.parse("2024-05-0" + i + "T10:20:30Z"));
					ps.setBigDecimal(5, new BigDecimal("1234.5").multiply(BigDecimal.valueOf(i)));
					ps.setBytes(6, new byte[] {0, 1, (byte) 0xfe, (byte) i});
					ps.setObject(7, new UUID(0, i));
					ps.setBoolean(8, i % 2 == 1);
					ps.setDouble(9, i / 4.0);
					ps.executeUpdate();
					keys.addAll(rows(ps.getGeneratedKeys()));
				}
				return keys;
			}
		});
		step("nulls", () -> {
			try (PreparedStatement ps = c.prepareStatement(
				     "INSERT INTO item (n, name, at, price, data, ref) VALUES (?, ?, ?, ?, ?, ?)")) {
				ps.setInt(1, 9);
				ps.setNull(2, java.sql.Types.VARCHAR);
				ps.setNull(3, java.sql.Types.TIMESTAMP);
				ps.setNull(4, java.sql.Types.NUMERIC);
				ps.setNull(5, java.sql.Types.BINARY);
				ps.setObject(6, null, java.sql.Types.OTHER);
				return ps.executeUpdate();
			}
		});
		step("select", () -> {
			try (Statement st = c.createStatement()) {
				return rows(st.executeQuery("SELECT * FROM item ORDER BY id"));
			}
		});
		step("typed getters", () -> {
			try (PreparedStatement ps = c.prepareStatement(
				     "SELECT id, n, price, at, atz, data, ref, ok FROM item WHERE ref = ? AND price > ?")) {
				ps.setObject(1, new UUID(0, 2));
				ps.setBigDecimal(2, BigDecimal.ONE);
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					return rs.getLong(1) + " " + rs.getInt(2) + " " + rs.getBigDecimal(3) + " "
						+ rs.getTimestamp(4) + " " + rs.getObject(5, java.time.OffsetDateTime.class)
						+ " " + Arrays.toString(rs.getBytes(6)) + " " + rs.getObject(7, UUID.class)
						+ " " + rs.getBoolean(8) + " " + rs.getMetaData().getColumnTypeName(3);
				}
			}
		});
		step("reuse prepared", () -> {
			List<String> out = new ArrayList<>();
			try (PreparedStatement ps = c.prepareStatement("SELECT name FROM item WHERE n = ?")) {
				for (int i = 1; i <= 6; i++) { // past pgJDBC's thresholds: binary transfer, named statement
					ps.setInt(1, i % 3 + 1);
					out.addAll(rows(ps.executeQuery()));
				}
			}
			return out;
		});
		step("batch", () -> {
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO item (n, name) VALUES (?, ?)")) {
				for (int i = 10; i < 15; i++) {
					ps.setInt(1, i);
					ps.setString(2, "batch " + i);
					ps.addBatch();
				}
				return Arrays.toString(ps.executeBatch());
			}
		});
		step("transactions", () -> {
			List<Object> out = new ArrayList<>();
			c.setAutoCommit(false);
			exec("INSERT INTO item (n, name) VALUES (100, 'rolled back')");
			c.rollback();
			exec("INSERT INTO item (n, name) VALUES (101, 'committed')");
			java.sql.Savepoint sp = c.setSavepoint();
			try {
				exec("INSERT INTO item (n, name) VALUES (102, 'committed')");
			} catch (SQLException e) {
				out.add(e.getSQLState());
				c.rollback(sp);
			}
			c.commit();
			c.setAutoCommit(true);
			try (Statement st = c.createStatement()) {
				out.add(rows(st.executeQuery("SELECT n FROM item WHERE n >= 100 ORDER BY n")));
			}
			return out;
		});
		step("errors", () -> {
			List<String> out = new ArrayList<>();
			for (String sql : new String[] {"INSERT INTO item (n, name) VALUES (1, 'item 1')",
				     "INSERT INTO item (name) VALUES ('x')", "SELECT nosuch FROM item",
				     "SELECT * FROM nosuch", "SELEC 1"}) {
				try {
					exec(sql);
				} catch (SQLException e) {
					out.add(e.getSQLState());
				}
			}
			return out;
		});
		step("fetch size", () -> {
			c.setAutoCommit(false); // pgJDBC fetches with a row limit (PortalSuspended) only inside a transaction
			try (Statement st = c.createStatement()) {
				st.setFetchSize(2);
				List<String> out = rows(st.executeQuery("SELECT n FROM item ORDER BY n"));
				c.commit();
				return out;
			} finally {
				c.setAutoCommit(true);
			}
		});
		step("update count", () -> exec("UPDATE item SET ok = NOT ok WHERE n < 4") + " "
			+ exec("DELETE FROM item WHERE n >= 10 AND n < 15"));
		exec("CREATE TABLE tag (id int4 PRIMARY KEY, item_id bigint NOT NULL REFERENCES item (id),"
			+ " label text)");
		DatabaseMetaData m = c.getMetaData();
		step("getTables", () -> meta(m.getTables(null, "public", "%", new String[] {"TABLE"}),
			"TABLE_NAME", "TABLE_TYPE"));
		step("getColumns", () -> meta(m.getColumns(null, "public", "item", "%"), "COLUMN_NAME",
			"DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS", "NULLABLE", "IS_AUTOINCREMENT"));
		step("getPrimaryKeys", () -> meta(m.getPrimaryKeys(null, "public", "item"), "COLUMN_NAME",
			"KEY_SEQ", "PK_NAME"));
		step("getImportedKeys", () -> meta(m.getImportedKeys(null, "public", "tag"), "PKTABLE_NAME",
			"PKCOLUMN_NAME", "FKCOLUMN_NAME", "FK_NAME", "UPDATE_RULE", "DELETE_RULE"));
		step("getExportedKeys", () -> meta(m.getExportedKeys(null, "public", "item"), "FKTABLE_NAME",
			"FKCOLUMN_NAME"));
		// pgJDBC selects NOT i.indisunique AS NON_UNIQUE in a subquery; a NOT read through a
		// subquery comes back as an integer ("types")
		step("getIndexInfo", () -> meta(m.getIndexInfo(null, "public", "item", false, false),
			"INDEX_NAME", "NON_UNIQUE", "COLUMN_NAME"));
		// {call p(?, ?)} of a procedure with INOUT parameters (escapeSyntaxCallMode
		// callIfNoReturn: CALL p($1, $2)), the values read back as OUT parameters
		step("callable inout", () -> {
			exec("CREATE PROCEDURE bump(INOUT k int, INOUT tag text) LANGUAGE plpgsql AS "
				+ "$$ BEGIN k := k + 1; tag := tag || k; END $$");
			try (CallableStatement cs = c.prepareCall("{call bump(?, ?)}")) {
				cs.setInt(1, 41);
				cs.setString(2, "t");
				cs.registerOutParameter(1, Types.INTEGER);
				cs.registerOutParameter(2, Types.VARCHAR);
				cs.execute();
				return cs.getInt(1) + " " + cs.getString(2);
			}
		});
		// created after transaction blocks: pgJDBC's BEGIN (S_1's Bind/Execute) and the call's
		// Parse arrive together and must see it (sess_types_block_start)
		step("create function", () -> exec("CREATE FUNCTION items_from(lo int) RETURNS "
			+ "refcursor LANGUAGE plpgsql AS $$ DECLARE r refcursor; BEGIN OPEN r FOR "
			+ "SELECT n, name FROM item WHERE n >= lo ORDER BY n; RETURN r; END $$"));
		// {? = call f(?)} of a function returning a refcursor: pgJDBC FETCHes the cursor the
		// call left open, in the same transaction
		step("refcursor result", () -> {
			c.setAutoCommit(false);
			try (CallableStatement cs = c.prepareCall("{? = call items_from(?)}")) {
				cs.registerOutParameter(1, Types.OTHER);
				cs.setInt(2, 2);
				cs.execute();
				List<String> out = rows((ResultSet) cs.getObject(1));
				c.commit();
				return out;
			} finally {
				c.setAutoCommit(true);
			}
		});
		c.close();
		System.out.println("done");
	}
}
