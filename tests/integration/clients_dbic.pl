# SPDX-License-Identifier: Apache-2.0
# clients_dbic.pl: DBIx::Class 0.0828 (Debian libdbix-class-perl) over DBD::Pg, with
# DBIx::Class::Schema::Loader (libdbix-class-schema-loader-perl) loading a schema from a
# database with serial keys, foreign keys, unique constraints, a view and comments (in memory,
# and dumped to files), then CRUD, relationships, prefetch, txn_do with nested savepoints, and
# ->deploy of a schema class through SQL::Translator; one line per step for test_clients.sh
# to compare with PostgreSQL 15.
# Usage: clients_dbic.pl DSN-ARGS pg|shardlite DUMP-DIR   (on shardlite the tenant comes from options)
use strict;
use warnings;
use DBI;
use Data::Dumper;
use File::Path qw(make_path remove_tree);
use DBIx::Class::Schema::Loader qw(make_schema_at);

$Data::Dumper::Indent = 0;
$Data::Dumper::Sortkeys = 1;
$Data::Dumper::Terse = 1;
$Data::Dumper::Useqq = 1;

my ($args, $target, $dump) = @ARGV;
$args .= ";options='-c tenant=dbic'" if $target eq 'shardlite';
my @conn = ("dbi:Pg:$args", 'postgres', '', { RaiseError => 1, PrintError => 0, AutoCommit => 1,
	pg_enable_utf8 => 1, quote_names => 1, auto_savepoint => 1 });
my $dbh = DBI->connect(@conn[0 .. 2], { RaiseError => 1, PrintError => 0, AutoCommit => 1 });
binmode STDOUT, ':utf8';

# The SQLSTATE of an exception from DBI or DBIx::Class.
sub state_of { my ($e) = @_; return $e =~ /\b([0-9A-Z]{5})\b/ && $e =~ /DBI/ ? $dbh->state : "$e" }

sub step {
	my ($name, $fn) = @_;
	my $out = eval { Dumper($fn->()) };
	if ($@) {
		my $e = $@;
		print "$name ERROR ", ($e =~ /SQLSTATE ([0-9A-Z]{5})|state: ([0-9A-Z]{5})/ ? ($1 // $2) : 'died'), "\n";
		print "    $e" if $ENV{CLIENTS_VERBOSE};
		return;
	}
	print "$name $out\n";
}

# A known difference: on shardlite the step must give $answer (the Dumper text of its value,
# or 'died'); on PostgreSQL it must succeed, giving $pg_answer when that is given.
sub gap {
	my ($name, $fn, $answer, $pg_answer) = @_;
	my $val;
	my $ok = eval { $val = Dumper($fn->()); 1 };
	my $got = $ok ? $val : 'died';
	print "    $@" if !$ok && $ENV{CLIENTS_VERBOSE};
	my $good = $target eq 'shardlite' ? $got eq $answer
		 : $ok && (!defined $pg_answer || $got eq $pg_answer);
	print "$name ", ($good ? 'known gap' : "UNEXPECTED $got"), "\n";
}

# A resultset's rows as plain hashes.
sub hri { my ($rs) = @_; $rs->result_class('DBIx::Class::ResultClass::HashRefInflator'); $rs->all }

step('create', sub {
	$dbh->do($_) for (
		q{CREATE TABLE artist (artistid serial PRIMARY KEY, name varchar(100) NOT NULL UNIQUE,
			rank int NOT NULL DEFAULT 13, born date, active boolean DEFAULT true)},
		q{COMMENT ON TABLE artist IS 'People who make records'},
		q{COMMENT ON COLUMN artist.rank IS 'chart position'},
		q{CREATE TABLE cd (cdid serial PRIMARY KEY,
			artist int NOT NULL REFERENCES artist (artistid) ON DELETE CASCADE,
			title text NOT NULL, year int, price numeric(6,2), CONSTRAINT cd_artist_title UNIQUE (artist, title))},
		q{CREATE TABLE track (trackid bigserial PRIMARY KEY,
			cd int NOT NULL REFERENCES cd ON DELETE CASCADE ON UPDATE CASCADE,
			position int NOT NULL, title varchar(200) NOT NULL, UNIQUE (cd, position))},
		q{CREATE TABLE tag (cd int REFERENCES cd, tag text NOT NULL, PRIMARY KEY (cd, tag))},
		q{CREATE VIEW artist_cds AS SELECT a.name, count(c.cdid) AS cds FROM artist a
			LEFT JOIN cd c ON c.artist = a.artistid GROUP BY a.name});
	1;
});

# Loaded in memory: sources, columns, keys and relationships as the loader read them
step('make_schema_at', sub {
	make_schema_at('My::Schema', { naming => 'current', use_namespaces => 1, quiet => 1 }, [@conn]);
	[sort My::Schema->sources];
});
my $schema = My::Schema->connect(@conn);
for my $src (sort $schema->sources) {
	step("source $src", sub {
		my $s = $schema->source($src);
		my %cols = map { my $i = { %{$s->column_info($_)} }; delete $i->{extra};
			($_ => $i) } $s->columns;
		[$s->name, [$s->columns], \%cols, [$s->primary_columns], {$s->unique_constraints},
		 { map { ($_ => $s->relationship_info($_)) } sort $s->relationships },
		 $s->isa('DBIx::Class::ResultSource::View') ? 'view' : 'table'];
	});
}

# Dumped to files: the comments become POD; the lines naming tables, columns and comments
step('dump', sub {
	remove_tree($dump);
	make_path($dump);
	make_schema_at('Dumped::Schema', { naming => 'current', use_namespaces => 1, quiet => 1,
		dump_directory => $dump, generate_pod => 1 }, [@conn]);
	my @out;
	for my $f (sort glob("$dump/Dumped/Schema/Result/*.pm")) {
		open my $fh, '<', $f or die;
		my @lines = grep { /^=head1 TABLE|^=head2|^__PACKAGE__->table|People|^chart|view_definition|^  SELECT|^   FROM|^     LEFT|^  GROUP|^__PACKAGE__->(has_many|belongs_to|add_unique)/ } <$fh>;
		chomp @lines;
		push @out, [$f =~ s{.*/}{}r, @lines];
	}
	remove_tree($dump);
	\@out;
});

step('create rows', sub {
	my $a = $schema->resultset('Artist')->create({ name => 'Caravan', born => '1968-01-01',
		cds => [{ title => 'In the Land of Grey and Pink', year => 1971, price => '9.99',
			  tracks => [{ position => 1, title => 'Golf Girl' },
				     { position => 2, title => 'Winter Wine' }] },
			{ title => 'Waterloo Lily', year => 1972 }] });
	$a->discard_changes;
	[$a->artistid, $a->name, $a->rank, $a->active, $a->born, $a->cds->count,
	 $schema->resultset('Track')->count];
});
step('search', sub {
	my $rs = $schema->resultset('Cd')->search({ 'artist.name' => 'Caravan' },
		{ join => 'artist', order_by => 'me.year', prefetch => 'tracks' });
	[map { [$_->title, $_->year, $_->price, $_->artist->name,
		[map { $_->title } sort { $a->position <=> $b->position } $_->tracks->all]] } $rs->all];
});
step('aggregate', sub {
	[hri(scalar $schema->resultset('Cd')->search({}, { select => ['artist', { count => 'cdid' },
		{ max => 'year' }], as => [qw(artist n maxyear)], group_by => ['artist'] }))];
});
step('view', sub { [hri(scalar $schema->resultset('ArtistCd')->search({}, { order_by => 'name' }))] });
step('update', sub {
	my $cd = $schema->resultset('Cd')->find({ artist => 1, title => 'Waterloo Lily' },
		{ key => 'cd_artist_title' });
	$cd->update({ price => '12.5', year => \'year + 1' });
	$cd->discard_changes;
	my $n = $schema->resultset('Track')->search({ cd => 1 })->update({ title => \"upper(title)" });
	[$cd->price, $cd->year, $n + 0, [sort map { $_->title } $schema->resultset('Track')->all]];
});
step('find_or_create, update_or_create', sub {
	my $rs = $schema->resultset('Artist');
	my $a = $rs->find_or_create({ name => 'Camel' });
	my $b = $rs->find_or_create({ name => 'Camel' });
	my $c = $rs->update_or_create({ name => 'Camel', rank => 2 }, { key => 'artist_name_key' });
	[$a->artistid == $b->artistid ? 1 : 0, $c->rank, $rs->count];
});
step('errors', sub {
	my @out;
	for my $fn (sub { $schema->resultset('Artist')->create({ name => 'Camel' }) },
		    sub { $schema->resultset('Cd')->create({ artist => 99, title => 'x' }) },
		    sub { $schema->resultset('Cd')->create({ artist => 1 }) }) {
		eval { $fn->() };
		push @out, $@ =~ /(duplicate key|foreign key|not-null|null value)/ ? $1 : "$@";
	}
	\@out;
});
step('txn_do with savepoints', sub {
	my @out;
	$schema->txn_do(sub {
		$schema->resultset('Artist')->create({ name => 'Yes' });
		eval {
			$schema->txn_do(sub {
				$schema->resultset('Artist')->create({ name => 'Gong' });
				die "inner\n";
			});
		};
		push @out, "$@" =~ s/ at .*//sr;
		$schema->txn_do(sub { $schema->resultset('Artist')->create({ name => 'Genesis' }) });
	});
	eval { $schema->txn_do(sub { $schema->resultset('Artist')->create({ name => 'Rush' });
		die "outer\n" }) };
	push @out, "$@" =~ s/ at .*//sr, [map { $_->name } $schema->resultset('Artist')->search({}, { order_by => 'name' })];
	\@out;
});
step('delete cascade', sub {
	$schema->resultset('Artist')->search({ name => 'Caravan' })->delete;
	[$schema->resultset('Cd')->count, $schema->resultset('Track')->count];
});

# ->deploy of a schema class written by hand, through SQL::Translator's PostgreSQL producer
package My::Deploy::Author {
	use base 'DBIx::Class::Core';
	__PACKAGE__->table('d_author');
	__PACKAGE__->add_columns(id => { data_type => 'integer', is_auto_increment => 1 },
		name => { data_type => 'varchar', size => 60 },
		bio => { data_type => 'text', is_nullable => 1 });
	__PACKAGE__->set_primary_key('id');
	__PACKAGE__->add_unique_constraint(d_author_name => ['name']);
	__PACKAGE__->has_many(books => 'My::Deploy::Book', 'author');
}
package My::Deploy::Book {
	use base 'DBIx::Class::Core';
	__PACKAGE__->table('d_book');
	__PACKAGE__->add_columns(id => { data_type => 'integer', is_auto_increment => 1 },
		author => { data_type => 'integer', is_foreign_key => 1 },
		title => { data_type => 'varchar', size => 100 },
		pages => { data_type => 'integer', default_value => 0 });
	__PACKAGE__->set_primary_key('id');
	__PACKAGE__->belongs_to(author => 'My::Deploy::Author', 'author');
}
package My::Deploy {
	use base 'DBIx::Class::Schema';
	__PACKAGE__->register_class(Author => 'My::Deploy::Author');
	__PACKAGE__->register_class(Book => 'My::Deploy::Book');
}
package main;

if (eval { require SQL::Translator; 1 }) {
	step('deploy', sub {
		my $d = My::Deploy->connect(@conn);
		$d->deploy({ add_drop_table => 0 });
		my $au = $d->resultset('Author')->create({ name => 'Le Guin',
			books => [{ title => 'Lathe' }, { title => 'Tehanu', pages => 250 }] });
		my $tables = $dbh->selectcol_arrayref(q{SELECT table_name FROM information_schema.tables
			WHERE table_name LIKE 'd\_%' ORDER BY 1});
		[$tables, hri(scalar $au->books->search({}, { order_by => 'id' }))];
	});
} else {
	print "deploy skipped: no SQL::Translator\n";
}
$dbh->disconnect;
print "done\n";
