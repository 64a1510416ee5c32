#!/usr/bin/env bash
# Measures the collector agent (Native AOT, linux source, 10 s interval, exporting to a local Rules) and Prometheus
# node_exporter (Debian's prometheus-node-exporter, scraped every 10 s, as Prometheus would) side by side in the same
# run: resident memory (VmRSS) sampled every 10 s, and CPU as (utime + stime) over the measured window, after a
# warm-up. Installs what it runs (node_exporter, curl, a C toolchain for the AOT link) when missing.
# The AOT publish fails on any trim/AOT warning (warnings are errors), so a passing run also says "zero warnings".
# Usage: benchmarks/agent-footprint.sh [seconds-measured=300] [warm-up-seconds=30]
#   PUBLISH_ARGS="-p:PublishAot=false --self-contained -p:PublishTrimmed=true -p:PublishReadyToRun=true" and
#   AGENT_ENV="DOTNET_TieredCompilation=0 ..." compare the JIT build. Loopback only, free ports, cleans up.
# Last line, exactly: agent RSS A MiB, node_exporter RSS N MiB; ratio X.XX; agent CPU C%
#   (A and N: mean VmRSS over the window; ratio A/N; C: percent of one core).
set -euo pipefail
MEASURE=${1:-300}
WARMUP=${2:-30}
ROOT=$(cd "$(dirname "$0")/.." && pwd)

want=()
command -v prometheus-node-exporter >/dev/null 2>&1 || want+=(prometheus-node-exporter)
command -v curl >/dev/null 2>&1 || want+=(curl)
# The AOT link step drives clang (gcc when clang is absent); Microsoft's prerequisites also name zlib1g-dev.
if ! command -v clang >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then want+=(clang zlib1g-dev); fi
if ((${#want[@]})); then
  echo "# installing Debian packages: ${want[*]}"
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
fi
# Debian starts the packaged node_exporter as a service on :9100; the one measured here is our own child process.

WORK=$(mktemp -d /tmp/azlm-footprint-XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 40000)); }
RULES_PORT=${RULES_PORT:-$(free_port)}
NE_PORT=${NE_PORT:-$(free_port)}

PUBLISH_ARGS=${PUBLISH_ARGS-}
echo "# building: agent (dotnet publish -r linux-x64 ${PUBLISH_ARGS:-"(Native AOT, from the project)"}), Rules"
# shellcheck disable=SC2086
dotnet publish "$ROOT/src/Collector" -c Release -r linux-x64 -p:TreatWarningsAsErrors=true $PUBLISH_ARGS -o "$WORK/agent" \
  >"$WORK/publish.log" 2>&1 || { grep -E "warning|error" "$WORK/publish.log" || cat "$WORK/publish.log"; exit 1; }
echo "# agent publish: $(grep -cE ' warning (IL|CS)' "$WORK/publish.log" || true) warnings; binary $(du -k "$WORK/agent/AzLocalMonitor.Collector" | cut -f1) KiB"
dotnet build "$ROOT/src/Rules" -c Release -o "$WORK/rules" >"$WORK/rules-build.log" 2>&1 || { cat "$WORK/rules-build.log"; exit 1; }

# No tokens (loopback only): with authentication on, the agent would get 401s and keep its batches spooled.
dotnet "$WORK/rules/AzLocalMonitor.Rules.dll" --urls "http://127.0.0.1:$RULES_PORT" --State:Path "$WORK/rules.db" \
  --Auth:Mode none --Logging:LogLevel:Default Warning >"$WORK/rules.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 150); do curl -fs "http://127.0.0.1:$RULES_PORT/healthz" >/dev/null && break; sleep 0.2; done

# The AOT agent's GC settings are compiled in (src/Collector/AzLocalMonitor.Collector.csproj); AGENT_ENV is for the
# JIT build, which reads DOTNET_* variables.
AGENT_ENV=${AGENT_ENV-}
echo "# agent environment: ${AGENT_ENV:-(none)}"
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
for p in $AGENT $NE; do
  [ -e "/proc/$p/stat" ] || { echo "error: process $p exited during the warm-up"; cat "$WORK/agent.log" "$WORK/ne.log"; exit 1; }
done
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
rollup=$(awk '/^(Rss|Anonymous):/ {printf "%s %.1f MiB ", $1, $2 / 1024}' "/proc/$AGENT/smaps_rollup")

mean_mib() { printf '%s\n' "$@" | awk '{ s += $1; n++ } END { printf "%.1f", s / n / 1024 }'; }
max_mib() { printf '%s\n' "$@" | awk '$1 > m { m = $1 } END { printf "%.1f", m / 1024 }'; }
cpu_pct() { awk -v c0="$1" -v c1="$2" -v hz="$HZ" -v t0="$t0" -v t1="$t1" 'BEGIN { printf "%.3f", (c1 - c0) / hz / (t1 - t0) * 100 }'; }
a_mean=$(mean_mib "${a_rss[@]}"); n_mean=$(mean_mib "${n_rss[@]}")
a_cpu=$(cpu_pct "$a0" "$a1"); n_cpu=$(cpu_pct "$n0" "$n1")

echo
echo "measured ${MEASURE}s after ${WARMUP}s warm-up on $(nproc) cores, $(uname -r), $(date -u +%Y-%m-%dT%H:%MZ); load:$(uptime | sed 's/.*load average://')"
echo "| process | mean RSS (MiB) | max RSS (MiB) | CPU (% of one core) |"
echo "|---|---|---|---|"
echo "| azlocal collector (linux source, 10 s) | $a_mean | $(max_mib "${a_rss[@]}") | $a_cpu% |"
echo "| prometheus-node-exporter $(prometheus-node-exporter --version 2>&1 | awk 'NR==1{print $3}') (scraped every 10 s) | $n_mean | $(max_mib "${n_rss[@]}") | $n_cpu% |"
echo
echo "agent at the end (smaps_rollup): $rollup; threads $(ls "/proc/$AGENT/task" | wc -l)"
# The agent's own account (status.json in its spool): every batch acknowledged by Rules, none pending.
status=$(tr -d ' \n' <"$WORK/spool/status.json")
acked=$(sed -n 's/.*"acknowledgedSequence":\([0-9]*\).*/\1/p' <<<"$status"); pending=$(sed -n 's/.*"pending":\([0-9]*\).*/\1/p' <<<"$status")
echo "agent batches acknowledged by Rules: ${acked:-?}, pending: ${pending:-?}"
if [ "${acked:-0}" -eq 0 ] || [ "${pending:-1}" -gt 1 ]; then
  echo "error: the agent did not deliver its batches (status.json: $status)"; tail -5 "$WORK/agent.log"; exit 1
fi
echo "agent RSS $a_mean MiB, node_exporter RSS $n_mean MiB; ratio $(awk -v a="$a_mean" -v n="$n_mean" 'BEGIN { printf "%.2f", a / n }'); agent CPU $a_cpu%"
