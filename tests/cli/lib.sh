# Shared by the CLI test scripts and update_expected.sh: how the expected reports are
# produced. Runs with the example tables copied into a scratch directory so
# that the sources printed in the data-quality section are plain file names.

# Formats of the checked-in expected reports and their file extensions.
CLM_FORMATS="table:txt json:json csv:csv markdown:md html:html"

# stage_data SRC DST: copies the example tables into DST.
stage_data() {
  mkdir -p "$2"
  cp "$1/events.csv" "$1/events.jsonl" "$1/customers.csv" "$1/spend.csv" "$2/"
}

# shuffle_table SRC DST: the same CSV with its data rows in another order
# (header kept first; a fixed random source makes the order reproducible).
# Every row is one line: the example data has no quoted line breaks.
shuffle_table() {
  head -n 1 "$1" >"$2"
  tail -n +2 "$1" | shuf --random-source=<(yes clm-shuffle-seed) >>"$2"
}

# report DIR FORMAT [ARGS...]: the example report in FORMAT, on stdout.
report() {
  local dir=$1 format=$2
  shift 2
  (cd "$dir" && "$CLM" report --events events.csv --customers customers.csv --spend spend.csv \
    --format "$format" "$@")
}

# The assertions of the CLI test scripts. Each script sets `scratch` (its
# temporary folder) and `failures=0` before calling them.

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# expect_status WANT CMD...: runs CMD (stdout/stderr to $scratch/out, err).
expect_status() {
  local want=$1
  shift
  "$@" >"$scratch/out" 2>"$scratch/err"
  local got=$?
  [[ $got == "$want" ]] || fail "exit $got, want $want: $* (stderr: $(head -c 300 "$scratch/err"))"
}

expect_stderr() {
  grep -qF -- "$1" "$scratch/err" || fail "stderr lacks '$1': $(head -c 300 "$scratch/err")"
}

same_file() {
  cmp -s "$1" "$2" || { fail "$1 differs from $2"; diff "$2" "$1" | head -20 >&2; }
}
