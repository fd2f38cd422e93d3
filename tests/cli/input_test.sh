#!/usr/bin/env bash
# End-to-end tests of what clm does with doubtful input and option values
# (registered with CTest by tests/cli_input.cmake):
#
#   input_test.sh CASE CLM DATA_DIR
#
# CASE is one of: sparse-nul, readers-agree. Every file is written into a scratch directory.
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

  readers-agree)
    big=$(head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' 'n')
    {
      echo "customer_id,timestamp,type,note"
      echo "c1,2024-03-01,touch,$big"
    } >"$scratch/long.csv"
    printf '{"customer_id":"c1","timestamp":"2024-03-01","type":"touch","note":"%s"}\n' "$big" \
      >"$scratch/long.jsonl"
    shown="(value '$(head -c 60 /dev/zero | tr '\0' 'n')…')"
    expect_status 65 "$CLM" report --events "$scratch/long.csv"
    expect_stderr "long.csv:2: column 'note': value longer than 1 MiB $shown"
    expect_status 65 "$CLM" report --events "$scratch/long.jsonl"
    expect_stderr "long.jsonl:1: column 'note': value longer than 1 MiB $shown"
    # Two unnamed columns are duplicates; a repeated JSON key too.
    printf 'customer_id,timestamp,type,,\nc1,2024-03-01,touch,,\n' >"$scratch/unnamed.csv"
    expect_status 65 "$CLM" report --events "$scratch/unnamed.csv"
    expect_stderr "unnamed.csv: columns 4 and 5 of the header have no name: column names must be unique"
    printf '{"customer_id":"c1","timestamp":"2024-03-01","type":"touch","x":1,"x":2}\n' \
      >"$scratch/twice.jsonl"
    expect_status 65 "$CLM" report --events "$scratch/twice.jsonl"
    expect_stderr "twice.jsonl:1: column 'x': duplicate key"
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
