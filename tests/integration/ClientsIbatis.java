// SPDX-License-Identifier: Apache-2.0
// ClientsIbatis.java: the iBATIS 2.3 Data Mapper (Debian libibatis-java; MyBatis 3 is its renamed
// successor, which Debian 12 does not package) over pgJDBC: an XML sql map with selectKey and
// INSERT ... RETURNING keys, result maps, dynamic SQL (isNotNull, iterate IN lists), update and
// delete, a batch, a rolled-back transaction; one line per step for test_clients.sh.
// Usage: java -cp ibatis.jar:postgresql.jar:. ClientsIbatis JDBC_URL pg|shardlite
import com.ibatis.sqlmap.client.SqlMapClient;
import com.ibatis.sqlmap.client.SqlMapClientBuilder;
import java.io.File;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;

public class ClientsIbatis {
	/* The bean the result map fills (iBATIS 2 sets JavaBean properties). */
	public static class Item {
		private Integer id;
		private String name;
		private BigDecimal price;
		private Timestamp made;
		private boolean ok;
		private byte[] data;
		private List<Integer> ids;

		public Integer getId() { return id; }
		public void setId(Integer v) { id = v; }
		public String getName() { return name; }
		public void setName(String v) { name = v; }
		public BigDecimal getPrice() { return price; }
		public void setPrice(BigDecimal v) { price = v; }
		public Timestamp getMade() { return made; }
		public void setMade(Timestamp v) { made = v; }
		public boolean isOk() { return ok; }
		public void setOk(boolean v) { ok = v; }
		public byte[] getData() { return data; }
		public void setData(byte[] v) { data = v; }
		public List<Integer> getIds() { return ids; }
		public void setIds(List<Integer> v) { ids = v; }

		public String toString()
		{
			return id + " " + name + " " + price + " " + made + " " + ok + " " + Arrays.toString(data);
		}
	}

	static final String CONFIG = """
		<?xml version="1.0" encoding="UTF-8"?>
		<!DOCTYPE sqlMapConfig PUBLIC "-//ibatis.apache.org//DTD SQL Map Config 2.0//EN"
		  "http://ibatis.apache.org/dtd/sql-map-config-2.dtd">
		<sqlMapConfig>
		  <settings useStatementNamespaces="true"/>
		  <transactionManager type="JDBC" commitRequired="true">
		    <dataSource type="SIMPLE">
		      <property name="JDBC.Driver" value="org.postgresql.Driver"/>
		      <property name="JDBC.ConnectionURL" value="${url}"/>
		      <property name="JDBC.Username" value="postgres"/>
		      <property name="JDBC.Password" value=""/>
		      <property name="Pool.MaximumActiveConnections" value="2"/>
		    </dataSource>
		  </transactionManager>
		  <sqlMap url="${map}"/>
		</sqlMapConfig>
		""";

	static final String MAP = """
		<?xml version="1.0" encoding="UTF-8"?>
		<!DOCTYPE sqlMap PUBLIC "-//ibatis.apache.org//DTD SQL Map 2.0//EN"
		  "http://ibatis.apache.org/dtd/sql-map-2.dtd">
		<sqlMap namespace="item">
		  <typeAlias alias="item" type="ClientsIbatis$Item"/>
		  <resultMap id="itemMap" class="item">
		    <result property="id" column="item_id"/>
		    <result property="name" column="item_name"/>
		    <result property="price" column="price"/>
		    <result property="made" column="made"/>
		    <result property="ok" column="ok"/>
		    <result property="data" column="data"/>
		  </resultMap>
		  <sql id="cols">id AS item_id, name AS item_name, price, made, ok, data</sql>
		  <insert id="insert" parameterClass="item">
		    <selectKey keyProperty="id" resultClass="int" type="pre">
		      SELECT nextval('item_id_seq')::int4
		    </selectKey>
		    INSERT INTO item (id, name, price, made, ok, data)
		    VALUES (#id#, #name#, #price#, #made#, #ok#, #data#)
		  </insert>
		  <select id="insertReturning" parameterClass="item" resultClass="int">
		    INSERT INTO item (name, price, made, ok) VALUES (#name#, #price#, #made#, #ok#) RETURNING id
		  </select>
		  <insert id="insertPlain" parameterClass="item">
		    INSERT INTO item (name, price, ok) VALUES (#name#, #price#, #ok#)
		  </insert>
		  <select id="get" parameterClass="int" resultMap="itemMap">
		    SELECT <include refid="cols"/> FROM item WHERE id = #value#
		  </select>
		  <select id="find" parameterClass="item" resultMap="itemMap">
		    SELECT <include refid="cols"/> FROM item
		    <dynamic prepend="WHERE">
		      <isNotNull prepend=" AND " property="name">name LIKE #name#</isNotNull>
		      <isNotNull prepend=" AND " property="price">price &gt;= #price#</isNotNull>
		      <isNotEmpty prepend=" AND " property="ids">
		        id IN <iterate property="ids" open="(" close=")" conjunction=",">#ids[]#</iterate>
		      </isNotEmpty>
		    </dynamic>
		    ORDER BY id
		  </select>
		  <select id="summary" resultClass="java.util.HashMap">
		    SELECT ok, count(*) AS n, sum(price) AS total, max(made) AS latest FROM item
		    GROUP BY ok ORDER BY ok
		  </select>
		  <select id="page" parameterClass="map" resultClass="string">
		    SELECT name FROM item ORDER BY name LIMIT #limit# OFFSET #offset#
		  </select>
		  <update id="reprice" parameterClass="map">
		    UPDATE item SET price = price * #factor#, ok = NOT ok WHERE price &lt; #below#
		  </update>
		  <delete id="delete" parameterClass="int">DELETE FROM item WHERE id &gt; #value#</delete>
		  <select id="count" resultClass="int">SELECT count(*)::int4 FROM item</select>
		</sqlMap>
		""";

	interface Step {
		Object run() throws Exception;
	}

	static SqlMapClient sql;

	/* One line per step; an SQLException prints its SQLSTATE. */
	static void step(String name, Step s) {
		try {
			System.out.println(name + " " + s.run());
		} catch (Exception e) {
			String what = e.getClass().getSimpleName();
			for (Throwable t = e; t != null; t = t.getCause())
				if (t instanceof SQLException && ((SQLException) t).getSQLState() != null)
					what = "SQLSTATE " + ((SQLException) t).getSQLState();
			System.out.println(name + " ERROR " + what);
			if (System.getenv("CLIENTS_VERBOSE") != null)
				System.out.println("    " + String.valueOf(e.getMessage()).replace('\n', '|'));
		}
	}

	static Item item(String name, String price, int day) {
		Item it = new Item();
		it.name = name;
		it.price = new BigDecimal(price);
		it.made = Timestamp.valueOf("2024-05-0" + day + " 10:20:30.25");
		it.ok = day % 2 == 1;
		it.data = new byte[] {1, (byte) 0xee, (byte) day};
		return it;
	}

	public static void main(String[] args) throws Exception {
		TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
		File map = File.createTempFile("clients-ibatis", ".xml");
		map.deleteOnExit();
		Files.writeString(map.toPath(), MAP);
		Properties p = new Properties();
		p.setProperty("url", args[0]);
		p.setProperty("map", map.toURI().toString());
		sql = SqlMapClientBuilder.buildSqlMapClient(new StringReader(CONFIG), p);
		step("create", () -> {
			sql.startTransaction();
			try {
				Connection c = sql.getCurrentConnection();
				try (Statement st = c.createStatement()) {
					st.execute("CREATE TABLE item (id serial PRIMARY KEY, name varchar(40) NOT NULL,"
						+ " price numeric(10,2), made timestamp, ok boolean NOT NULL DEFAULT false, data bytea)");
				}
				sql.commitTransaction();
			} finally {
				sql.endTransaction();
			}
			return "ok";
		});
		step("insert selectKey", () -> {
			List<Object> out = new ArrayList<>();
			for (int i = 1; i <= 3; i++) {
				Item it = item("item " + i, i + "0.50", i);
				out.add(sql.insert("item.insert", it));
				out.add(it.id);
			}
			return out;
		});
		step("insert returning", () -> sql.queryForObject("item.insertReturning", item("returned", "7.25", 4)));
		step("get", () -> sql.queryForObject("item.get", 2));
		step("dynamic none", () -> sql.queryForList("item.find", new Item()).size());
		step("dynamic if", () -> {
			Item q = new Item();
			q.name = "item%";
			q.price = new BigDecimal("20");
			return sql.queryForList("item.find", q);
		});
		step("dynamic in list", () -> {
			Item q = new Item();
			q.ids = Arrays.asList(1, 3, 4, 99);
			return sql.queryForList("item.find", q);
		});
		step("map result", () -> {
			List<String> out = new ArrayList<>();
			for (Object o : sql.queryForList("item.summary")) {
				Map<?, ?> m = (Map<?, ?>) o;
				out.add(m.get("ok") + " " + m.get("n") + " " + m.get("total") + " " + m.get("latest"));
			}
			return out;
		});
		step("paging", () -> {
			Map<String, Object> m = new HashMap<>();
			m.put("limit", 2);
			m.put("offset", 1);
			return sql.queryForList("item.page", m);
		});
		step("update", () -> {
			Map<String, Object> m = new HashMap<>();
			m.put("factor", new BigDecimal("1.5"));
			m.put("below", new BigDecimal("25"));
			return sql.update("item.reprice", m) + " " + sql.queryForObject("item.get", 1);
		});
		step("batch", () -> {
			sql.startTransaction();
			try {
				sql.startBatch();
				for (int i = 0; i < 7; i++)
					sql.insert("item.insertPlain", item("batch " + i, "1.00", 1 + i % 9));
				int n = sql.executeBatch();
				sql.commitTransaction();
				return n + " " + sql.queryForObject("item.count");
			} finally {
				sql.endTransaction();
			}
		});
		step("rollback", () -> {
			sql.startTransaction();
			try {
				sql.insert("item.insertPlain", item("rolled back", "1.00", 1));
				sql.update("item.delete", 0);
				// no commitTransaction: endTransaction rolls back
			} finally {
				sql.endTransaction();
			}
			return sql.queryForObject("item.count");
		});
		step("error", () -> sql.insert("item.insertPlain", new Item()));
		step("delete", () -> sql.delete("item.delete", 4) + " " + sql.queryForObject("item.count"));
		System.out.println("done");
	}
}
