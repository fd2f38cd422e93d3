#!/usr/bin/env bash
# End-to-end tests of how the built clm meets faults around its files and
# process (registered with CTest by tests/cli_faults.cmake):
#
#   faults_test.sh CASE CLM DATA_DIR EXPECTED_DIR
#
# CASE is one of: output-special, output-is-input, fixed-temp-names,
# signal-cleanup, changed-input, user-mistakes, control-characters, lenient-messages.
# Every output goes into a scratch directory: never onto a device.
set -uo pipefail
case_name=$1
CLM=$2
data=$3
expected=$4
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
stage_data "$data" "$scratch/data"
d=$scratch/data
failures=0

# no_temporaries DIR: no temporary file of clm's is left in DIR.
no_temporaries() {
  local left
  left=$(find "$1" -name '*.tmp*' | head -5)
  [[ -z $left ]] || fail "temporary files left: $left"
}

# The example report as CSV (the checked-in expected output).
csv_report() {
  report "$d" csv "$@"
}

case $case_name in
  output-special)
    o=$scratch/out.d
    mkdir -p "$o"
    # A FIFO is written into, not replaced by a regular file.
    mkfifo "$o/pipe.csv"
    timeout 60 cat "$o/pipe.csv" >"$scratch/from-fifo" &
    reader=$!
    csv_report --output "$o/pipe.csv" || fail "report into a FIFO failed"
    wait "$reader" || fail "the FIFO's reader got nothing (the FIFO was replaced?)"
    [[ -p $o/pipe.csv ]] || fail "the FIFO was replaced"
    same_file "$scratch/from-fifo" "$expected/report.csv"
    # A FIFO whose reader leaves early: a write error, exit 74.
    timeout 60 head -c 10 "$o/pipe.csv" >/dev/null &
    expect_status 74 csv_report --output "$o/pipe.csv"
    expect_stderr "pipe.csv"
    wait
    # An existing 0600 file keeps its mode.
    echo OLD >"$o/private.csv"
    chmod 600 "$o/private.csv"
    csv_report --output "$o/private.csv" || fail "report over a 0600 file failed"
    same_file "$o/private.csv" "$expected/report.csv"
    [[ $(stat -c %a "$o/private.csv") == 600 ]] || fail "mode $(stat -c %a "$o/private.csv"), want 600"
    # A symbolic link is followed: the target gets the report (and keeps its mode), the link stays.
    echo OLD >"$o/target.csv"
    chmod 640 "$o/target.csv"
    ln -s target.csv "$o/link.csv"
    csv_report --output "$o/link.csv" || fail "report through a link failed"
    [[ -L $o/link.csv ]] || fail "the symbolic link was replaced"
    same_file "$o/target.csv" "$expected/report.csv"
    [[ $(stat -c %a "$o/target.csv") == 640 ]] || fail "target mode $(stat -c %a "$o/target.csv")"
    # A dangling link: its target is created, the link stays.
    mkdir -p "$o/sub"
    ln -s sub/new.csv "$o/dangling.csv"
    csv_report --output "$o/dangling.csv" || fail "report through a dangling link failed"
    [[ -L $o/dangling.csv ]] || fail "the dangling link was replaced"
    same_file "$o/sub/new.csv" "$expected/report.csv"
    # A link cycle is a write error.
    ln -s loop-b.csv "$o/loop-a.csv"
    ln -s loop-a.csv "$o/loop-b.csv"
    expect_status 74 csv_report --output "$o/loop-a.csv"
    expect_stderr "loop-a.csv"
    no_temporaries "$o"
    ;;

  output-is-input)
    # Writing over an input would destroy the data being read: refused with exit 2,
    # the input untouched, whatever name the output uses for it.
    cp "$d/events.csv" "$scratch/events.orig"
    expect_status 2 csv_report --output events.csv
    expect_stderr "events.csv"
    same_file "$d/events.csv" "$scratch/events.orig"
    ln -s events.csv "$d/alias.csv"
    ln "$d/customers.csv" "$d/hard.csv"
    expect_status 2 csv_report --output "$d/alias.csv"
    expect_status 2 csv_report --output "$d/hard.csv"
    same_file "$d/events.csv" "$scratch/events.orig"
    (cd "$d" && "$CLM" value --events events.csv --spend spend.csv --clv-csv spend.csv >/dev/null 2>"$scratch/err")
    [[ $? == 2 ]] || fail "--clv-csv onto an input: want exit 2"
    echo '{"period": "month"}' >"$d/settings.json"
    expect_status 2 csv_report --settings settings.json --output "$d/settings.json"
    [[ $(cat "$d/settings.json") == '{"period": "month"}' ]] || fail "the settings file was overwritten"
    # A model file is an input of predict and the output of fit.
    expect_status 0 "$CLM" clv fit --events "$d/events.csv" --params "$d/model.json"
    expect_status 2 "$CLM" clv predict --events "$d/events.csv" --params "$d/model.json" \
      --output "$d/model.json"
    expect_status 2 "$CLM" clv fit --events "$d/events.csv" --params "$d/events.csv"
    same_file "$d/events.csv" "$scratch/events.orig"
    ;;

  fixed-temp-names)
    # --clv-csv and generate write through unique temporary files: a file or a link
    # already at NAME.tmp is none of their business.
    o=$scratch/out.d
    mkdir -p "$o"
    echo KEEP >"$o/clv.csv.tmp"
    echo VICTIM >"$scratch/victim"
    (cd "$d" && "$CLM" value --events events.csv --customers customers.csv --spend spend.csv \
      --clv-csv "$o/clv.csv" --format json >/dev/null) || fail "value --clv-csv failed"
    [[ $(cat "$o/clv.csv.tmp") == KEEP ]] || fail "--clv-csv destroyed an existing clv.csv.tmp"
    [[ $(head -1 "$o/clv.csv") == customer_id,group,acquired_at,channel,net_revenue,clv ]] ||
      fail "clv.csv header: $(head -1 "$o/clv.csv")"
    # One row per customer acquired before the as-of time: every customer of customers.csv.
    [[ $(($(wc -l <"$o/clv.csv") - 1)) == $(($(wc -l <"$d/customers.csv") - 1)) ]] ||
      fail "clv.csv rows $(wc -l <"$o/clv.csv")"
    rm "$o/clv.csv.tmp"
    ln -s "$scratch/victim" "$o/clv.csv.tmp"
    (cd "$d" && "$CLM" value --events events.csv --clv-csv "$o/clv.csv" >/dev/null) ||
      fail "value --clv-csv failed"
    [[ $(cat "$scratch/victim") == VICTIM ]] || fail "--clv-csv wrote through a planted link"
    mkdir -p "$o/gen"
    echo KEEP >"$o/gen/events.csv.tmp"
    ln -s "$scratch/victim" "$o/gen/spend.csv.tmp"
    "$CLM" generate --customers 50 --out "$o/gen" 2>/dev/null || fail "generate failed"
    [[ $(cat "$o/gen/events.csv.tmp") == KEEP ]] || fail "generate destroyed events.csv.tmp"
    [[ $(cat "$scratch/victim") == VICTIM ]] || fail "generate wrote through a planted link"
    [[ $(head -1 "$o/gen/spend.csv") == date,channel,amount ]] || fail "spend.csv header"
    [[ -n $(find "$o/gen" -name '.*.tmp-*') ]] && fail "generate left temporary files"
    ;;

  signal-cleanup)
    # A terminating signal while the output is written: the temporary files are
    # removed and clm exits with 128 + the signal's number.
    set -m # background jobs keep SIGINT and SIGQUIT (not ignored as without job control)
    n=0
    for sig in INT TERM HUP QUIT; do
      n=$((n + 1))
      o=$scratch/gen-$sig
      mkdir -p "$o"
      "$CLM" generate --events 1000000 --out "$o" 2>/dev/null &
      pid=$!
      for _ in $(seq 1 600); do
        [[ -n $(find "$o" -name '*tmp*' -size +0 2>/dev/null) ]] && break
        sleep 0.05
      done
      [[ -n $(find "$o" -name '*tmp*') ]] || fail "$sig: no temporary file seen while generating"
      kill -s "$sig" "$pid"
      wait "$pid"
      status=$?
      want=$((128 + $(kill -l "$sig")))
      [[ $status == "$want" ]] || fail "SIG$sig: exit $status, want $want"
      no_temporaries "$o"
    done
    [[ $n == 4 ]] || fail "ran $n signals"
    ;;

  changed-input)
    # A large (memory-mapped) input shrinks or is rewritten while it is read: exit 74
    # and a message naming the file, never a silent SIGBUS. The input is made large
    # enough that the read is still going when the change comes.
    g=$scratch/g
    "$CLM" generate --events 400000 --out "$g" 2>/dev/null || fail "generate failed"
    cp "$g/events.csv" "$scratch/events.full"
    for change in truncate copy threads1; do
      cp "$scratch/events.full" "$g/events.csv"
      threads=()
      [[ $change == threads1 ]] && threads=(--threads 1)
      "$CLM" report --events "$g/events.csv" "${threads[@]}" --sections data_quality \
        --format json >"$scratch/out" 2>"$scratch/err" &
      pid=$!
      # Wait until the file is mapped, then change it.
      for _ in $(seq 1 2000); do
        grep -qF "$g/events.csv" "/proc/$pid/maps" 2>/dev/null && break
        sleep 0.005
      done
      grep -qF "$g/events.csv" "/proc/$pid/maps" 2>/dev/null || fail "$change: the input was never mapped"
      if [[ $change == copy ]]; then
        head -c 2000000 "$scratch/events.full" >"$scratch/other.csv"
        cp "$scratch/other.csv" "$g/events.csv"
      else
        truncate -s 1000000 "$g/events.csv"
      fi
      wait "$pid"
      status=$?
      [[ $status == 74 || $status == 66 ]] || fail "$change: exit $status, want 74 or 66"
      expect_stderr "$g/events.csv"
    done
    ;;

  user-mistakes)
    # A directory where a file is expected: exit 66 (cannot open), not an internal error.
    mkdir -p "$scratch/dir"
    expect_status 66 "$CLM" report --events "$d/events.csv" --settings "$scratch/dir"
    expect_stderr "$scratch/dir"
    expect_status 66 "$CLM" check --events "$d/events.csv" --goals "$scratch/dir"
    expect_stderr "$scratch/dir"
    expect_status 66 "$CLM" clv predict --events "$d/events.csv" --params "$scratch/dir"
    expect_stderr "$scratch/dir"
    # Numbers beyond what a setting can hold: exit 2 naming the key.
    echo '{"margin": 1e400}' >"$scratch/s1.json"
    expect_status 2 "$CLM" report --events "$d/events.csv" --settings "$scratch/s1.json"
    expect_stderr "'margin'"
    echo '{"period": "week", "discount_rate": -1e400}' >"$scratch/s2.json"
    expect_status 2 "$CLM" report --events "$d/events.csv" --settings "$scratch/s2.json"
    expect_stderr "'discount_rate'"
    echo '{"inactivity_days": 99999999999999999999}' >"$scratch/s3.json"
    expect_status 2 "$CLM" report --events "$d/events.csv" --settings "$scratch/s3.json"
    expect_stderr "'inactivity_days' is too large"
    # A count of 0 events is refused, not "by --customers".
    expect_status 2 "$CLM" generate --events 0 --out "$scratch/gen0"
    [[ -e $scratch/gen0 ]] && fail "generate --events 0 wrote files"
    echo '{"goals": [{"metric": "nps", "min": 1e400}]}' >"$scratch/g1.json"
    expect_status 2 "$CLM" check --events "$d/events.csv" --goals "$scratch/g1.json"
    expect_stderr "'min'"
    ;;

  control-characters)
    # Identifiers with control characters and HTML: escaped in the table and
    # Markdown formats; a NUL (\u0000 in JSON) refused as a CSV file's NUL is.
    e=$scratch/ids.jsonl
    {
      echo '{"customer_id": "esc\u001b[31mred", "timestamp": "2024-01-01", "type": "signup"}'
      echo '{"customer_id": "two\nlines", "timestamp": "2024-01-02", "type": "signup"}'
      echo '{"customer_id": "<script>alert(1)</script>&amp;", "timestamp": "2024-01-03", "type": "signup"}'
      echo '{"customer_id": "c1\u0085", "timestamp": "2024-01-04", "type": "signup"}'
    } >"$e"
    expect_status 0 "$CLM" stages --events "$e" --format table
    LC_ALL=C grep -q $'\x1b' "$scratch/out" && fail "table: a raw ESC byte in the output"
    LC_ALL=C grep -q $'\xc2\x85' "$scratch/out" && fail "table: a raw C1 control in the output"
    grep -qF 'esc\x1b[31mred' "$scratch/out" || fail "table: ESC not shown as \\x1b"
    grep -qF 'two\nlines' "$scratch/out" || fail "table: newline not shown as \\n"
    grep -qF 'c1\u0085' "$scratch/out" || fail "table: C1 control not shown as \\u0085"
    expect_status 0 "$CLM" stages --events "$e" --format markdown
    grep -qF '<script>' "$scratch/out" && fail "markdown: raw <script>"
    grep -qF '&lt;script>alert(1)&lt;/script>&amp;amp;' "$scratch/out" ||
      fail "markdown: HTML not escaped"
    grep -qF 'esc\x1b[31mred' "$scratch/out" || fail "markdown: ESC not escaped"
    # CSV and JSON keep the exact value (they quote or escape it themselves).
    expect_status 0 "$CLM" stages --events "$e" --format json
    grep -qF '"esc\u001b[31mred"' "$scratch/out" || fail "json: the id changed"
    printf '{"customer_id": "c\\u0000x", "timestamp": "2024-01-01", "type": "signup"}\n' \
      >"$scratch/nul.jsonl"
    expect_status 65 "$CLM" stages --events "$scratch/nul.jsonl"
    expect_stderr "nul.jsonl:1: column 'customer_id': NUL character"
    ;;

  lenient-messages)
    # Lenient mode: a row error without a column or value prints neither, and every
    # reason's first row is shown in the report, also after the first five bad rows.
    e=$scratch/l.jsonl
    {
      echo '[1, 2]'
      for _ in 1 2 3 4 5 6; do
        echo '{"customer_id": "c1", "timestamp": "2024-02-30", "type": "signup"}'
      done
      echo '{"customer_id": "c1", "timestamp": "2024-01-01", "type": "nps", "score": 11}'
      echo '{"customer_id": "c1", "timestamp": "2024-01-01", "type": "signup"}'
    } >"$e"
    expect_status 0 "$CLM" report --events "$e" --lenient --sections data_quality --format json
    grep -qF "column ''" "$scratch/err" && fail "a row error shows an empty column"
    grep -qF "(value '')" "$scratch/err" && fail "a row error shows an empty value"
    first=$(jq -r '.sections[] | select(.id == "rejected_rows") | .rows[]
                   | select(.reason == "nps score must be 0 to 10") | .example' "$scratch/out")
    [[ $first == "$e:8 (score '11')" ]] || fail "first bad score: '$first', want $e:8 (score '11')"
    first=$(jq -r '.sections[] | select(.id == "rejected_rows") | .rows[]
                   | select(.reason == "not a JSON object") | .example' "$scratch/out")
    [[ $first == "$e:1" ]] || fail "first row that is not an object: '$first', want $e:1"
    ;;

  *)
    echo "unknown case $case_name" >&2
    exit 2
    ;;
esac

[[ $failures == 0 ]]
