#!/usr/bin/env bash
# Runs every test of Realtime, on a fresh Debian machine with the .NET SDK:
#   1. installs what the tests need when missing (Debian: postgresql, chromium, fonts-noto-cjk, python3-openpyxl; npm packages of dashboards/);
#   2. provides a PostgreSQL: $REALTIME_TEST_POSTGRES when set, else a throwaway cluster (scripts/postgres-test-cluster.sh), stopped afterwards;
#   3. builds and runs `dotnet test Realtime.sln` — unit, integration (real PostgreSQL, test server, real SignalR client)
#      and dashboard tests (real headless Chromium against the real server).
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter "FullyQualifiedName~Domain").
set -euo pipefail
cd "$(dirname "$0")"

log() { echo "test.sh: $*" >&2; }

need_packages=()
command -v chromium >/dev/null 2>&1 || need_packages+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_packages+=(fonts-noto-cjk)
if [[ -z "${REALTIME_TEST_POSTGRES:-}" ]] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then need_packages+=(postgresql); fi
command -v npm >/dev/null 2>&1 || need_packages+=(nodejs npm)
# The .xlsx exports are read back with openpyxl, a reader we did not write (tests/Realtime.Testing/OpenPyxl.cs).
{ python3 -c "import openpyxl" 2>/dev/null || /usr/bin/python3 -c "import openpyxl" 2>/dev/null; } || need_packages+=(python3-openpyxl)
if [[ ${#need_packages[@]} -gt 0 ]]; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        log "installing ${need_packages[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq "${need_packages[@]}" >&2
    else
        log "missing ${need_packages[*]}: install them (as root: apt-get install ${need_packages[*]}); the tests that need them will fail saying so"
    fi
fi

if [[ -z "${REALTIME_TEST_POSTGRES:-}" ]]; then
    eval "$(scripts/postgres-test-cluster.sh start)"
    trap 'scripts/postgres-test-cluster.sh stop || true' EXIT
fi
export REALTIME_TEST_POSTGRES

dotnet build Realtime.sln -c Debug -nologo -clp:ErrorsOnly

mkdir -p artifacts
set +e
# The dashboards' own unit tests (node's runner; npm ci already ran as part of the server build).
npm test --prefix dashboards 2>&1 | tee artifacts/dashboards-unit.log
node_status=${PIPESTATUS[0]}
# One test assembly at a time (-m:1): several of them start whole servers, PostgreSQL clusters and browsers, and on a
# 2-core machine running them side by side only makes timing-sensitive tests slower.
dotnet test Realtime.sln -c Debug --no-build -nologo -m:1 "$@" 2>&1 | tee artifacts/test-output.log
status=${PIPESTATUS[0]}
set -e
[[ $node_status -eq 0 ]] || status=$node_status

# One closing line for CI: the totals over every test assembly.
passed=$(( $(grep -oE 'Passed: +[0-9]+' artifacts/test-output.log | awk '{s+=$2} END {print s+0}') + $(grep -oE '^# pass [0-9]+' artifacts/dashboards-unit.log | awk '{s+=$3} END {print s+0}') ))
failed=$(( $(grep -oE 'Failed: +[0-9]+' artifacts/test-output.log | awk '{s+=$2} END {print s+0}') + $(grep -oE '^# fail [0-9]+' artifacts/dashboards-unit.log | awk '{s+=$3} END {print s+0}') ))
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
