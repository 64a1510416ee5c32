#!/usr/bin/env bash
# Measures the collector agent (linux source, 10 s interval, exporting to a local Rules) and Prometheus
# node_exporter (scraped every 10 s, as Prometheus would) side by side in the same run: resident memory (VmRSS)
# sampled every 10 s, and CPU as (utime + stime) over the measured window, after a warm-up.
# Usage: benchmarks/agent-footprint.sh [seconds-measured=300] [warm-up-seconds=30]
#   Defaults are the deployed settings (deploy/linux/azlocal-collector.service): ReadyToRun, no tiered compilation,
#   small GC budgets. Override with PUBLISH_ARGS="" AGENT_ENV="DOTNET_TieredPGO=0 ..." to compare others.
# Needs: dotnet SDK, prometheus-node-exporter (apt-get install -y prometheus-node-exporter), curl. Loopback only.
set -euo pipefail
MEASURE=${1:-300}
WARMUP=${2:-30}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/azlm-footprint-XXXXXX)
RULES_PORT=${RULES_PORT:-19580}
NE_PORT=${NE_PORT:-19581}
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

echo "# building: trimmed self-contained agent, Rules"
# shellcheck disable=SC2086
dotnet publish "$ROOT/src/Collector" -c Release -r linux-x64 --self-contained -p:PublishTrimmed=true ${PUBLISH_ARGS--p:PublishReadyToRun=true} -o "$WORK/agent" >"$WORK/publish.log" 2>&1 \
  || { cat "$WORK/publish.log"; exit 1; }
dotnet build "$ROOT/src/Rules" -c Release -o "$WORK/rules" >"$WORK/rules-build.log" 2>&1 || { cat "$WORK/rules-build.log"; exit 1; }

dotnet "$WORK/rules/AzLocalMonitor.Rules.dll" --urls "http://127.0.0.1:$RULES_PORT" --State:Path "$WORK/rules.db" \
  --Logging:LogLevel:Default Warning >"$WORK/rules.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$RULES_PORT/healthz" >/dev/null && break; sleep 0.2; done

# The agent's runtime knobs: workstation non-concurrent GC (in its runtimeconfig), a hard heap limit, a small gen0
# budget, no tiered PGO, invariant globalization (built in).
AGENT_ENV=${AGENT_ENV-DOTNET_GCHeapHardLimit=0x2000000 DOTNET_GCgen0size=0x100000 DOTNET_GCConserveMemory=9 DOTNET_TieredCompilation=0}
echo "# agent environment: $AGENT_ENV; publish: -p:PublishTrimmed=true ${PUBLISH_ARGS--p:PublishReadyToRun=true}"
# shellcheck disable=SC2086
env $AGENT_ENV "$WORK/agent/AzLocalMonitor.Collector" --source linux --cluster footprint --node footprint \
  --rules "http://127.0.0.1:$RULES_PORT" --interval 10s --spool "$WORK/spool" >"$WORK/agent.log" 2>&1 &
AGENT=$!; PIDS+=($AGENT)

prometheus-node-exporter --web.listen-address="127.0.0.1:$NE_PORT" --log.level=warn >"$WORK/ne.log" 2>&1 &
NE=$!; PIDS+=($NE)

# node_exporter works only when scraped: scrape it every 10 s, like the agent's interval.
( while sleep 10; do curl -fs "http://127.0.0.1:$NE_PORT/metrics" >/dev/null || true; done ) &
PIDS+=($!)

sleep "$WARMUP"
HZ=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
a0=$(cpu_ticks $AGENT); n0=$(cpu_ticks $NE); t0=$(date +%s.%N)
a_rss=(); n_rss=()
end=$(( $(date +%s) + MEASURE ))
while [ "$(date +%s)" -lt "$end" ]; do
  a_rss+=("$(rss_kb $AGENT)"); n_rss+=("$(rss_kb $NE)")
  sleep 10
done
a1=$(cpu_ticks $AGENT); n1=$(cpu_ticks $NE); t1=$(date +%s.%N)

summary() { # name ticks0 ticks1 rss...
  local name=$1 c0=$2 c1=$3; shift 3
  printf '%s\n' "$@" | awk -v name="$name" -v c0="$c0" -v c1="$c1" -v hz="$HZ" -v t0="$t0" -v t1="$t1" '
    { s += $1; if ($1 > max) max = $1; n++ }
    END { printf "| %s | %.1f | %.1f | %.3f%% |\n", name, s / n / 1024, max / 1024, (c1 - c0) / hz / (t1 - t0) * 100 }'
}
echo
echo "measured ${MEASURE}s after ${WARMUP}s warm-up on $(nproc) cores, $(uname -r)"
echo "| process | mean RSS (MiB) | max RSS (MiB) | CPU (% of one core) |"
echo "|---|---|---|---|"
summary "azlocal collector (linux source, 10 s, trimmed self-contained)" "$a0" "$a1" "${a_rss[@]}"
summary "prometheus-node-exporter $(prometheus-node-exporter --version 2>&1 | awk 'NR==1{print $3}') (scraped every 10 s)" "$n0" "$n1" "${n_rss[@]}"
echo
echo "agent batches delivered: $(curl -fs "http://127.0.0.1:$RULES_PORT/metrics" | awk '/^azlm_agent_batch_sequence/ {print $2}')"
