#!/usr/bin/env bash
# Regenerates tests/cli/expected/report.{txt,json,csv,md,html} from the
# example data with a built clm. Run it after a change that is meant to alter
# the report (e.g. a new section), review the diff, and commit it:
#
#   tests/cli/update_expected.sh [path/to/clm]   (default: build/dev/cli/clm)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
CLM=$(realpath "${1:-$root/build/dev/cli/clm}")
[[ -x $CLM ]] || { echo "no clm binary at $CLM (build it or pass its path)" >&2; exit 2; }
# shellcheck source=lib.sh
source "$here/lib.sh"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
stage_data "$root/examples/data" "$scratch"
for pair in $CLM_FORMATS; do
  report "$scratch" "${pair%%:*}" >"$here/expected/report.${pair##*:}"
done
echo "updated $here/expected/report.{txt,json,csv,md,html}"
