#!/usr/bin/env bash
# End-to-end tests of the clm subcommands other than `report` (registered with
# CTest by tests/cli_commands.cmake):
#
#   commands_test.sh CASE CLM DATA_DIR TESTS_CLI_DIR
#
# Expected values come from facts checked independently of the command under
# test: the checked-in example report (tests/cli/expected/report.json), row
# counts of the inputs, headers, exit statuses and run-to-run determinism.
set -uo pipefail
case_name=$1
CLM=$2
data=$3
here=$4
expected=$here/expected/commands
# shellcheck source=lib.sh
source "$here/lib.sh"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
stage_data "$data" "$scratch/data"
d=$scratch/data
failures=0

# expect_status WANT CMD...: runs CMD in the data directory (stdout to
# $scratch/out, stderr to $scratch/err).
expect_status() {
  local want=$1
  shift
  (cd "$d" && "$@") >"$scratch/out" 2>"$scratch/err"
  local got=$?
  [[ $got == "$want" ]] || fail "exit $got, want $want: $* (stderr: $(head -c 300 "$scratch/err"))"
}

expect_no_stderr() {
  [[ ! -s $scratch/err ]] || fail "stderr not empty: $(head -c 300 "$scratch/err")"
}

# data rows of CSV block SECTION in a clm --format csv output.
csv_rows() {
  grep -c "^$2," "$1"
}

inputs=(--events events.csv --customers customers.csv --spend spend.csv)

case $case_name in
  check-pass)
    # Every goal met (values in expected/report.json: NPS 6.25, churn 0.0548, CSAT 57.51,
    # mean CLV 200.039867, 300 active customers): exit 0, no stderr.
    expect_status 0 "$CLM" check "${inputs[@]}" --goals "$here/goals/pass.json"
    same_file "$scratch/out" "$expected/check-pass.txt"
    expect_no_stderr
    # The same goals from a settings file.
    printf '{"goals": %s}\n' "$(jq -c .goals "$here/goals/pass.json")" >"$scratch/s.json"
    expect_status 0 "$CLM" check "${inputs[@]}" --settings "$scratch/s.json"
    same_file "$scratch/out" "$expected/check-pass.txt"
    ;;

  check-fail)
    # NPS 6.25 < 30; CLV:CAC affiliate 0.2516, search 0.2644, social 0.2631 < 0.3;
    # (none) and organic have no CAC (null); last complete month 2024-06 churn 0.0152.
    expect_status 1 "$CLM" check "${inputs[@]}" --goals "$here/goals/fail.json" --format json
    same_file "$scratch/out" "$expected/check-fail.json"
    [[ $(jq -r '.meta.failed' "$scratch/out") == 4 ]] || fail "want 4 failed results"
    expect_status 1 "$CLM" check "${inputs[@]}" --goals "$here/goals/fail.json"
    same_file "$scratch/out" "$expected/check-fail.txt"
    ;;

  check-null)
    # Every defined CLV:CAC is >= 0.2516 >= 0.25; two channels are null.
    expect_status 0 "$CLM" check "${inputs[@]}" --goals "$here/goals/null.json" --format csv
    [[ $(grep -c ',NULL,false$' "$scratch/out") == 2 ]] || fail "want 2 non-failing NULL rows"
    [[ $(grep -c ',PASS,false$' "$scratch/out") == 5 ]] || fail "want 5 PASS rows"
    expect_status 1 "$CLM" check "${inputs[@]}" --goals "$here/goals/null.json" --null-fails
    expect_status 1 "$CLM" check "${inputs[@]}" --goals "$here/goals/null-fails.json"
    ;;

  check-errors)
    expect_status 2 "$CLM" check "${inputs[@]}" --goals "$here/goals/typo.json"
    expect_stderr "unknown goal metric 'churn' (did you mean 'churn_rate'?)"
    expect_status 66 "$CLM" check "${inputs[@]}" --goals "$scratch/missing.json"
    expect_status 2 "$CLM" check "${inputs[@]}"
    expect_stderr "no goals"
    [[ ! -s $scratch/out ]] || fail "an error printed on stdout"
    ;;

  config-print)
    # The defaults of metrics.md, every key.
    expect_status 0 "$CLM" config --print
    same_file "$scratch/out" "$expected/config-defaults.json"
    # Round trip: the printed settings are a settings file that prints the same.
    expect_status 0 "$CLM" config --print --settings "$here/settings/team.json" --by channel
    cp "$scratch/out" "$scratch/effective.json"
    [[ $(jq -r '.period, .inactivity_days, .margin, .by' "$scratch/effective.json" | tr '\n' ' ') == \
      "quarter 60 0.6 channel " ]] || fail "settings file or option not applied"
    expect_status 0 "$CLM" config --print --settings "$scratch/effective.json"
    same_file "$scratch/out" "$scratch/effective.json"
    # Options win over the file.
    expect_status 0 "$CLM" config --print --settings "$here/settings/team.json" --margin 0.5
    [[ $(jq -r .margin "$scratch/out") == 0.5 ]] || fail "--margin does not override the file"
    expect_status 2 "$CLM" config
    ;;

  settings-errors)
    expect_status 2 "$CLM" report "${inputs[@]}" --settings "$here/settings/unknown-key.json"
    expect_stderr "unknown key 'perod' (did you mean 'period'?)"
    expect_status 2 "$CLM" report "${inputs[@]}" --settings "$here/settings/wrong-type.json"
    expect_stderr "'inactivity_days' must be an integer, not a string"
    expect_status 66 "$CLM" report "${inputs[@]}" --settings "$scratch/none.json"
    expect_status 2 "$CLM" report "${inputs[@]}" --inactivity-days -1
    expect_stderr "inactivity_days (--inactivity-days): must be >= 0"
    [[ ! -s $scratch/out ]] || fail "an error printed on stdout"
    ;;

  settings-report)
    # A settings file gives the same report as the same options on the command line.
    expect_status 0 "$CLM" report "${inputs[@]}" --settings "$here/settings/team.json" --format json
    cp "$scratch/out" "$scratch/from-file.json"
    expect_status 0 "$CLM" report "${inputs[@]}" --period quarter --inactivity-days 60 \
      --margin 0.6 --format json
    same_file "$scratch/from-file.json" "$scratch/out"
    # Every setting given explicitly at its metrics.md default reproduces the expected report.
    expect_status 0 "$CLM" report "${inputs[@]}" --format json --margin 1 --inactivity-days 90 \
      --activity-types signup,purchase --loyalty-purchases 5 --activation-days 7 \
      --email-delivered auto --period month --tz UTC --week-start monday
    same_file "$scratch/out" "$here/expected/report.json"
    # A non-default D shows in the activation section.
    expect_status 0 "$CLM" report "${inputs[@]}" --sections activation --activation-days 0 \
      --format json
    [[ $(jq -r '.sections[0].title' "$scratch/out") == "Activation within 0 days" ]] ||
      fail "--activation-days not applied"
    ;;

  no-progress)
    # Standard error is not a terminal: nothing on it after a successful run.
    for cmd in report value cac stages rfm; do
      expect_status 0 "$CLM" "$cmd" "${inputs[@]}"
      expect_no_stderr
    done
    # On a terminal (script(1) gives a pseudo-terminal), --quiet keeps it silent too.
    if command -v script >/dev/null; then
      (cd "$d" && script -qec "'$CLM' report --events events.csv --quiet --format json \
        --output /dev/null" /dev/null) >"$scratch/tty" 2>&1 || fail "report on a tty failed"
      # Some script(1) versions print their own "Script started ..." header when standard
      # input is not a terminal (as under CI); only clm's progress phases matter here.
      ! grep -qE 'reading |building store|computing report' "$scratch/tty" ||
        fail "--quiet printed on a terminal: $(head -c 200 "$scratch/tty")"
    fi
    ;;

  value-cac)
    # The value and cac sections are the report's own (expected/report.json).
    expect_status 0 "$CLM" value "${inputs[@]}" --format json
    jq -c '.sections' "$scratch/out" >"$scratch/value.json"
    jq -c '[.sections[] | select(.id | IN("revenue","cac_channels","cac_summary","cac_payback","clv","clv_cac"))]' \
      "$here/expected/report.json" >"$scratch/want.json"
    same_file "$scratch/value.json" "$scratch/want.json"
    expect_status 0 "$CLM" cac "${inputs[@]}" --format json
    [[ $(jq -r '[.sections[].id] | join(",")' "$scratch/out") == \
      "cac_channels,cac_summary,cac_payback,clv_cac" ]] || fail "clm cac sections"
    # Payback cohorts are calendar months whatever --period: the monthly report's section.
    jq -c '.sections[] | select(.id == "cac_payback")' "$here/expected/report.json" >"$scratch/want.json"
    for period in week quarter year; do
      expect_status 0 "$CLM" cac "${inputs[@]}" --format json --period "$period"
      jq -c '.sections[] | select(.id == "cac_payback")' "$scratch/out" >"$scratch/payback.json"
      same_file "$scratch/payback.json" "$scratch/want.json"
    done
    # --clv-csv: one row per customer acquired before the as-of time (300) and a header.
    expect_status 0 "$CLM" value "${inputs[@]}" --clv-csv "$scratch/clv.csv" --output /dev/null
    [[ $(wc -l <"$scratch/clv.csv") == 301 ]] || fail "clv.csv has $(wc -l <"$scratch/clv.csv") lines"
    ;;

  stages-rfm)
    # One stage row per person (300 customers + 100 prospects), counts as in the report.
    expect_status 0 "$CLM" stages "${inputs[@]}" --format csv
    [[ $(csv_rows "$scratch/out" customer_stages) == 400 ]] || fail "stages rows"
    grep -qx \
      'section,customer_id,group,stage,acquired_at,active,purchases,latest_nps,referrals' "$scratch/out" ||
      fail "stages header"
    for pair in reach:100 acquisition:4 conversion:21 retention:62 loyalty:125 churned:88; do
      n=$(grep -c "^customer_stages,[^,]*,all,${pair%%:*}," "$scratch/out")
      [[ $n == "${pair##*:}" ]] || fail "stage ${pair%%:*}: $n, want ${pair##*:}"
    done
    # L = 2: an active customer with 2 or more purchases is loyal, so none is in retention.
    expect_status 0 "$CLM" stages "${inputs[@]}" --format csv --loyalty-purchases 2
    [[ $(grep -c '^customer_stages,[^,]*,all,retention,' "$scratch/out") == 0 ]] ||
      fail "--loyalty-purchases 2 left customers in retention"
    # RFM: one row per buyer (282 in the report's revenue section).
    expect_status 0 "$CLM" rfm "${inputs[@]}" --format csv
    [[ $(csv_rows "$scratch/out" customer_rfm) == 282 ]] || fail "rfm rows"
    ;;

  clv)
    expect_status 0 "$CLM" clv fit "${inputs[@]}" --params "$scratch/model.json" --format csv
    # BG/NBD r, alpha, a, b.
    [[ $(grep -c '^clv_params,bgnbd,' "$scratch/out") == 4 ]] || fail "clv fit: want 4 BG/NBD parameters"
    jq -e . "$scratch/model.json" >/dev/null || fail "clv fit --params wrote no JSON"
    expect_status 0 "$CLM" clv predict "${inputs[@]}" --params "$scratch/model.json" \
      --format csv --horizon 12 --discount 0.05 --margin 0.5
    # One row per customer with a purchase (282).
    [[ $(csv_rows "$scratch/out" clv_customers) == 282 ]] || fail "clv predict rows"
    # The spend model is fitted on the example too, so every customer has a CLV.
    [[ $(grep -c '^clv_customers,.*,$' "$scratch/out") == 0 ]] || fail "clv predict: a CLV is empty"
    jq -e '.spend != null and .fit.spend.starts >= 1' "$scratch/model.json" >/dev/null ||
      fail "clv fit: no spend model or convergence report in the JSON"
    # Three rows that once kept the Pareto/NBD fit busy for minutes.
    printf 'customer_id,timestamp,type,amount\nc1,2024-01-01,purchase,5\nc1,2024-01-08,purchase,5\nc2,2024-01-01,purchase,5\n' \
      >"$scratch/three.csv"
    expect_status 0 timeout 120 "$CLM" clv fit --events "$scratch/three.csv" --model pareto
    # One customer buying for the same amount on 10,000 days: Gamma-Gamma's
    # likelihood keeps rising along a ridge, so fit and predict have no spend
    # model and exit 65 with the reason.
    {
      echo 'customer_id,timestamp,type,amount'
      for ((day = 0; day < 10000; day++)); do echo "c1,$((631152000 + day * 86400)),purchase,20"; done
      echo 'c2,631152000,purchase,5'
    } >"$scratch/tenk.csv"
    expect_status 65 "$CLM" clv fit --events "$scratch/tenk.csv" --unit day
    expect_stderr "the spend model cannot be fitted, so no CLV: Gamma-Gamma fit did not converge"
    expect_status 65 "$CLM" clv predict --events "$scratch/tenk.csv" --unit day
    # A calibration end before any purchase is a data error; a holdout end
    # before the calibration end a usage error.
    expect_status 65 "$CLM" clv fit --events "$scratch/three.csv" --calibration-end 2023-12-31
    expect_stderr "no customer made a purchase by the calibration end"
    expect_status 2 "$CLM" clv validate --events "$scratch/three.csv" --calibration-end 2024-01-08 \
      --holdout-end 2024-01-02
    expect_stderr "the holdout end must be after the calibration end"
    expect_status 0 "$CLM" clv validate "${inputs[@]}" --calibration-end 2024-03-31 \
      --holdout-end 2024-06-30 --format json
    [[ $(jq -r '[.sections[].id] | join(",")' "$scratch/out") == \
      "clv_params,clv_holdout,clv_tracking" ]] || fail "clv validate sections"
    expect_status 2 "$CLM" clv validate "${inputs[@]}"
    expect_stderr "validate needs --holdout-end"
    ;;

  generate)
    # Deterministic: two runs give the same bytes; headers are the input contract's.
    "$CLM" generate --customers 50 --out "$scratch/g1" 2>/dev/null || fail "generate failed"
    "$CLM" generate --customers 50 --out "$scratch/g2" 2>/dev/null || fail "generate failed"
    for t in events customers spend; do same_file "$scratch/g1/$t.csv" "$scratch/g2/$t.csv"; done
    [[ $(head -1 "$scratch/g1/events.csv") == customer_id,timestamp,type,amount,score,channel,campaign ]] ||
      fail "events header"
    [[ $(head -1 "$scratch/g1/spend.csv") == date,channel,amount ]] || fail "spend header"
    # The generated tables are valid input: the report counts their rows.
    events=$(($(wc -l <"$scratch/g1/events.csv") - 1))
    "$CLM" report --events "$scratch/g1/events.csv" --customers "$scratch/g1/customers.csv" \
      --spend "$scratch/g1/spend.csv" --format json >"$scratch/gen.json" || fail "report failed"
    [[ $(jq -r .meta.events "$scratch/gen.json") == "$events" ]] || fail "report events count"
    ;;

  *)
    echo "unknown case $case_name" >&2
    exit 2
    ;;
esac

[[ $failures == 0 ]]
