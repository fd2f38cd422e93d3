#!/usr/bin/env bash
# End-to-end tests of what clm does with doubtful input and option values
# (registered with CTest by tests/cli_input.cmake):
#
#   input_test.sh CASE CLM DATA_DIR
#
# CASE is one of: sparse-nul. Every file is written into a scratch directory.
set -uo pipefail
case_name=$1
CLM=$2
data=$3
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
stage_data "$data" "$scratch/data"
d=$scratch/data
failures=0

case $case_name in
  sparse-nul)
    # A valid header and row, then a sparse tail of NUL bytes (no disk used):
    # the NUL on line 3 is reported from the first blocks, on one thread or several.
    mem_kib=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)
    size=$((5 * 1024 * 1024 * 1024))
    ((size > mem_kib * 512)) && size=$((mem_kib * 512))  # under half the memory: not refused for size
    printf 'customer_id,timestamp,type\nc1,2024-03-01,touch\n' >"$scratch/big.csv"
    truncate -s "$size" "$scratch/big.csv"
    for threads in 1 2 0; do
      expect_status 65 "$CLM" report --events "$scratch/big.csv" --threads "$threads"
      expect_stderr "$scratch/big.csv:3: NUL byte: not a text file"
    done
    printf '{"customer_id":"c1","timestamp":0,"type":"touch"}\n{"customer_id":"c2",' >"$scratch/big.jsonl"
    truncate -s "$size" "$scratch/big.jsonl"
    expect_status 65 "$CLM" report --events "$scratch/big.jsonl" --threads 2
    expect_stderr "$scratch/big.jsonl:2: NUL byte: not a text file"
    ;;

  *)
    echo "unknown case $case_name" >&2
    exit 2
    ;;
esac

if ((failures > 0)); then
  echo "$failures failure(s) in $case_name" >&2
  exit 1
fi
echo "ok: $case_name"
