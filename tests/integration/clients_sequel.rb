# SPDX-License-Identifier: Apache-2.0
# clients_sequel.rb: Ruby Sequel (Debian ruby-sequel, with ruby-sequel-pg's faster row fetching)
# over ruby-pg — schema creation through its DSL, schema parsing (DB.schema, DB.indexes,
# DB.foreign_key_list, primary keys), CRUD, transactions and savepoints, its migrator; one line
# per step, for test_clients.sh to compare with PostgreSQL 15.
# Usage: clients_sequel.rb HOST PORT pg|shardlite
require 'bigdecimal'
require 'date'
require 'logger'
require 'sequel'

host, port, TARGET = ARGV
VERBOSE = ENV['CLIENTS_VERBOSE']
DB = Sequel.connect(adapter: 'postgres', host: host, port: port.to_i, user: 'postgres',
                    database: 'acme')
DB.loggers << Logger.new($stderr) if VERBOSE
DB.extension :pg_json, :pg_array
Sequel.extension :migration

def show(v)
  case v
  when Array then "[#{v.map { |x| show(x) }.join(', ')}]"
  when Hash then "{#{v.map { |k, x| "#{show(k)}=>#{show(x)}" }.join(', ')}}"
  when BigDecimal then "BigDecimal(#{v.to_s('F')})"
  when Time then "Time(#{v.utc.strftime('%F %T.%6N')})"
  when Sequel::SQL::Blob then "Blob(#{v.unpack1('H*')})"
  when Sequel::Postgres::JSONBHash, Sequel::Postgres::JSONBArray then "jsonb#{show(v.to_a.to_h)}"
  when Sequel::Postgres::PGArray then "pgarray#{show(v.to_a)}"
  else v.inspect
  end
end

def sqlstate(e)
  w = e.respond_to?(:wrapped_exception) ? e.wrapped_exception : nil
  w.respond_to?(:result) && w.result ? w.result.error_field(PG::PG_DIAG_SQLSTATE) : e.class.name
end

# A known difference: on shardlite the block must raise an error with SQLSTATE `answer`;
# on PostgreSQL it must succeed. Both print the same line.
def gap(name, answer)
  ok = false
  got = begin
    yield
    ok = true
    'ok'
  rescue Sequel::Error => e
    puts "    #{e.message.strip.tr("\n", '|')}" if VERBOSE
    sqlstate(e)
  end
  good = TARGET == 'shardlite' ? got == answer : ok
  puts "#{name} #{good ? 'known gap' : "UNEXPECTED #{got}"}"
end

# Runs one step; an error prints its class and SQLSTATE.
def step(name)
  puts "#{name} #{show(yield)}"
rescue Sequel::Error => e
  puts "#{name} ERROR #{e.class.name} #{sqlstate(e)}"
  puts "    #{e.message.strip.tr("\n", '|')}" if VERBOSE
end

puts "server_version #{DB.server_version / 10_000}"
step('create_table') do
  DB.create_table(:authors) do
    primary_key :id
    String :name, size: 80, null: false, unique: true
    Date :born
    TrueClass :active, default: true
    DateTime :created_at, default: Sequel::CURRENT_TIMESTAMP
  end
  DB.create_table(:books) do
    primary_key :id, type: :Bignum
    foreign_key :author_id, :authors, on_delete: :cascade, null: false
    String :title, text: true, null: false
    BigDecimal :price, size: [10, 2], default: 0
    Float :rating
    File :cover
    column :meta, :jsonb
    column :tags, 'text[]'
    column :ref, :uuid
    index [:author_id, :title], unique: true, name: :books_author_title
    index :price
    check { price >= 0 }
  end
  DB.tables.sort
end
step('table_exists?') { [DB.table_exists?(:books), DB.table_exists?(:nope)] }
step('schema') do
  DB.schema(:books).map do |name, c|
    [name, c[:db_type], c[:type], c[:allow_null], c[:primary_key], c[:default],
     c[:auto_increment], c[:max_length]]
  end
end
step('schema authors') { DB.schema(:authors).map { |n, c| [n, c[:db_type], c[:default]] } }
step('primary_key') { [DB.primary_key(:books), DB.primary_key_sequence(:authors)] }
step('indexes') { DB.indexes(:books).sort.to_h }
step('foreign_key_list') { DB.foreign_key_list(:books) }
step('views') { DB.create_view(:cheap, DB[:books].where { price < 10 }); DB.views }

AUTHORS = DB[:authors]
BOOKS = DB[:books]
step('insert') { AUTHORS.insert(name: 'Ann', born: Date.new(1970, 5, 6)) }
step('multi_insert') { AUTHORS.returning(:id).multi_insert([{ name: 'Bob', active: true }, { name: 'Cy', active: false }]) }
step('insert book') do
  BOOKS.insert(author_id: 1, title: 'First', price: BigDecimal('12.50'), rating: 4.5,
               cover: Sequel.blob("\x00\xff".b), meta: Sequel.pg_jsonb('tags' => %w[a b]),
               tags: Sequel.pg_array(%w[x y], :text), ref: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')
end
step('insert book2') { BOOKS.insert(author_id: 1, title: 'Second') }
step('first') { BOOKS.where(title: 'First').select(:title, :price, :rating, :cover, :meta, :tags, :ref).first }
step('join') do
  AUTHORS.left_join(:books, author_id: :id).group_and_count(Sequel[:authors][:name])
         .order(Sequel[:authors][:name]).all
end
step('update') { BOOKS.where(author_id: 1).update(price: Sequel[:price] + 1) }
step('where') { AUTHORS.where(name: %w[Bob Cy]).exclude(:active).select_map(:name) }
step('like') { AUTHORS.where(Sequel.like(:name, 'B%')).select_map(:name) }
step('sum') { BOOKS.sum(:price) }
step('returning') { AUTHORS.where(name: 'Ann').returning(:id, :active).update(active: false) }
step('upsert') do
  AUTHORS.insert_conflict(target: :name, update: { active: true }).insert(name: 'Ann')
  AUTHORS.where(name: 'Ann').get(:active)
end
step('placeholders') { DB['SELECT ?::int + 1 AS a, ? AS b', 41, 'x'].all }
step('prepared') do
  ps = AUTHORS.where(name: :$n).prepare(:select, :by_name)
  ps.call(n: 'Bob').map { |r| r[:name] }
end

step('transaction savepoint') do
  DB.transaction do
    AUTHORS.insert(name: 'Eve')
    DB.transaction(savepoint: true, rollback: :always) { AUTHORS.insert(name: 'Fay') }
  end
  AUTHORS.where(name: %w[Eve Fay]).select_map(:name)
end
step('transaction rollback') do
  DB.transaction { AUTHORS.insert(name: 'Gone'); raise Sequel::Rollback }
  AUTHORS.where(name: 'Gone').count
end
step('unique') { AUTHORS.insert(name: 'Bob') }
step('foreign key') { BOOKS.insert(author_id: 999, title: 'x') }
step('not null') { BOOKS.insert(author_id: 1, title: nil) }
step('check') { BOOKS.insert(author_id: 1, title: 'neg', price: -1) }
step('undefined table') { DB[:nope].all }

MIGRATIONS = [
  Sequel.migration do
    change do
      create_table(:events) do
        primary_key :id
        String :kind, null: false
        Integer :n
      end
    end
  end,
  Sequel.migration do
    up do
      alter_table(:events) do
        add_column :at, DateTime
        add_index :kind
        rename_column :n, :count
      end
    end
    down do
      alter_table(:events) do
        drop_index :kind
        drop_column :at
        rename_column :count, :n
      end
    end
  end
].freeze

# Sequel's IntegerMigrator over an in-memory list: schema_info holds the version.
class ListMigrator < Sequel::IntegerMigrator
  def initialize(db, migrations, opts = {})
    @list = migrations
    super(db, '.', opts)
  end

  def get_migration_files
    [nil] + @list.map.with_index { |_, i| "#{i + 1}_m.rb" }
  end

  def load_migration_file(file)
    @list[file.to_i - 1]
  end
end

step('migrate up') do
  ListMigrator.new(DB, MIGRATIONS).run
  [DB[:schema_info].get(:version), DB.schema(:events).map { |n, c| [n, c[:db_type]] },
   DB.indexes(:events).keys]
end
step('migrate down') do
  ListMigrator.new(DB, MIGRATIONS, target: 1).run
  [DB[:schema_info].get(:version), DB.schema(:events).map(&:first)]
end
step('migrate zero') { ListMigrator.new(DB, MIGRATIONS, target: 0).run; DB.tables.sort }
step('alter_table') do
  DB.drop_view(:cheap) # PostgreSQL refuses to change the type of a column a view reads
  BOOKS.where(ref: nil).update(ref: Sequel.function(:gen_random_uuid))
  DB.alter_table(:books) do
    set_column_type :rating, :numeric, size: [3, 1]
    set_column_default :title, 'untitled'
    add_column :body, String, text: true
    set_column_not_null :ref
    add_constraint(:rating_range) { rating <= 10 }
  end
  DB.schema(:books, reload: true).map { |n, c| [n, c[:db_type], c[:default], c[:allow_null]] }
end
# the constraint's text differs (SQLite keeps CHECK (rating <= 10), docs/clients.md pg_dump)
step('check_constraints') { DB.check_constraints(:books).transform_values { |v| v[:columns] } }
step('drop_constraint') { DB.alter_table(:books) { drop_constraint :rating_range }; DB.check_constraints(:books).keys }
step('reset sequence') { DB.reset_primary_key_sequence(:authors) }
step('create_join_table') do
  DB.create_table(:tags) { primary_key :id; String :name, unique: true }
  DB.create_join_table(book_id: :books, tag_id: :tags)
  [DB.primary_key(:books_tags), DB.indexes(:books_tags), DB.foreign_key_list(:books_tags).map { |f| f[:table] }]
end

# Models with associations (Sequel::Model reads each table's schema as above).
class Author < Sequel::Model(:authors)
  one_to_many :books
end
class Book < Sequel::Model(:books)
  many_to_one :author
  many_to_many :tags
end
class Tag < Sequel::Model(:tags)
  many_to_many :books
end
step('model create') do
  a = Author.create(name: 'Moe')
  b = a.add_book(title: 'Third', ref: 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')
  b.add_tag(Tag.create(name: 'ruby'))
  [b.author.name, b.tags.map(&:name), Book.db_schema[:price][:type]]
end
step('model eager') do
  Author.where(name: 'Moe').eager(books: :tags).all.map { |x| [x.name, x.books.map { |y| y.tags.map(&:name) }] }
end
step('model eager_graph') { Author.eager_graph(:books).order(Sequel[:authors][:name]).all.map { |x| [x.name, x.books.size] } }
step('model update') { a = Author.first(name: 'Moe'); a.update(active: false); a.refresh.active }
step('window') { BOOKS.select(:title, Sequel.function(:row_number).over(order: :id).as(:rn)).order(:id).all }
step('named placeholders') { DB['SELECT :a::int + 1 AS a', a: 5].all }
step('paged_each') { r = []; BOOKS.order(:id).paged_each(rows_per_fetch: 1) { |x| r << x[:title] }; r }
step('use_cursor') { AUTHORS.order(:id).use_cursor(rows_per_fetch: 2).map { |x| x[:name] } }
step('copy_table') { DB.copy_table(AUTHORS.select(:id, :name).order(:id)) }
step('copy_into') { DB.copy_into(:authors, data: "99\tZed\n", columns: %i[id name]); AUTHORS.count }
step('for_update') { DB.transaction { AUTHORS.for_update.where(name: 'Bob').get(:name) } }
step('isolation') { DB.transaction(isolation: :serializable) { AUTHORS.count } }
step('notify') { DB.notify(:events, payload: 'x') }
step('drop join table') { DB.drop_join_table(book_id: :books, tag_id: :tags); DB.drop_table(:tags); DB.tables.sort }
step('delete cascade') { AUTHORS.where(name: 'Ann').delete; BOOKS.count }
step('drop') { DB.drop_table(:books, :authors, :schema_info); DB.tables }
DB.disconnect
puts 'done'
