#!/usr/bin/env bash
# Formats every Swift file with the toolchain's swift-format and the repository's .swift-format
# (Sources/SKMCore and Sources/SKMService add: every public declaration documented).
#   Scripts/format.sh          rewrite the files in place
#   Scripts/format.sh --lint   check only, failing on any finding (what .ci/run does)
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Package.swift Sources Tests Benchmarks Fuzz Protocol Questionnaires Examples)
if [ "${1:-}" = "--lint" ]; then
  swift format lint --strict --parallel --recursive "${paths[@]}"
else
  swift format format --in-place --parallel --recursive "${paths[@]}"
fi
