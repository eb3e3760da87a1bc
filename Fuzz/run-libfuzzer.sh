#!/bin/sh
# Coverage-guided fuzzing with libFuzzer and AddressSanitizer (Linux, Swift toolchain).
#
#   Fuzz/run-libfuzzer.sh rpc|import|http|zip|xlsx|package [RUNS] [extra libFuzzer flags...]
#
# Builds the library with -sanitize=fuzzer,address into /tmp/skm-fuzzbuild, links the driver in
# Fuzz/LibFuzzer, and runs RUNS inputs (default 1,000,000) starting from Fuzz/corpus/<target>.
# New interesting inputs go to /tmp/skm-fuzz-<target>-corpus; crashes to /tmp/skm-fuzz-<target>-artifacts.
# To keep a crash as a regression, copy the artifact into Fuzz/corpus/<target>/ after fixing it.
set -eu
target=${1:?rpc, import, http, zip, xlsx atau package}
runs=${2:-1000000}
[ $# -ge 2 ] && shift 2 || shift 1
cd "$(dirname "$0")/.."
build=/tmp/skm-fuzzbuild
swift build -c release --build-path "$build" --target SKMFuzzTargets -Xswiftc -sanitize=fuzzer,address
b=$build/release
objects=$(ls "$b"/SKMJSON.build/*.o "$b"/SKMCore.build/*.o "$b"/SKMStore.build/*.o "$b"/SKMReport.build/*.o \
    "$b"/SKMService.build/*.o "$b"/SKMRPC.build/*.o "$b"/SKMFuzzTargets.build/*.o "$b"/SKMWeb.build/*.o "$b"/SKMOffice.build/*.o "$b"/SKMQR.build/*.o "$b"/DefaultQuestionnaires.build/*.o \
    "$b"/ExamplePlans.build/*.o "$b"/ProtocolDocument.build/*.o)
swiftc -sanitize=fuzzer,address -parse-as-library -O "Fuzz/LibFuzzer/$target.swift" -I "$b/Modules" $objects \
    -I Sources/CSQLite -I Sources/CZlib -lsqlite3 -lz -lm -o "$build/fuzz-$target"
mkdir -p "/tmp/skm-fuzz-$target-corpus" "/tmp/skm-fuzz-$target-artifacts"
max=8192
[ "$target" = import ] && max=16384
[ "$target" = xlsx ] && max=16384
[ "$target" = zip ] && max=65536
[ "$target" = package ] && max=16384
exec "$build/fuzz-$target" -runs="$runs" -max_len=$max -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix="/tmp/skm-fuzz-$target-artifacts/" -print_final_stats=1 "$@" \
    "/tmp/skm-fuzz-$target-corpus" "Fuzz/corpus/$target"
