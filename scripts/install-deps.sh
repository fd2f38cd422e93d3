#!/usr/bin/env bash
# Installs the Debian 12 packages clm needs to build and test. Idempotent and
# non-interactive: does nothing when everything is already installed.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config python3 tzdata
  libfmt-dev libcli11-dev nlohmann-json3-dev catch2
  libhowardhinnant-date-dev libsimdjson-dev
  libboost-dev libnlopt-dev
  # the man page (help2man) and the .deb's Depends (dpkg-shlibdeps, file)
  help2man dpkg-dev file
)
# Fuzzing (clang's libFuzzer runtime) and the browser test (chromium) are only
# needed by the test run, like jq for the CLI tests.
if [[ "${1:-}" == "--test" ]]; then
  packages+=(clang libclang-rt-14-dev chromium jq)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "Installing: ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
