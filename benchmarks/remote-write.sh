#!/usr/bin/env bash
# Remote-write throughput, Rules' CPU and lag against a real VictoriaMetrics (Debian victoria-metrics), loopback only.
#  1. drain: Rules starts with the store down and an 18-month backfill (History:BackfillCsv, Capacity:HistorySource=remote)
#     of CLUSTERS clusters × 7 series, hourly: everything lands in the write-ahead buffer. Then the store starts and the
#     script times the drain: samples/s acknowledged and Rules' CPU (utime+stime from /proc) over it.
#  2. steady: the simulated retail fleet (10 clusters × 3 nodes, 1 s interval) exports to Rules for STEADY seconds;
#     the script samples azlm_remote_write_lag_seconds and pending every 2 s and Rules' CPU over the window.
# Usage: benchmarks/remote-write.sh [clusters=20] [steady-seconds=60]
set -euo pipefail
CLUSTERS=${1:-20}
STEADY=${2:-60}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/azlm-rwbench-XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
cpu_seconds() { awk '{ printf "%.2f", ($14 + $15) / 100 }' "/proc/$1/stat"; } # utime + stime, clock ticks of 1/100 s
metric() { curl -fs "http://127.0.0.1:$RULES_PORT/metrics" | awk -v m="$1" 'index($0, m) == 1 { s += $NF } END { printf "%.0f", s }'; }
metric_max() { curl -fs "http://127.0.0.1:$RULES_PORT/metrics" | awk -v m="$1" 'index($0, m) == 1 && $NF > x { x = $NF } END { printf "%.3f", x }'; }

echo "# machine: $(nproc) cores; uptime at start: $(uptime)"
echo "# building Rules and the collector (simulator)"
dotnet build "$ROOT/src/Rules" -c Release -o "$WORK/rules" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
dotnet build "$ROOT/src/Collector" -c Release -o "$WORK/collector" >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }

echo "# backfill: $CLUSTERS clusters × 7 series × 548 days hourly"
python3 - "$CLUSTERS" >"$WORK/backfill.csv" <<'PY'
import sys, time, random
clusters = int(sys.argv[1]); hours = 548 * 24; now = int(time.time()) // 3600 * 3600
random.seed(13)
print("cluster,series,timestamp,value")
for c in range(clusters):
    for h in range(hours):
        t = now - (hours - h) * 3600; d = h / 24
        for s, v in (("storage_used_footprint_bytes", round(40e12 + d * 30e9 + random.random() * 5e9)), ("storage_capacity_bytes", 100e12),
                     ("memory_used_bytes", round(900e9 + d * 0.8e9)), ("memory_size_bytes", 2048e9), ("memory_largest_node_bytes", 512e9),
                     ("cpu_utilization_ratio", round(0.3 + 0.0004 * d + 0.05 * random.random(), 4)), ("vm_count", 100 + d // 30)):
            print(f"bench-{c:03d},{s},{t},{v}")
PY
TOTAL=$(($(wc -l <"$WORK/backfill.csv") - 1))

VM_PORT=$(free_port); RULES_PORT=$(free_port)
dotnet "$WORK/rules/AzLocalMonitor.Rules.dll" --urls "http://127.0.0.1:$RULES_PORT" --Auth:Mode none --Logging:LogLevel:Default Warning \
  --State:Path "$WORK/rules.db" --History:Path "$WORK/history.db" --History:BackfillCsv "$WORK/backfill.csv" \
  --RemoteWrite:Url "http://127.0.0.1:$VM_PORT/api/v1/write" --RemoteWrite:WalPath "$WORK/wal" --RemoteWrite:MaxBackoff 00:00:01 \
  --Capacity:HistorySource remote --Capacity:HistoryQueryUrl "http://127.0.0.1:$VM_PORT/" >"$WORK/rules.log" 2>&1 &
RULES=$!; PIDS+=("$RULES")
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$RULES_PORT/healthz" >/dev/null && break; sleep 0.2; done
for _ in $(seq 600); do [ "$(metric azlm_remote_write_samples_pending)" -ge "$TOTAL" ] && break; sleep 1; done
echo "# buffered $(metric azlm_remote_write_samples_pending) samples ($(metric azlm_remote_write_buffer_bytes) bytes) with the store down"

victoria-metrics -storageDataPath="$WORK/vm" -httpListenAddr="127.0.0.1:$VM_PORT" -retentionPeriod=100y -loggerLevel=ERROR >"$WORK/vm.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$VM_PORT/health" >/dev/null && break; sleep 0.1; done
sent0=$(metric azlm_remote_write_samples_sent_total); cpu0=$(cpu_seconds "$RULES"); t0=$(date +%s.%N)
while [ "$(metric azlm_remote_write_samples_pending)" -gt 0 ]; do sleep 0.2; done
t1=$(date +%s.%N); cpu1=$(cpu_seconds "$RULES"); sent1=$(metric azlm_remote_write_samples_sent_total)
python3 -c "
s=$sent1-$sent0; w=$t1-$t0; c=$cpu1-$cpu0
print(f'drain: {s:,} samples in {w:.2f} s wall → {s/w:,.0f} samples/s; Rules CPU {c:.2f} s ({c/w*100:.0f}% of one core) → {s/c:,.0f} samples per CPU-second')"
echo "# requests: $(metric azlm_remote_write_requests_total); uptime after drain: $(uptime)"

echo "# steady: retail fleet simulator for $STEADY s"
dotnet "$WORK/collector/AzLocalMonitor.Collector.dll" simulate run retail-fleet --rules "http://127.0.0.1:$RULES_PORT" --interval 1s >"$WORK/sim.log" 2>&1 &
SIM=$!; PIDS+=("$SIM")
sleep 10
in0=$(metric azlm_ingest_samples_total); sent0=$(metric azlm_remote_write_samples_sent_total); cpu0=$(cpu_seconds "$RULES"); t0=$(date +%s.%N)
lags=()
for _ in $(seq $((STEADY / 2))); do sleep 2; lags+=("$(metric_max azlm_remote_write_lag_seconds) $(metric azlm_remote_write_samples_pending)"); done
t1=$(date +%s.%N); cpu1=$(cpu_seconds "$RULES"); in1=$(metric azlm_ingest_samples_total); sent1=$(metric azlm_remote_write_samples_sent_total)
printf '%s\n' "${lags[@]}" | python3 -c "
import sys
rows=[tuple(map(float,l.split())) for l in sys.stdin if l.strip()]
lag=sorted(r[0] for r in rows); pend=sorted(r[1] for r in rows)
w=$t1-$t0; c=$cpu1-$cpu0
print(f'steady: ingested {($in1-$in0)/w:,.0f} samples/s, sent {($sent1-$sent0)/w:,.0f} samples/s; Rules CPU {c/w*100:.1f}% of one core')
print(f'lag (azlm_remote_write_lag_seconds, every 2 s): median {lag[len(lag)//2]:.3f} s, max {lag[-1]:.3f} s; pending median {pend[len(pend)//2]:.0f}, max {pend[-1]:.0f}')"
echo "# uptime at end: $(uptime)"
