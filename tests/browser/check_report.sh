#!/usr/bin/env bash
# Renders the example HTML report in headless Chromium and checks that it
# loads without console messages or errors, that every chart is in the DOM,
# and that it is self-contained; saves a screenshot beside the report.
#
#   check_report.sh CLM EXAMPLES_DATA_DIR OUT_DIR [CHROMIUM]
#
# Writes OUT_DIR/report.html, report.dom.html, report.log and report.png.
set -euo pipefail
clm=$1 data=$2 out=$3 chromium=${4:-chromium}
mkdir -p "$out"
out=$(cd "$out" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "browser test: FAIL: $*" >&2; exit 1; }

"$clm" report --events "$data/events.csv" --customers "$data/customers.csv" \
  --spend "$data/spend.csv" --format html --output "$out/report.html"

# Self-contained: no script, no link, no image or style fetched from anywhere.
if grep -Eiq '<script|<link|<img|<iframe|src=|href=|@import|url\(' "$out/report.html"; then
  fail "the report refers to a script or an external resource"
fi

# Chromium needs a writable HOME and profile; a fresh one each run.
run_chromium() {
  HOME=$scratch timeout 120 "$chromium" --headless=new --no-sandbox --disable-gpu \
    --no-first-run --user-data-dir="$scratch/profile" --hide-scrollbars "$@" \
    "file://$out/report.html"
}
run_chromium --enable-logging=stderr --v=0 --dump-dom >"$out/report.dom.html" \
  2>"$out/report.log" || fail "chromium --dump-dom failed or timed out (see $out/report.log)"

# Any page console output (an error, a warning, a log) is a failure: the page
# has no script, so the only messages would be the browser's complaints.
if grep -E 'CONSOLE|Uncaught|Refused to|Failed to load' "$out/report.log"; then
  fail "console messages while loading the report (above)"
fi

# Every chart, drawn: the figure by id and an svg with an accessible name.
charts=(chart-nps chart-csat chart-ces chart-churn chart-cohorts chart-stage_flow chart-funnel
  chart-survival_curve chart-clv_cac chart-rfm)
for id in headline "${charts[@]}"; do
  grep -q "id=\"$id\"" "$out/report.dom.html" || fail "'$id' is not in the rendered DOM"
done
for id in "${charts[@]}"; do
  grep -q "aria-labelledby=\"$id-svg-title $id-svg-desc\"" "$out/report.dom.html" ||
    fail "the svg of '$id' is missing or has no accessible name"
done
svgs=$(grep -o '<svg ' "$out/report.dom.html" | wc -l)
((svgs >= ${#charts[@]})) || fail "only $svgs svg elements in the DOM"

run_chromium --window-size=1280,3000 --screenshot="$out/report.png" >/dev/null 2>&1 ||
  fail "chromium --screenshot failed or timed out"
[[ $(head -c 8 "$out/report.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] ||
  fail "no PNG screenshot at $out/report.png"
echo "browser test: ok: ${#charts[@]} charts rendered, no console messages; screenshot $out/report.png"
