#!/usr/bin/env bash
# Instructions per `ikm.score` request of `skm rpc`, counted by callgrind (stable on a shared,
# noisy machine where wall times are not).
#
#   Benchmarks/callgrind.sh [--skm PATH] [--requests N] [--check REFERENCE_FILE]
#
# The server answers 1 request and then N requests (the shape of skm-bench-rpc's pipelined
# workload: one respondent of 9 answers, seven answer patterns in turn, after the benchmark's
# unit.add and service.add, so the database is open as it is there); instructions per
# request = (cost of N − cost of 1) / (N − 1), so start-up and the first request's catalog
# load are not counted. With --check, exits 1 when the figure is more than 20 % above the number
# in REFERENCE_FILE (measured on a release build; see Benchmarks/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

skm=.build/release/skm
requests=2001
reference=""
while [ $# -gt 0 ]; do
  case "$1" in
    --skm) skm="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --check) reference="$2"; shift 2 ;;
    *) echo "pilihan tidak dikenal: $1" >&2; exit 2 ;;
  esac
done
command -v valgrind >/dev/null || { echo "valgrind tidak ditemukan" >&2; exit 1; }
[ -x "$skm" ] || { echo "$skm tidak ada: jalankan dulu swift build -c release" >&2; exit 1; }
[ "$requests" -ge 2 ] || { echo "--requests harus 2 atau lebih" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

write_requests() { # count file
  awk -v n="$1" 'BEGIN {
    print "{\"jsonrpc\":\"2.0\",\"method\":\"unit.add\",\"params\":{\"code\":\"KEC\",\"name\":\"Kecamatan\"},\"id\":\"u\"}"
    print "{\"jsonrpc\":\"2.0\",\"method\":\"service.add\",\"params\":{\"unit\":\"KEC\",\"code\":\"KTP\",\"name\":\"KTP\"},\"id\":\"s\"}"
    p[0] = "4,3,4,3,4,4,3,4,3"; p[1] = "3,3,3,3,3,3,3,3,3"; p[2] = "4,4,4,4,4,4,4,4,4"
    p[3] = "2,3,4,1,2,3,4,3,2"; p[4] = "1,2,3,4,4,3,2,1,4"; p[5] = "4,4,3,4,3,4,4,3,4"
    p[6] = "3,2,3,3,4,3,3,2,3"
    for (i = 0; i < n; i++)
      printf "{\"jsonrpc\":\"2.0\",\"method\":\"ikm.score\",\"params\":{\"answers\":[[%s]]},\"id\":%d}\n", p[i % 7], i
  }' > "$2"
}

# Total instructions of one server run over `count` requests (every answer checked to be a result).
instructions() { # count
  write_requests "$1" "$work/requests-$1"
  valgrind --tool=callgrind --callgrind-out-file="$work/callgrind-$1" \
    "$skm" rpc --db "$work/skm-$1.sqlite" < "$work/requests-$1" > "$work/answers-$1" 2> "$work/valgrind-$1.log" \
    || { cat "$work/valgrind-$1.log" >&2; exit 1; }
  local answered
  answered=$(grep -c '"result":' "$work/answers-$1" || true)
  [ "$answered" -eq $(( $1 + 2 )) ] || { echo "hanya $answered dari $1 + 2 jawaban berupa result" >&2; head -c 600 "$work/answers-$1" >&2; exit 1; }
  awk '/^(summary|totals):/ { print $2; exit }' "$work/callgrind-$1"
}

one=$(instructions 1)
many=$(instructions "$requests")
per=$(( (many - one) / (requests - 1) ))
echo "ikm.score: $per instruksi per permintaan (callgrind; $requests permintaan: $many, 1 permintaan: $one)"

if [ -n "$reference" ]; then
  expected=$(grep -Eo '^[0-9]+' "$reference" | head -n 1)
  [ -n "$expected" ] || { echo "$reference tidak berisi angka acuan" >&2; exit 1; }
  limit=$(( expected * 120 / 100 ))
  if [ "$per" -gt "$limit" ]; then
    echo "GAGAL: $per instruksi per permintaan, lebih dari 20 % di atas acuan $expected (batas $limit; $reference)" >&2
    exit 1
  fi
  echo "lolos: acuan $expected, batas $limit"
fi
