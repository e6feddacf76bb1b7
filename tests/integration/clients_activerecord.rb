# SPDX-License-Identifier: Apache-2.0
# clients_activerecord.rb: drives Rails' ActiveRecord (Debian ruby-activerecord, over ruby-pg)
# through a migration, models with associations and validations, queries, transactions,
# upserts, schema introspection and errors, one line per step, for test_clients.sh to compare
# with PostgreSQL 15. Usage: clients_activerecord.rb HOST PORT pg|shardlite
require 'active_record'
require 'bigdecimal'

host, port, TARGET = ARGV
VERBOSE = ENV['CLIENTS_VERBOSE']
ActiveRecord::Base.establish_connection(adapter: 'postgresql', host: host, port: port.to_i,
                                        username: 'postgres', database: 'acme')
ActiveRecord::Base.logger = Logger.new($stderr) if VERBOSE
ActiveRecord::Migration.verbose = false
ActiveRecord::Base.default_timezone = :utc
CONN = ActiveRecord::Base.connection

def show(v)
  case v
  when Array then "[#{v.map { |x| show(x) }.join(', ')}]"
  when Hash then "{#{v.map { |k, x| "#{show(k)}=>#{show(x)}" }.join(', ')}}"
  when BigDecimal then "BigDecimal(#{v.to_s('F')})"
  when Time, ActiveSupport::TimeWithZone then "Time(#{v.utc.strftime('%F %T.%6N')})"
  else v.inspect
  end
end

# A known difference: on shardlite the block must raise an error with SQLSTATE `answer`;
# on PostgreSQL it must succeed. Both print the same line.
def gap(name, answer)
  ok = false
  got = begin
    yield
    ok = true
    'ok'
  rescue ActiveRecord::ActiveRecordError => e
    puts "    #{e.message.strip.tr("\n", '|')}" if VERBOSE
    e.cause.respond_to?(:result) ? e.cause.result&.error_field(PG::PG_DIAG_SQLSTATE) : e.class.name
  end
  good = TARGET == 'shardlite' ? got == answer : ok
  puts "#{name} #{good ? 'known gap' : "UNEXPECTED #{got}"}"
end

# Runs one step; an error prints its class and the SQLSTATE of its cause.
def step(name)
  puts "#{name} #{show(yield)}"
rescue ActiveRecord::ActiveRecordError => e
  state = e.cause.respond_to?(:result) ? e.cause.result&.error_field(PG::PG_DIAG_SQLSTATE) : nil
  puts "#{name} ERROR #{e.class.name} #{state}"
  puts "    #{e.message.strip.tr("\n", '|')}" if VERBOSE
end

class CreateShop < ActiveRecord::Migration[6.1]
  def change
    create_table :authors do |t|
      t.string :name, null: false, limit: 80
      t.string :email
      t.integer :age
      t.boolean :active, default: true
      t.timestamps
    end
    add_index :authors, :email, unique: true
    create_table :books do |t|
      t.references :author, null: false, foreign_key: true
      t.string :title, null: false
      t.text :blurb
      t.decimal :price, precision: 8, scale: 2
      t.float :rating
      t.bigint :copies, default: 0
      t.date :published_on
      t.datetime :released_at
      t.time :starts_at
      t.binary :cover
      t.json :meta
      t.jsonb :tags
      t.uuid :ref
      t.timestamps
    end
    add_index :books, [:author_id, :title]
  end
end

class AlterShop < ActiveRecord::Migration[6.1]
  def change
    add_column :books, :isbn, :string, limit: 20
    rename_column :books, :blurb, :summary
    remove_column :authors, :age, :integer
    change_column_null :books, :summary, true
  end
end

# change_column with default: and null: is one ALTER TABLE of three actions
# (ALTER COLUMN "copies" TYPE integer, ALTER COLUMN "copies" SET DEFAULT 1, ... SET NOT NULL)
class ChangeCopies < ActiveRecord::Migration[6.1]
  def change
    change_column :books, :copies, :integer, default: 1, null: false
  end
end

# the same column changed back in separate statements
class ChangeCopiesApart < ActiveRecord::Migration[6.1]
  def change
    change_column :books, :copies, :bigint
    change_column_null :books, :copies, true
    change_column :books, :copies, :integer
  end
end

# strong_migrations' way: constraints added without reading the rows, validated later
class NotValidConstraints < ActiveRecord::Migration[6.1]
  def change
    add_check_constraint :books, 'char_length(title) > 100', name: 'books_title_long', validate: false
    add_foreign_key :books, :authors, name: 'fk_books_author_later', validate: false
  end
end

class Author < ActiveRecord::Base
  has_many :books, dependent: :destroy
  validates :name, presence: true, length: { maximum: 80 }
  validates :email, uniqueness: true, allow_nil: true
end

class Book < ActiveRecord::Base
  belongs_to :author
  validates :title, presence: true
end

puts "adapter #{CONN.adapter_name} #{CONN.database_version / 10_000}"
step('migrate') do
  CreateShop.migrate(:up)
  AlterShop.migrate(:up)
  'ok'
end
step('change_column with default and null') do
  ChangeCopies.migrate(:up)
  c = CONN.columns('books').find { |x| x.name == 'copies' }
  [c.sql_type, c.default, c.null]
end
step('change_column apart') do
  ChangeCopiesApart.migrate(:up)
  c = CONN.columns('books').find { |x| x.name == 'copies' }
  [c.sql_type, c.default, c.null]
end
step('data_source_exists?') { [CONN.data_source_exists?('books'), CONN.data_source_exists?('nosuch')] }
step('tables') { CONN.tables.sort }
step('primary_key') { [CONN.primary_key('books'), CONN.primary_key('authors')] }
step('columns') do
  CONN.columns('books').map { |c| [c.name, c.sql_type, c.type, c.null, c.default, c.limit, c.precision, c.scale] }
end
step('indexes') { CONN.indexes('books').map { |i| [i.name, i.columns, i.unique] } + CONN.indexes('authors').map { |i| [i.name, i.columns, i.unique] } }
step('foreign_keys') do
  CONN.foreign_keys('books').map { |f| [f.from_table, f.to_table, f.column, f.primary_key, f.on_delete] }
end
step('column_names') { [Author.column_names, Book.column_names] }

step('create') do
  a = Author.create!(name: 'Ann', email: 'ann@example.com')
  b = Author.create!(name: 'Bob')
  a.books.create!(title: 'First', price: BigDecimal('12.50'), rating: 4.5, copies: 3,
                  published_on: Date.new(2024, 2, 29), released_at: Time.utc(2024, 1, 2, 3, 4, 5.5r),
                  starts_at: '12:34:56', cover: "\x00\x01\xff".b, meta: { 'k' => [1, 2] },
                  tags: %w[x y], ref: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')
  a.books.create!(title: 'Second', price: BigDecimal('7.25'), copies: 5)
  b.books.create!(title: 'Third', price: BigDecimal('1.00'))
  [a.id, b.id, a.active, Book.count]
end
step('read') do
  bk = Book.find_by(title: 'First')
  [bk.price, bk.rating, bk.copies, bk.published_on, bk.released_at, bk.starts_at&.strftime('%T'),
   bk.cover.bytes, bk.meta, bk.tags, bk.ref, bk.summary, bk.author.name, bk.created_at.class.name]
end
step('defaults') { b = Book.find_by(title: 'Third'); [b.copies, b.isbn, b.summary] }
step('update') do
  bk = Book.find_by(title: 'Second')
  bk.update!(summary: 'changed', copies: 6)
  [Book.where(copies: 6).pluck(:title, :summary), Book.where(title: 'Third').update_all(isbn: '978')]
end
step('validations') do
  a = Author.new(name: '', email: 'ann@example.com')
  [a.valid?, a.errors.full_messages.sort]
end
step('where') do
  [Book.where('price > ?', 5).order(:title).pluck(:title),
   Book.where(author: Author.find_by(name: 'Ann')).order(price: :desc).pluck(:price),
   Book.where(title: %w[First Third]).where.not(summary: nil).count,
   Book.where('title LIKE ?', 'S%').exists?]
end
step('joins group') do
  [Author.joins(:books).group('authors.name').order('authors.name').count,
   Author.joins(:books).group(:name).order(:name).sum('books.price'),
   Book.group(:author_id).order(:author_id).maximum(:copies),
   Book.average(:price).round(2), Book.sum(:copies), Book.minimum(:published_on)]
end
step('includes') do
  Author.includes(:books).order(:name).map { |a| [a.name, a.books.sort_by(&:title).map(&:title)] }
end
step('eager_load') do
  Author.eager_load(:books).where(books: { title: 'First' }).map { |a| [a.name, a.books.size] }
end
step('find_or_create_by') do
  c1 = Author.find_or_create_by(name: 'Cy')
  c2 = Author.find_or_create_by(name: 'Cy')
  [c1.id == c2.id, Author.where(name: 'Cy').count]
end
step('transaction rollback') do
  Author.transaction do
    Author.create!(name: 'Dan')
    raise ActiveRecord::Rollback
  end
  Author.transaction do
    Author.create!(name: 'Eve')
    Author.transaction(requires_new: true) do
      Author.create!(name: 'Fay')
      raise ActiveRecord::Rollback
    end
  end
  Author.order(:name).pluck(:name)
end
step('insert_all') do
  r = Author.insert_all([{ name: 'Gus', email: 'gus@x', created_at: Time.now, updated_at: Time.now },
                         { name: 'Hal', email: 'ann@example.com', created_at: Time.now, updated_at: Time.now }])
  [r.rows.size, Author.where(name: %w[Gus Hal]).pluck(:name)]
end
step('upsert_all') do
  now = Time.utc(2024, 5, 6)
  r = Author.upsert_all([{ name: 'Gus2', email: 'gus@x', created_at: now, updated_at: now },
                         { name: 'Ida', email: 'ida@x', created_at: now, updated_at: now }],
                        unique_by: :email)
  [r.rows.size, Author.where(email: %w[gus@x ida@x]).order(:email).pluck(:name)]
end
step('destroy dependent') do
  Author.find_by(name: 'Bob').destroy
  [Author.count, Book.count]
end
step('record not unique') do
  Author.create!(name: 'Dup', email: 'dup@x')
  Author.new(name: 'Dup2', email: 'dup@x').save!(validate: false)
end
step('invalid foreign key') { Book.new(title: 'x', author_id: 9999).save!(validate: false) }
step('not null') { Book.new(author_id: Author.first.id).save!(validate: false) }
step('record invalid') do
  Author.create!(name: '')
rescue ActiveRecord::RecordInvalid => e
  e.record.errors.full_messages
end
step('sanitized sql') do
  CONN.select_rows(Author.sanitize_sql(['SELECT ?::text || ?, ?::int + 1', "it's", 'x', 41]))
end
step('exec_query') do
  r = CONN.exec_query('SELECT title, price, copies FROM books WHERE copies > $1 ORDER BY title', 'q',
                      [ActiveRecord::Relation::QueryAttribute.new('copies', 2, ActiveRecord::Type::Integer.new)])
  [r.columns, r.rows, r.column_types.transform_values { |t| t.class.name }]
end
step('constraints with validate: false') do
  NotValidConstraints.migrate(:up)
  [CONN.check_constraints('books').map { |c| [c.name, c.options[:validate]] },
   CONN.foreign_keys('books').map { |f| [f.name, f.options[:validate]] }.sort]
end
step('a new row meets the unvalidated check') { Book.create!(title: 'short', author: Author.first) }
step('validate_check_constraint') { CONN.validate_check_constraint :books, name: 'books_title_long' }
step('validate_foreign_key') do
  CONN.validate_foreign_key :books, name: 'fk_books_author_later'
  CONN.foreign_keys('books').map { |f| [f.name, f.options[:validate]] }.sort
end
step('remove_check_constraint') { CONN.remove_check_constraint :books, name: 'books_title_long'; 'ok' }
# enable_extension 'citext' and t.citext (Rails' case-insensitive e-mail columns): a unique
# index ignores case, where finds any spelling, the column reads back as :citext
class CreateMembers < ActiveRecord::Migration[6.1]
  def change
    enable_extension 'citext'
    create_table :members do |t|
      t.citext :email, null: false
      t.index :email, unique: true
    end
  end
end

class Member < ActiveRecord::Base; end

step('citext') do
  CreateMembers.migrate(:up)
  Member.create!(email: 'Bob@Example.org')
  Member.create!(email: 'carol@example.org')
  Member.create!(email: 'Alice@example.org')
  dup = begin
    Member.create!(email: 'bob@example.ORG')
    'created'
  rescue ActiveRecord::RecordNotUnique
    'RecordNotUnique'
  end
  [Member.columns_hash['email'].type, Member.columns_hash['email'].sql_type,
   Member.where(email: 'BOB@example.org').pluck(:email), dup,
   Member.where('email LIKE ?', 'bob%').count, Member.order(:email).pluck(:email)]
end
# extension_enabled? reads pg_available_extensions' installed_version
puts "citext extension_enabled? #{CONN.extension_enabled?('citext').inspect}"
step('citext drop') do
  CreateMembers.migrate(:down) # DROP TABLE, then DROP EXTENSION IF EXISTS "citext" CASCADE
  [CONN.data_source_exists?('members'), CONN.select_values("SELECT extname FROM pg_extension WHERE extname = 'citext'")]
end
step('drop') do
  CONN.drop_table :books
  CONN.drop_table :authors
  [CONN.data_source_exists?('books')]
end
puts 'done'
