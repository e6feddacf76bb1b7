# SPDX-License-Identifier: Apache-2.0
# clients_ruby.rb: drives Ruby's pg gem (Debian ruby-pg) through what applications use — typed
# parameters, the basic type map, prepared statements, transactions, COPY, single-row mode,
# errors — one line per step, for test_clients.sh to compare with PostgreSQL 15.
# Usage: clients_ruby.rb CONNINFO pg|shardlite   (on shardlite the tenant comes from options)
require 'pg'
require 'bigdecimal'

conninfo, TARGET = ARGV
conninfo += " options='-c tenant=rb'" if TARGET == 'shardlite'
$conn = PG.connect(conninfo)
VERBOSE = ENV['CLIENTS_VERBOSE']

def show(v)
  case v
  when Array then "[#{v.map { |x| show(x) }.join(', ')}]"
  when BigDecimal then "BigDecimal(#{v.to_s('F')})"
  when Time then "Time(#{v.utc.strftime('%F %T.%6N')})"
  else v.inspect
  end
end

def step(name)
  puts "#{name} #{show(yield)}"
rescue PG::Error => e
  puts "#{name} ERROR #{e.class.name} #{e.result&.error_field(PG::PG_DIAG_SQLSTATE)}"
  puts "    #{e.message.strip.tr("\n", '|')}" if VERBOSE
  $conn.exec('ROLLBACK') if $conn.transaction_status != PG::PQTRANS_IDLE
end

# A known difference: on shardlite the block must give `answer` (a SQLSTATE, or the inspect
# of its value); on PostgreSQL it must succeed. Both print the same line.
def gap(name, answer)
  ok = false
  got = begin
    v = yield.inspect
    ok = true
    v
  rescue PG::Error => e
    puts "    #{e.message.strip.tr("\n", '|')}" if VERBOSE
    $conn.exec('ROLLBACK') if $conn.transaction_status != PG::PQTRANS_IDLE
    e.result&.error_field(PG::PG_DIAG_SQLSTATE) || e.class.name
  rescue StandardError => e
    e.class.name
  end
  good = TARGET == 'shardlite' ? got == answer : ok
  puts "#{name} #{good ? 'known gap' : "UNEXPECTED #{got}"}"
end

def rows(sql, params = nil)
  r = params ? $conn.exec_params(sql, params) : $conn.exec(sql)
  r.values
end

puts "server_version #{$conn.server_version / 10_000}"
puts "parameters #{$conn.parameter_status('server_encoding')} #{$conn.parameter_status('integer_datetimes')}"
step('create') do
  $conn.exec(<<~SQL).cmd_status
    CREATE TABLE vals (id bigserial PRIMARY KEY, i int4, b int8, f float8, n numeric(12,4),
      s text, by bytea, t bool, d date, ts timestamp, tz timestamptz, u uuid, j jsonb,
      ia int4[], ta text[])
  SQL
end
# pg's BasicTypeRegistry finds the types' coders by "JOIN pg_proc AS ti ON ti.oid =
# t.typinput" (a regproc column compared with an OID)
step('basic type map') do
  tm = PG::BasicTypeMapForQueries.new($conn)
  [tm.class.name, PG::BasicTypeMapForResults.new($conn).class.name]
end
row = [42, 2**40, 1.5, BigDecimal('12.3456'), "héllo 'q'",
       { value: "\x00\x01\xff".b, type: 17, format: 1 }, true, '2024-02-29',
       '2024-01-02 03:04:05.678', '2024-01-02 03:04:05+00',
       'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"k": [1, 2]}', '{1,2,NULL}', '{a,"b c"}']
INS = 'INSERT INTO vals (i, b, f, n, s, by, t, d, ts, tz, u, j, ia, ta) VALUES ' \
      "(#{(1..14).map { |i| "$#{i}" }.join(', ')}) RETURNING id"
step('insert') { rows(INS, row) }
step('insert nulls') { rows(INS, [nil] * 14) }
step('insert array encoder') do
  ia = PG::TextEncoder::Array.new(elements_type: PG::TextEncoder::Integer.new).encode([1, nil, 3])
  $conn.exec_params('INSERT INTO vals (i, f, t, ia) VALUES ($1, $2, $3, $4)',
                    [7, 2.5, false, ia]).cmd_tuples
end
SEL = 'SELECT i, b, f, n, s, by, t, d, ts, tz, u, j, ia, ta FROM vals ORDER BY id'
step('select') { rows(SEL) }
step('basic type map results') do
  r = $conn.exec('SELECT i, b, f, n, s, t, d, ts, ia, ta, j FROM vals WHERE i = 42')
  r.type_map = PG::BasicTypeMapForResults.new($conn)
  r.values
end
step('basic type map params') do
  $conn.exec_params('SELECT $1::int4 + 1, $2::text, $3::bool, $4::int4[]', [41, 'x', true, [1, 2]],
                    0, PG::BasicTypeMapForQueries.new($conn)).values
end
step('decoded') do
  dec = PG::TextDecoder::Array.new(elements_type: PG::TextDecoder::Integer.new)
  r = $conn.exec('SELECT ia, t, n, ts FROM vals WHERE ia IS NOT NULL ORDER BY id')
  r.values.map { |ia, t, n, ts| [dec.decode(ia), PG::TextDecoder::Boolean.new.decode(t), BigDecimal(n || '0'), ts] }
end
step('column types') do
  r = $conn.exec(SEL + ' LIMIT 1')
  (0...r.nfields).map { |i| [r.fname(i), r.ftype(i), r.fmod(i)] } + [r.ntuples, r.cmd_status]
end
step('binary results') do
  $conn.exec_params('SELECT i, b, by, t, f FROM vals WHERE i = $1', [42], 1).values.first.map(&:bytes)
end
step('prepared') do
  $conn.prepare('by_i', 'SELECT s, n FROM vals WHERE i = $1')
  d = $conn.describe_prepared('by_i')
  [d.nparams, d.paramtype(0), $conn.exec_prepared('by_i', [42]).values,
   $conn.exec_prepared('by_i', ['7']).values]
end
step('deallocate') { $conn.exec('DEALLOCATE by_i').cmd_status }
step('transaction') do
  out = []
  $conn.transaction do |c|
    c.exec("INSERT INTO vals (i, s) VALUES (100, 'kept')")
    c.exec('SAVEPOINT sp')
    begin
      c.exec("INSERT INTO vals (i) VALUES ('x')")
    rescue PG::InvalidTextRepresentation => e
      out << e.result.error_field(PG::PG_DIAG_SQLSTATE)
      out << c.transaction_status
      c.exec('ROLLBACK TO SAVEPOINT sp')
    end
  end
  begin
    $conn.transaction do |c|
      c.exec("INSERT INTO vals (i, s) VALUES (101, 'lost')")
      c.exec('SELECT 1/0')
    end
  rescue PG::DivisionByZero => e
    out << e.class.name
  end
  out + rows('SELECT i, s FROM vals WHERE i >= 100 ORDER BY i')
end
step('copy') do
  $conn.exec('CREATE TABLE c (a int, b text)')
  $conn.copy_data('COPY c FROM STDIN WITH (FORMAT csv)') do
    $conn.put_copy_data("1,one\n2,\"t,wo\"\n3,\n")
  end
  out = +''
  $conn.copy_data('COPY (SELECT * FROM c ORDER BY a) TO STDOUT') do
    while (line = $conn.get_copy_data)
      out << line
    end
  end
  out
end
step('single row mode') do
  $conn.send_query('SELECT a FROM c ORDER BY a')
  $conn.set_single_row_mode
  got = []
  while (r = $conn.get_result)
    got << [r.result_status == PG::PGRES_SINGLE_TUPLE, r.values]
  end
  got
end
step('errors') do
  $conn.exec('CREATE TABLE p (id int PRIMARY KEY)')
  $conn.exec('CREATE TABLE ch (p int NOT NULL REFERENCES p, v int CHECK (v > 0))')
  ['INSERT INTO p VALUES (1), (1)', 'INSERT INTO ch VALUES (2, 1)', 'INSERT INTO ch VALUES (NULL, 1)',
   'SELECT nosuch FROM p', 'SELECT * FROM nosuch', 'SELEC 1', 'SELECT 1/0'].map do |sql|
    $conn.exec(sql)
  rescue PG::Error => e
    [e.class.name, e.result.error_field(PG::PG_DIAG_SQLSTATE), e.result.error_field(PG::PG_DIAG_SEVERITY)]
  end
end
step('escape') { [$conn.escape_string("it's"), $conn.escape_literal("a'b"), $conn.quote_ident('Mixed')] }
$conn.close
puts 'done'
