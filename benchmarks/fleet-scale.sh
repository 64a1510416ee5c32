#!/usr/bin/env bash
# Fleet scale: one Rules (all 18 rules of the default policy, Alertmanager configured) fed by a simulated fleet at the
# 10 s interval (benchmarks/Ingest.LoadHarness --mode fleet); ≥ 100 clusters lose quorum during the run and each
# alert's latency is measured from the faulted export to its arrival at a webhook behind a real Alertmanager
# (Debian prometheus-alertmanager, group_wait 0s), and to its arrival at the harness's Alertmanager API (a second
# Alertmanager address Rules posts to at the same time as the real one: the fault reaching Alertmanager). Then one full GET /metrics is timed with Rules' RSS sampled.
# Usage: benchmarks/fleet-scale.sh [harness options]   default: --clusters 2500 --nodes 4 --volumes 16 (10,000 agents)
#   e.g. benchmarks/fleet-scale.sh --clusters 100 --nodes 3 --volumes 4 --rounds 8   (a small fleet)
#   RULES_ENV="DOTNET_GCgen0size=0x4000000" to run Rules with other runtime settings.
# The harness's last line, "cost-row: series=… cpu_us_per_sample=… …", is what docs/benchmarks.md tabulates.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/azlm-fleet-XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

if ! command -v prometheus-alertmanager >/dev/null; then
  echo "# installing prometheus-alertmanager"
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get install -y prometheus-alertmanager >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log"; exit 1; }
fi

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); load: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
echo "# building Rules and the harness (Release)"
# RULES_DIR=<a Release build output of src/Rules> skips building it (A/B runs of one build).
if [ -n "${RULES_DIR:-}" ]; then ln -s "$(cd "$RULES_DIR" && pwd)" "$WORK/rules"; else
  dotnet build "$ROOT/src/Rules" -c Release -o "$WORK/rules" -v quiet -clp:ErrorsOnly >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
fi
dotnet build "$ROOT/benchmarks/Ingest.LoadHarness" -c Release -v quiet -clp:ErrorsOnly >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }

RULES_PORT=$(free_port); HARNESS_PORT=$(free_port); AM_PORT=$(free_port)
cat >"$WORK/alertmanager.yml" <<YAML
route:
  receiver: harness
  group_by: ['alertname', 'cluster']
  group_wait: 0s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: harness
    webhook_configs:
      - url: http://127.0.0.1:$HARNESS_PORT/webhook
        send_resolved: false
YAML
prometheus-alertmanager --config.file="$WORK/alertmanager.yml" --storage.path="$WORK/am" \
  --web.listen-address="127.0.0.1:$AM_PORT" --cluster.listen-address= --log.level=warn >"$WORK/am.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$AM_PORT/-/ready" >/dev/null && break; sleep 0.2; done

# shellcheck disable=SC2086
env ${RULES_ENV:-} dotnet "$WORK/rules/AzLocalMonitor.Rules.dll" --urls "http://127.0.0.1:$RULES_PORT" --Auth:Mode none \
  --RateLimits:IngestPerSecond 0 --Ingest:MaxSeries 100000000 --Ingest:MaxClusters 1000000 \
  --Alertmanager:Urls:0 "http://127.0.0.1:$AM_PORT" --Alertmanager:Urls:1 "http://127.0.0.1:$HARNESS_PORT" \
  --State:Path "$WORK/rules.db" --History:Path "$WORK/history.db" --Logging:LogLevel:Default Warning >"$WORK/rules.log" 2>&1 &
RULES=$!; PIDS+=($RULES)
for _ in $(seq 150); do curl -fs "http://127.0.0.1:$RULES_PORT/healthz" >/dev/null && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$RULES_PORT/healthz" >/dev/null || { echo "Rules did not start:"; cat "$WORK/rules.log"; exit 1; }
echo "# Rules pid $RULES, idle RSS $(awk '/^VmRSS:/ {print int($2/1024)}' /proc/$RULES/status) MiB${RULES_ENV:+ ($RULES_ENV)}"

set +e
dotnet "$ROOT/benchmarks/Ingest.LoadHarness/bin/Release/net10.0/Ingest.LoadHarness.dll" --mode fleet \
  --rules "http://127.0.0.1:$RULES_PORT" --rules-pid "$RULES" --port "$HARNESS_PORT" \
  --clusters 2500 --nodes 4 --volumes 16 "$@"
status=$?
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$status" -eq 0 ] || { echo "# harness exit $status; Rules log tail:"; tail -5 "$WORK/rules.log"; }
exit "$status"
