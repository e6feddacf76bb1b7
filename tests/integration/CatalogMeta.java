// SPDX-License-Identifier: Apache-2.0
// CatalogMeta.java: prints what JDBC's DatabaseMetaData and ResultSetMetaData report about the
// catalog test's schema, so that test_catalog.sh can compare a tenant with PostgreSQL 15.
// Usage: java -cp postgresql.jar:. CatalogMeta JDBC_URL
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;

public class CatalogMeta {
	/* Every column of every row, by label. */
	static void dump(String what, ResultSet rs) throws SQLException {
		ResultSetMetaData md = rs.getMetaData();
		while (rs.next()) {
			StringBuilder sb = new StringBuilder(what);
			for (int i = 1; i <= md.getColumnCount(); i++)
				sb.append(' ').append(md.getColumnLabel(i)).append('=').append(rs.getString(i));
			System.out.println(sb);
		}
	}

	/* getIndexInfo without the planner statistics (CARDINALITY, PAGES), which differ. */
	static void indexes(ResultSet rs) throws SQLException {
		while (rs.next())
			System.out.println("index " + rs.getString("INDEX_NAME") + " non_unique="
				+ rs.getBoolean("NON_UNIQUE") + " pos=" + rs.getInt("ORDINAL_POSITION")
				+ " column=" + rs.getString("COLUMN_NAME") + " order="
				+ rs.getString("ASC_OR_DESC") + " filter=" + rs.getString("FILTER_CONDITION"));
	}

	public static void main(String[] args) throws Exception {
		try (Connection c = DriverManager.getConnection(args[0], "postgres", "")) {
			DatabaseMetaData m = c.getMetaData();
			dump("catalog", m.getCatalogs());
			dump("schema", m.getSchemas());
			dump("table", m.getTables(null, "public", "%", new String[] {"TABLE", "VIEW"}));
			dump("column", m.getColumns(null, "public", "books", "%"));
			dump("pk", m.getPrimaryKeys(null, "public", "books"));
			dump("imported", m.getImportedKeys(null, "public", "books"));
			dump("exported", m.getExportedKeys(null, "public", "authors"));
			indexes(m.getIndexInfo(null, "public", "books", false, false));
			int types = 0;
			for (ResultSet rs = m.getTypeInfo(); rs.next();)
				types++;
			System.out.println("typeinfo " + (types > 0));
			try (Statement st = c.createStatement();
			     ResultSet rs = st.executeQuery("SELECT id, title, price FROM books")) {
				ResultSetMetaData md = rs.getMetaData();
				for (int i = 1; i <= md.getColumnCount(); i++)
					System.out.println("rsmd " + md.getColumnName(i) + " "
						+ md.getColumnTypeName(i) + " table=" + md.getTableName(i)
						+ " nullable=" + md.isNullable(i) + " auto=" + md.isAutoIncrement(i));
			}
		}
	}
}
