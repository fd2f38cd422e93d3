#!/usr/bin/env bash
# End-to-end tests of the built clm (registered with CTest by tests/cli.cmake).
#
#   cli_test.sh CASE CLM DATA_DIR EXPECTED_DIR VERSION
#
# CASE is one of: report-<format> (table, json, csv, markdown, html),
# shuffled, threads, jsonl, stdin, rename, default-format, color, exit-usage, exit-bad-data, exit-no-input,
# exit-write, output-atomic, broken-pipe, lenient, as-of, version, help.
set -uo pipefail
case_name=$1
CLM=$2
data=$3
expected=$4
version=$5
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
stage_data "$data" "$scratch/data"
failures=0

ext_of() {
  for pair in $CLM_FORMATS; do [[ ${pair%%:*} == "$1" ]] && echo "${pair##*:}"; done
}

d=$scratch/data
case $case_name in
  report-*)
    format=${case_name#report-}
    report "$d" "$format" >"$scratch/got" || fail "clm report --format $format failed"
    same_file "$scratch/got" "$expected/report.$(ext_of "$format")"
    ;;

  shuffled)
    # The same tables with rows in another order give byte-identical reports.
    mkdir -p "$scratch/shuf"
    for t in events customers spend; do shuffle_table "$d/$t.csv" "$scratch/shuf/$t.csv"; done
    cmp -s "$d/events.csv" "$scratch/shuf/events.csv" && fail "shuffle left events unchanged"
    for pair in $CLM_FORMATS; do
      report "$scratch/shuf" "${pair%%:*}" >"$scratch/got" || fail "shuffled ${pair%%:*} failed"
      same_file "$scratch/got" "$expected/report.${pair##*:}"
    done
    ;;

  threads)
    # Generated tables big enough to be read in chunks on several threads give the same
    # report in every format with --threads 1, 2 and the default (all cores).
    "$CLM" generate --customers 2000 --seed 7 --out "$scratch/gen" >/dev/null ||
      fail "generate failed"
    [[ $(stat -c %s "$scratch/gen/events.csv") -gt 2200000 ]] || fail "events too small to split"
    for pair in $CLM_FORMATS; do
      f=${pair%%:*}
      report "$scratch/gen" "$f" --threads 1 >"$scratch/one" || fail "--threads 1 $f failed"
      report "$scratch/gen" "$f" --threads 2 >"$scratch/two" || fail "--threads 2 $f failed"
      report "$scratch/gen" "$f" >"$scratch/all" || fail "default threads $f failed"
      same_file "$scratch/two" "$scratch/one"
      same_file "$scratch/all" "$scratch/one"
    done
    ;;

  jsonl)
    # JSON Lines events give the same report as CSV (only the file name differs).
    (cd "$d" && "$CLM" report --events events.jsonl --customers customers.csv \
      --spend spend.csv --format json) >"$scratch/got" || fail "jsonl input failed"
    sed 's/events\.jsonl/events.csv/g' "$scratch/got" >"$scratch/got.csv-named"
    same_file "$scratch/got.csv-named" "$expected/report.json"
    ;;

  default-format)
    # Not a terminal: table; --output picks the format by extension.
    (cd "$d" && "$CLM" report --events events.csv --customers customers.csv \
      --spend spend.csv) >"$scratch/got" || fail "default format failed"
    same_file "$scratch/got" "$expected/report.txt"
    (cd "$d" && "$CLM" report --events events.csv --customers customers.csv \
      --spend spend.csv --output "$scratch/r.json") || fail "--output r.json failed"
    same_file "$scratch/r.json" "$expected/report.json"
    ;;

  exit-usage)
    expect_status 2 "$CLM" report --events "$d/events.csv" --no-such-option
    expect_stderr "clm: error:"
    expect_status 2 "$CLM" report --customers "$d/customers.csv"  # --events is required
    expect_stderr "--events"
    expect_status 2 "$CLM" report --events "$d/events.csv" --format xml
    expect_status 2 "$CLM" report --events "$d/events.csv" --period fortnight
    expect_status 2 "$CLM" report --events "$d/events.csv" --tz Mars/Olympus_Mons
    expect_stderr "clm: error: --tz"
    expect_status 2 "$CLM" report --events "$d/events.csv" --from yesterday
    expect_stderr "clm: error: --from"
    expect_status 2 "$CLM" report --events "$d/events.csv" --from 2024-02-01 --to 2024-01-01
    expect_status 2 "$CLM" report --events "$d/events.csv" --week-start funday
    expect_status 2 "$CLM" report --events "$d/events.csv" --sections data_quality,nope
    expect_stderr "nope"
    expect_status 2 "$CLM" report --events "$d/events.csv" --by no_such_attribute
    expect_status 2 "$CLM" report --events "$d/events.csv" --rename customer_id
    expect_status 2 "$CLM"  # a subcommand is required
    expect_status 2 "$CLM" frobnicate
    ;;

  exit-bad-data)
    printf 'customer_id,timestamp,type,amount\nc1,2024-01-01,signup,\nc1,2024-01-02,purchase,-5\n' \
      >"$scratch/bad.csv"
    expect_status 65 "$CLM" report --events "$scratch/bad.csv" --format json
    expect_stderr "clm: error:"
    expect_stderr "bad.csv:3"
    expect_stderr "amount"
    [[ -s $scratch/out ]] && fail "a failed run printed a report"
    printf 'customer_id,type\nc1,signup\n' >"$scratch/nocol.csv"  # no timestamp column
    expect_status 65 "$CLM" report --events "$scratch/nocol.csv"
    expect_stderr "timestamp"
    # An instant outside the years 0000-9999 in UTC is refused in every input and option,
    # whatever offset or zone it is written in (9999-12-31T23:00-02:00 is year 10000 in UTC).
    printf 'customer_id,timestamp,type\nc1,2024-01-01,signup\nc1,9999-12-31T23:00-02:00,login\n' \
      >"$scratch/far.csv"
    expect_status 65 "$CLM" report --events "$scratch/far.csv"
    expect_stderr "far.csv:3"
    expect_stderr "timestamp"
    expect_stderr "instant outside the years 0000-9999 in UTC"
    printf '{"customer_id":"c1","timestamp":"0000-01-01T00:00+01:00","type":"signup"}\n' \
      >"$scratch/early.jsonl"
    expect_status 65 "$CLM" report --events "$scratch/early.jsonl"
    expect_stderr "early.jsonl:1"
    expect_stderr "instant outside the years 0000-9999 in UTC"
    for option in --from --to; do
      expect_status 2 "$CLM" report --events "$d/events.csv" "$option" 9999-12-31T24:00
      expect_stderr "$option: instant outside the years 0000-9999 in UTC"
    done
    ;;

  exit-no-input)
    expect_status 66 "$CLM" report --events "$scratch/does-not-exist.csv"
    expect_stderr "does-not-exist.csv"
    expect_status 66 "$CLM" report --events "$d/events.csv" --spend "$scratch/nope.csv"
    ;;

  exit-write)
    expect_status 74 "$CLM" report --events "$d/events.csv" --output "$scratch/no/such/dir/r.txt"
    expect_stderr "clm: error: cannot write"
    if [[ -w /dev/full ]]; then  # a full disk
      "$CLM" report --events "$d/events.csv" >/dev/full 2>"$scratch/err"
      status=$?
      [[ $status == 74 ]] || fail "writing to /dev/full: exit $status, want 74"
      expect_stderr "clm: error: cannot write to standard output"
    fi
    ;;

  output-atomic)
    out=$scratch/outdir/report.txt
    mkdir -p "$scratch/outdir"
    echo OLD >"$out"
    printf 'customer_id,timestamp,type\nc1,not-a-time,signup\n' >"$scratch/bad.csv"
    expect_status 65 "$CLM" report --events "$scratch/bad.csv" --output "$out"
    [[ $(cat "$out") == OLD ]] || fail "a failed run touched --output"
    report "$d" table --output "$out" || fail "--output run failed"
    same_file "$out" "$expected/report.txt"
    leftovers=$(find "$scratch/outdir" -type f ! -name report.txt | wc -l)
    [[ $leftovers == 0 ]] || fail "temporary files left beside --output"
    # A directory in the way: the write fails, nothing is left behind.
    mkdir -p "$scratch/outdir/taken.txt"
    expect_status 74 report "$d" table --output "$scratch/outdir/taken.txt"
    leftovers=$(find "$scratch/outdir" -type f ! -name report.txt | wc -l)
    [[ $leftovers == 0 ]] || fail "temporary files left after a failed write"
    ;;

  broken-pipe)
    # The reader is gone before clm writes: EPIPE → exit 74 with a message, no signal death.
    (sleep 1; report "$d" json 2>"$scratch/err"; echo $? >"$scratch/status") | true
    status=$(cat "$scratch/status")
    [[ $status == 74 ]] || fail "closed pipe: exit $status, want 74"
    expect_stderr "clm: error: cannot write to standard output"
    ;;

  as-of)
    # With --to before the last event, people whose events (and acquired_at) are all at or
    # after it exist nowhere: the stage counts add up to the people who exist, and the
    # data-quality section counts the rest. Expected numbers come from awk over the tables
    # (every event timestamp is YYYY-MM-DDTHH:MM:SSZ, so text order is time order).
    to=2024-01-01
    report "$d" csv --to "$to" --sections data_quality,stages >"$scratch/got" ||
      fail "clm report --to $to failed"
    read -r events_after people people_after < <(awk -F, -v to="$to" '
      FNR == 1 { next }
      FILENAME ~ /events/ { seen[$1] = 1; evs[$1] = 1; if ($2 >= to) after++; else early[$1] = 1; next }
      { seen[$1] = 1; if ($2 != "") { dated[$1] = 1; if ($2 < to) early[$1] = 1 } }
      END {
        # A person exists with an event or acquired_at before `to`, or with no date at all.
        for (c in seen) { n++; if (!(c in early) && ((c in evs) || (c in dated))) gone++ }
        print after + 0, n, gone + 0
      }' "$d/events.csv" "$d/customers.csv")
    grep -q "^data_quality,events,events.csv,13258,13258,0,0,$events_after\$" "$scratch/got" ||
      fail "data_quality events row: want $events_after at/after $to: $(grep '^data_quality,events' "$scratch/got")"
    stage_sum=$(awk -F, '$1 == "stages" && $2 == "all" { print $3 + $4 + $5 + $6 + $7 + $8 }' "$scratch/got")
    [[ $stage_sum == $((people - people_after)) ]] ||
      fail "stage counts add up to $stage_sum, want $people - $people_after"
    [[ $people == 400 ]] || fail "awk counted $people people, the store has 400"
    report "$d" json --to "$to" --sections data_quality >"$scratch/got.json"
    grep -qF "Outside the window: $people_after people, $events_after events" "$scratch/got.json" ||
      fail "data-quality note lacks $people_after people: $(grep -F 'Outside' "$scratch/got.json")"
    ;;

  lenient)
    { cat "$d/events.csv"
      printf 'c9,2024-13-01,signup,,,,\nc9,2024-01-01,nps,,11,,\n'; } >"$scratch/ev.csv"
    expect_status 65 "$CLM" report --events "$scratch/ev.csv"
    expect_status 0 "$CLM" report --events "$scratch/ev.csv" --lenient --sections data_quality \
      --format csv
    expect_stderr "2 of"
    expect_stderr "ev.csv:"
    rows=$(( $(wc -l <"$d/events.csv") - 1 ))
    grep -qF "data_quality,events,$scratch/ev.csv,$((rows + 2)),$rows,2" "$scratch/out" ||
      fail "data quality counts: $(grep data_quality "$scratch/out")"
    ;;

  stdin)
    # "-" reads standard input; it needs --input-format.
    (cd "$d" && "$CLM" report --events - --input-format csv --customers customers.csv \
      --spend spend.csv --format json <events.csv) >"$scratch/got" || fail "--events - failed"
    sed 's/"source": "-"/"source": "events.csv"/; s/"-", "rows_read"/"events.csv", "rows_read"/' \
      "$scratch/got" >"$scratch/got.named"
    same_file "$scratch/got.named" "$expected/report.json"
    expect_status 2 "$CLM" report --events - <"$d/events.csv"
    expect_stderr "input format"
    expect_status 2 "$CLM" report --events - --customers - --input-format csv <"$d/events.csv"
    ;;

  rename)
    # --rename maps another layout's column names onto the contract's.
    sed '1s/customer_id/user/; 1s/timestamp/ts/' "$d/events.csv" >"$d/renamed.csv"
    expect_status 65 "$CLM" report --events "$d/renamed.csv"
    (cd "$d" && "$CLM" report --events renamed.csv --rename user=customer_id --rename ts=timestamp \
      --customers customers.csv --spend spend.csv --format json) >"$scratch/got" ||
      fail "--rename failed"
    sed 's/renamed\.csv/events.csv/g' "$scratch/got" >"$scratch/got.named"
    same_file "$scratch/got.named" "$expected/report.json"
    ;;

  color)
    # Colour only on a terminal (a pseudo-terminal from script(1)), never with NO_COLOR.
    if ! command -v script >/dev/null; then
      echo "skipped: no script(1)"
      exit 0
    fi
    cmd="$CLM report --events $d/events.csv --sections data_quality"
    script -qec "$cmd" /dev/null >"$scratch/tty" </dev/null || fail "run on a terminal failed"
    grep -q $'\x1b\[1m' "$scratch/tty" || fail "no colour on a terminal"
    NO_COLOR=1 script -qec "$cmd" /dev/null >"$scratch/tty" </dev/null || fail "NO_COLOR run failed"
    grep -q $'\x1b\[' "$scratch/tty" && fail "colour despite NO_COLOR"
    $cmd >"$scratch/out" || fail "piped run failed"
    grep -q $'\x1b\[' "$scratch/out" && fail "colour in a pipe"
    ;;

  version)
    expect_status 0 "$CLM" --version
    [[ $(cat "$scratch/out") == "clm $version" ]] || fail "--version printed '$(cat "$scratch/out")'"
    ;;

  help)
    expect_status 0 "$CLM" --help
    grep -q "report" "$scratch/out" || fail "clm --help does not list report"
    grep -q "Exit status" "$scratch/out" || fail "clm --help lacks exit statuses"
    expect_status 0 "$CLM" report --help
    for opt in --events --customers --spend --from --to --period --by --tz --week-start \
      --sections --format --output --lenient --input-format --rename Examples; do
      grep -qF -- "$opt" "$scratch/out" || fail "clm report --help lacks $opt"
    done
    ;;

  *)
    echo "unknown case $case_name" >&2
    exit 2
    ;;
esac

[[ $failures == 0 ]] || { echo "$failures check(s) failed in $case_name" >&2; exit 1; }
echo "ok: $case_name"
