#!/usr/bin/env bash
# End-to-end tests of what clm does with doubtful input and option values
# (registered with CTest by tests/cli_input.cmake):
#
#   input_test.sh CASE CLM DATA_DIR
#
# CASE is one of: activity-types, type-lookalikes, empty-values, sparse-nul,
# readers-agree. Every file is written into a scratch directory.
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
  activity-types)
    # Spaces around the names of a list are removed: the same report.
    report "$d" json --activity-types signup,purchase,login >"$scratch/plain.json" ||
      fail "report with --activity-types signup,purchase,login failed"
    report "$d" json --activity-types 'signup, purchase , login' >"$scratch/spaced.json" ||
      fail "report with --activity-types 'signup, purchase , login' failed"
    same_file "$scratch/spaced.json" "$scratch/plain.json"
    # ... and from a settings file too.
    echo '{"activity_types": ["signup", " purchase", "login "]}' >"$scratch/s.json"
    report "$d" json --settings "$scratch/s.json" >"$scratch/file.json" ||
      fail "report with activity_types from a settings file failed"
    same_file "$scratch/file.json" "$scratch/plain.json"
    # A name that is neither built in nor in the data is refused, with a hint.
    expect_status 2 "$CLM" report --events "$d/events.csv" --activity-types signup,purchse
    expect_stderr "activity type 'purchse' is neither a built-in event type nor a type in the events (did you mean 'purchase'?)"
    [[ -s $scratch/out ]] && fail "a report was printed despite the unknown activity type"
    expect_status 2 "$CLM" report --events "$d/events.csv" --activity-types signup,logni
    expect_stderr "(did you mean 'login'?)"
    # A built-in type absent from the data is accepted (it matches nothing).
    expect_status 0 "$CLM" report --events "$d/events.csv" --activity-types signup,purchase,referral
    # A name that is empty once its spaces are removed is refused.
    expect_status 2 "$CLM" report --events "$d/events.csv" --activity-types 'signup, '
    expect_stderr "activity_types (--activity-types): has an empty type name"
    ;;

  type-lookalikes)
    # Three purchases typed 'Purchase' and one 'purchase ': counted as custom
    # types, as documented, with a warning per variant.
    awk -F, 'BEGIN { OFS = "," }
      NR > 1 && $3 == "purchase" && n < 3 { $3 = "Purchase"; n++ }
      NR > 1 && $3 == "purchase" && n == 3 && m < 1 && NR > 500 { $3 = "purchase "; m++ }
      { print }' "$d/events.csv" >"$scratch/events.csv"
    [[ $(grep -c ',Purchase,' "$scratch/events.csv") == 3 ]] || fail "the test data has no 3 'Purchase' rows"
    [[ $(grep -c ',purchase ,' "$scratch/events.csv") == 1 ]] || fail "the test data has no 'purchase ' row"
    expect_status 0 "$CLM" report --events "$scratch/events.csv" --format json
    expect_stderr "clm: warning: $scratch/events.csv: 3 events have type 'Purchase', which differs from 'purchase' only by case; they are counted as a custom type (type names are exact)"
    expect_stderr "clm: warning: $scratch/events.csv: 1 event has type 'purchase ', which differs from 'purchase' only by spaces around it; it is counted as a custom type (type names are exact)"
    [[ -s $scratch/out ]] || fail "no report printed with the warnings"
    # Exact data: no warning.
    expect_status 0 "$CLM" report --events "$d/events.csv" --format json
    grep -q warning "$scratch/err" && fail "a warning for exact type names: $(cat "$scratch/err")"
    ;;

  empty-values)
    # An empty value is a mistake (a variable that expanded to nothing), never the default.
    expect_status 2 "$CLM" report --events "$d/events.csv" --customers "$d/customers.csv" --by ''
    expect_stderr "--by: the value is empty; give an attribute name, or leave the option out for no grouping"
    [[ -s $scratch/out ]] && fail "a report was printed for --by ''"
    expect_status 2 "$CLM" report --events "$d/events.csv" -o ''
    expect_stderr "--output: the value is empty; give a file name, or '-' (or no --output) for standard output"
    [[ -s $scratch/out ]] && fail "a report was printed for -o ''"
    expect_status 2 "$CLM" report --events "$d/events.csv" --output=
    expect_status 2 "$CLM" report --events ''
    expect_stderr "--events: the value is empty"
    expect_status 2 "$CLM" report --events "$d/events.csv" --customers ''
    expect_stderr "--customers: the value is empty"
    expect_status 2 "$CLM" report --events "$d/events.csv" --settings ''
    expect_stderr "--settings: the value is empty"
    expect_status 2 "$CLM" value --events "$d/events.csv" --clv-csv ''
    expect_stderr "--clv-csv: the value is empty"
    expect_status 2 "$CLM" generate --out ''
    expect_stderr "--out: the value is empty"
    echo '{"by": ""}' >"$scratch/s.json"
    expect_status 2 "$CLM" report --events "$d/events.csv" --settings "$scratch/s.json"
    expect_stderr "'by' must be an attribute name, or null for no grouping, not an empty string"
    # null still means no grouping.
    echo '{"by": null}' >"$scratch/s.json"
    expect_status 0 "$CLM" report --events "$d/events.csv" --settings "$scratch/s.json"
    ;;

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
