#!/usr/bin/env bash
# Runs every test of AzLocalMonitor on a fresh machine: installs what the tests need, builds, and runs unit,
# integration (real Prometheus and Alertmanager on loopback) and interop tests. Exit code 0 when all pass.
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-deps.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$(pwd)/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

echo "==> building"
dotnet build AzLocalMonitor.sln -c Release --nologo -v quiet -clp:ErrorsOnly

echo "==> testing"
status=0
# Collectors started by tests keep their spools under XDG_DATA_HOME: a throwaway one, not the user's.
export XDG_DATA_HOME="$(mktemp -d)"
run_tests() {
  dotnet test "$1" -c Release --no-build --nologo \
    --logger "trx" --results-directory "$results" -- RunConfiguration.TestSessionTimeout=3000000
}
# The unit-test assemblies first, side by side; then the integration tests alone: they start real Rules, Prometheus,
# Alertmanager and agents whose timing (kill -9, HA failover, replays) should not compete with four other test hosts
# for two cores.
pids=()
for project in tests/*.Tests/*.Tests.csproj; do
  case "$project" in */Integration.Tests/*) continue ;; esac
  run_tests "$project" & pids+=("$!")
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
run_tests tests/Integration.Tests/AzLocalMonitor.Integration.Tests.csproj || status=1

# One closing line over every test assembly, counted from the TRX files.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ]; then
  echo "error: no test ran" >&2
  exit 1
fi
exit "$status"
