#!/bin/sh
# Writes PREFIX-NAME.json: the IKM figures the migration test compares (skm ikm --json), for
# each questionnaire of the fixture, and the answer without one (which lists both with counts).
set -eu
SKM=$1; db=$2; prefix=$3
"$SKM" ikm --json --db "$db" > "$prefix-mixed.json" || true
for q in permenpanrb-14-2017 kepmenpan-25-2004; do
    while read -r name args; do
        "$SKM" ikm --json --db "$db" --questionnaire $q $args > "$prefix-$q-$name.json"
    done <<'LIST'
all
year --year 2025
q1 --year 2025 --quarter 1
q2 --year 2025 --quarter 2
q3 --year 2025 --quarter 3
q4 --year 2025 --quarter 4
services --year 2025 --by service
units --year 2025 --by unit,quarter
kec --year 2025 --unit KEC --by service
pkm-q3 --year 2025 --quarter 3 --unit PKM
LIST
done
