#!/usr/bin/env bash
# Rules' end-to-end ingest against the peers a user would pick instead, in one run on this machine:
#   simulated agents (benchmarks/Ingest.LoadHarness) → a running Rules over OTLP/HTTP (one node's export per request,
#   protobuf, then JSON), the same fleet's distinct samples scraped by Prometheus 2.42 and imported by
#   VictoriaMetrics (Prometheus text to /api/v1/import/prometheus). CPU = utime+stime from /proc over the same
#   measured window; RSS from /proc. Checks that Rules fires the same alerts as the policy exported as Prometheus
#   rules (deploy/prometheus-only/rules/azlocal.rules.yml) evaluated by that Prometheus on the same samples.
# Usage: benchmarks/ingest-vs-peers.sh [harness options, see: dotnet run --project benchmarks/Ingest.LoadHarness -- --help]
#   default: 1000 clusters × 3 nodes × 4 volumes, 5 s warm-up + 30 s per row (≈ 3 min with the builds done)
#   e.g. --clusters 6000 --seconds 60 for ~1M series; --paced for the real 10 s cadence.
#   RULES_ENV="DOTNET_gcServer=1" to run Rules with other runtime settings.
# Last line: ingest per CPU-second: rules R, prometheus P, victoriametrics V; ratio to best peer X.XX; rules RSS per series B bytes
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/azlm-ingest-XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The peers this benchmark runs (Debian packages), installed when missing.
missing=()
command -v prometheus >/dev/null || missing+=(prometheus)
command -v victoria-metrics >/dev/null || missing+=(victoria-metrics)
if [ ${#missing[@]} -gt 0 ]; then
  echo "# installing ${missing[*]}"
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get install -y "${missing[@]}" >"$WORK/apt.log" 2>&1 || { apt-get update >/dev/null 2>&1 || true; $SUDO apt-get install -y "${missing[@]}"; }
fi

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); load: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
echo "# building Rules and the harness (Release)"
# RULES_DIR=<a Release build output of src/Rules> skips building it (A/B runs of one build).
if [ -n "${RULES_DIR:-}" ]; then ln -s "$(cd "$RULES_DIR" && pwd)" "$WORK/rules"; else
  dotnet build "$ROOT/src/Rules" -c Release -o "$WORK/rules" -v quiet -clp:ErrorsOnly >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
fi
dotnet build "$ROOT/benchmarks/Ingest.LoadHarness" -c Release -v quiet -clp:ErrorsOnly >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }

RULES_PORT=$(free_port); HARNESS_PORT=$(free_port); PEER_PORT=$(free_port); VM_PORT=$(free_port)
# shellcheck disable=SC2086
env ${RULES_ENV:-} dotnet "$WORK/rules/AzLocalMonitor.Rules.dll" --urls "http://127.0.0.1:$RULES_PORT" --Auth:Mode none --RateLimits:IngestPerSecond 0 \
  --State:Path "$WORK/rules.db" --History:Path "$WORK/history.db" --Logging:LogLevel:Default Warning >"$WORK/rules.log" 2>&1 &
RULES=$!; PIDS+=($RULES)
for _ in $(seq 150); do curl -fs "http://127.0.0.1:$RULES_PORT/healthz" >/dev/null && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$RULES_PORT/healthz" >/dev/null || { echo "Rules did not start:"; cat "$WORK/rules.log"; exit 1; }
echo "# Rules pid $RULES on 127.0.0.1:$RULES_PORT, idle RSS $(awk '/^VmRSS:/ {print int($2/1024)}' /proc/$RULES/status) MiB${RULES_ENV:+ ($RULES_ENV)}"

set +e
dotnet "$ROOT/benchmarks/Ingest.LoadHarness/bin/Release/net10.0/Ingest.LoadHarness.dll" \
  --rules "http://127.0.0.1:$RULES_PORT" --rules-pid "$RULES" --port "$HARNESS_PORT" --peer-port "$PEER_PORT" --vm-port "$VM_PORT" \
  --prometheus-rules "$ROOT/deploy/prometheus-only/rules/azlocal.rules.yml" --work "$WORK/peers" "$@" | tee "$WORK/harness.out"
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then
  echo "# harness failed ($status); Rules log tail:"; tail -5 "$WORK/rules.log"
fi
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
# The result line last, exactly as documented.
grep '^ingest per CPU-second:' "$WORK/harness.out" | tail -1
exit "$status"
