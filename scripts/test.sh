#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what is missing, then
#  1. builds the dev preset (-Werror) and runs every CTest test (unit, CLI,
#     packaging, benchmark smoke);
#  2. builds the ASan+UBSan preset and runs the unit and CLI tests under it;
#  3. builds the libFuzzer targets and runs each for a short bounded time.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

scripts/install-deps.sh --test

echo "== dev build and tests"
cmake --preset dev
cmake --build --preset dev -j "$jobs"
ctest --preset dev -j "$jobs"

echo "== AddressSanitizer + UndefinedBehaviorSanitizer"
cmake --preset asan
cmake --build --preset asan -j "$jobs"
ctest --preset asan -j "$jobs"

if [[ -x scripts/fuzz.sh ]]; then
  echo "== fuzzing (bounded)"
  scripts/fuzz.sh --seconds "${CLM_FUZZ_SECONDS:-30}"
fi
