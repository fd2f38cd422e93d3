#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a report: installs what is
# missing, builds a release clm, and prints the report of the example data.
# Installing and building report on standard error, so standard output holds
# the report alone (`--format json > report.json` is valid JSON).
set -euo pipefail
cd "$(dirname "$0")/.."

{
  scripts/install-deps.sh
  cmake --preset release >/dev/null
  cmake --build --preset release --target clm_cli
} >&2
exec build/release/cli/clm report \
  --events examples/data/events.csv \
  --customers examples/data/customers.csv \
  --spend examples/data/spend.csv "$@"
