# Shared by cli_test.sh and update_expected.sh: how the expected reports are
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
