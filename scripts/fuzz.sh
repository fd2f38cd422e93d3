#!/usr/bin/env bash
# Builds the libFuzzer targets (the 'fuzz' preset: clang, ASan + UBSan +
# libFuzzer) and runs each for a bounded time. Fails on any finding: a crash,
# a sanitizer report, a broken invariant, a timeout (> 10 s for one input) or
# more than 2 GB of memory. Findings are left in build/fuzz/artifacts/<target>/;
# copy each into fuzz/regressions/<target>/ so the unit suite replays it.
#
#   scripts/fuzz.sh [--seconds N] [--no-build] [target...]
#
# N defaults to $CLM_FUZZ_SECONDS or 30 seconds per target. Targets default to
# every fuzz/targets/*.cpp (csv_reader, json_reader, timestamp, money, report).
# Inputs found to be new are kept in build/fuzz/corpus/<target>/ (not checked
# in) so repeated local runs go deeper; nothing is minimised.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${CLM_FUZZ_SECONDS:-30}"
build=1
targets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --seconds=*) seconds="${1#*=}"; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
if [[ ${#targets[@]} -eq 0 ]]; then
  for f in fuzz/targets/*.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi

bin=build/fuzz/fuzz
if [[ $build -eq 1 ]]; then
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz -j "$(nproc)"
fi

# Seeds from the bad-input corpus, prefixed with the configuration byte the
# target expects (see the comment at the top of each fuzz/targets/*.cpp).
bad_seeds() {
  local target="$1" dir="build/fuzz/seeds/$1" f
  rm -rf "$dir"; mkdir -p "$dir"
  [[ -d tests/data/bad ]] || { echo "$dir"; return; }
  while IFS= read -r -d '' f; do
    local out="$dir/$(echo "$f" | tr '/' '_')"
    case "$target:$f" in
      csv_reader:*.csv|report:*.csv) { printf '\x08'; head -c 65536 "$f"; } >"$out" ;;
      json_reader:*.jsonl|json_reader:*.ndjson) { printf '\x00'; head -c 65536 "$f"; } >"$out" ;;
      json_reader:*.json) { printf '\x08'; head -c 65536 "$f"; } >"$out" ;;
      report:*.jsonl|report:*.ndjson) { printf '\x09'; head -c 65536 "$f"; } >"$out" ;;
      report:*.json) { printf '\x0a'; head -c 65536 "$f"; } >"$out" ;;
    esac
  done < <(find tests/data/bad -type f -size -1M -print0)
  echo "$dir"
}

failed=()
for t in "${targets[@]}"; do
  exe="$bin/clm_fuzz_$t"
  [[ -x "$exe" ]] || { echo "fuzz.sh: no target $exe" >&2; exit 2; }
  work="build/fuzz/corpus/$t"
  artifacts="build/fuzz/artifacts/$t/"
  mkdir -p "$work" "$artifacts" "fuzz/corpus/$t" "fuzz/regressions/$t"
  seeds=$(bad_seeds "$t")
  echo "== fuzzing $t for ${seconds}s"
  # The first corpus directory receives new inputs: the scratch one, never a checked-in one.
  if ! "$exe" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
      -artifact_prefix="$artifacts" -print_final_stats=1 \
      "$work" "fuzz/corpus/$t" "fuzz/regressions/$t" "$seeds" 2>"build/fuzz/$t.log"; then
    failed+=("$t")
    grep -E "ERROR|runtime error|invariant failed|Test unit written" "build/fuzz/$t.log" | head -20 >&2 || true
    echo "fuzz.sh: $t found a problem; log build/fuzz/$t.log, input in $artifacts" >&2
  else
    grep -E "^stat::number_of_executed_units|^Done" "build/fuzz/$t.log" || true
  fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz.sh: findings in: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz.sh: every target ran ${seconds}s clean"
