#!/bin/sh
# Builds skm-schema4.sqlite and the IKM figures expected of it, with the skm release that wrote
# schema 4 (separate daily_totals and daily_unsur rows): SKM=/path/to/that/skm ./make.sh
# The migration test (Tests/EndToEndTests/AggregateMigrationTests.swift) opens a copy of the file
# with the current skm and compares every figure with the ones stored here.
set -eu
SKM=${SKM:?set SKM to an skm binary of schema 4}
cd "$(dirname "$0")"
rm -f skm-schema4.sqlite skm-schema4.sqlite-wal skm-schema4.sqlite-shm expected-*.json
db=skm-schema4.sqlite
"$SKM" init --db $db >/dev/null
"$SKM" unit add KEC "Kantor Camat" --db $db >/dev/null
"$SKM" unit add PKM "Puskesmas" --db $db >/dev/null
for s in KTP SKET LEGAL; do "$SKM" service add KEC $s "Layanan $s" --db $db >/dev/null; done
for s in UMUM GIGI; do "$SKM" service add PKM $s "Layanan $s" --db $db >/dev/null; done
python3 rows.py 9 > rows9.csv
python3 rows.py 14 > rows14.csv
"$SKM" import rows9.csv --db $db >/dev/null
"$SKM" import rows14.csv --questionnaire kepmenpan-25-2004 --db $db >/dev/null
for id in 3 17 40 41 250 333; do "$SKM" void $id --reason "salah entri" --db $db >/dev/null; done
rm rows9.csv rows14.csv
sh figures.sh "$SKM" $db expected
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA wal_checkpoint(TRUNCATE)'); c.execute('PRAGMA journal_mode=DELETE'); c.execute('VACUUM'); c.close()" $db
