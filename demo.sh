#!/usr/bin/env bash
# Starts the whole AzLocalMonitor stack on loopback and prints its URLs:
#   Rules (OTLP ingest, alerting, /metrics, API)   http://127.0.0.1:9480
#   the web dashboard, served by Rules               http://127.0.0.1:9480/ui/
#   Alertmanager (Debian prometheus-alertmanager)   http://127.0.0.1:9093
#   Prometheus (Debian prometheus, scraping Rules)  http://127.0.0.1:9090
#   a simulated 3-node Azure Local cluster's collector (a scripted node failure, then quorum loss), with 18 months of
#   capacity history backfilled from the simulator's growth curve (capacity forecast and N+1 date at once)
#   a collector for this host (linux source: /proc)
#   a loopback webhook sink standing in for the pager, chat and log receivers     http://127.0.0.1:9494
# Installs what it needs on first run. Ctrl-C stops everything it started.
# Ports can be moved: RULES_PORT, PROMETHEUS_PORT, ALERTMANAGER_PORT, SINK_PORT. DEMO_SCENARIO picks the scenario file.
# Rules requires tokens (docs/security.md): the demo makes one per role at start and prints them once.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

RULES_PORT=${RULES_PORT:-9480}
PROMETHEUS_PORT=${PROMETHEUS_PORT:-9090}
ALERTMANAGER_PORT=${ALERTMANAGER_PORT:-9093}
SINK_PORT=${SINK_PORT:-9494}
DEMO_SCENARIO=${DEMO_SCENARIO:-$root/src/Collector/scenarios/demo.yaml}
state="$root/.demo"

scripts/install-deps.sh --no-npm

for port in "$RULES_PORT" "$PROMETHEUS_PORT" "$ALERTMANAGER_PORT" "$SINK_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "error: 127.0.0.1:$port is already in use. Stop what listens there, or set RULES_PORT / PROMETHEUS_PORT / ALERTMANAGER_PORT / SINK_PORT." >&2
    exit 1
  fi
done

echo "==> building (Release)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build AzLocalMonitor.sln -c Release --nologo -v quiet -clp:ErrorsOnly
bin_rules="$root/src/Rules/bin/Release/net10.0/AzLocalMonitor.Rules.dll"
bin_collector="$root/src/Collector/bin/Release/net10.0/AzLocalMonitor.Collector.dll"

rm -rf "$state"; mkdir -p "$state/logs" "$state/prometheus" "$state/alertmanager"
pids=()
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "==> stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "stopped everything the demo started (logs kept in .demo/logs)"
}
trap 'cleanup; exit 130' INT TERM
trap cleanup EXIT

start() { # name, command...
  local name=$1; shift
  "$@" >"$state/logs/$name.log" 2>&1 &
  pids+=($!)
}

wait_http() { # name, url
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$2" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "error: $1 did not answer at $2; see .demo/logs/$1.log:" >&2
  tail -20 "$state/logs/$1.log" >&2
  exit 1
}

am_bin=$(command -v prometheus-alertmanager || command -v alertmanager)
# Tokens for this run, made now and printed once: the agents ingest, Prometheus and the dashboard read, the admin
# token does the rest. Rules is given only their SHA-256 (Auth:Tokens:<name>:SecretSha256).
mkdir -p "$state/tokens"; chmod 700 "$state/tokens"
new_token() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
sha256() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
for name in agent viewer admin; do
  new_token >"$state/tokens/$name.token"; chmod 600 "$state/tokens/$name.token"
done
agent_token=$(cat "$state/tokens/agent.token"); viewer_token=$(cat "$state/tokens/viewer.token"); admin_token=$(cat "$state/tokens/admin.token")
export Auth__Mode=tokens
export Auth__Tokens__agents__SecretSha256=$(sha256 "$agent_token") Auth__Tokens__agents__Roles=ingest Auth__Tokens__agents__Clusters='*'
export Auth__Tokens__prometheus__SecretSha256=$(sha256 "$viewer_token") Auth__Tokens__prometheus__Roles=viewer
export Auth__Tokens__admin__SecretSha256=$(sha256 "$admin_token") Auth__Tokens__admin__Roles=admin

sed "s/127.0.0.1:9480/127.0.0.1:$RULES_PORT/g; s/127.0.0.1:9093/127.0.0.1:$ALERTMANAGER_PORT/g; s#credentials_file: azlm-viewer.token#credentials_file: $state/tokens/viewer.token#" \
  deploy/prometheus/prometheus.yml >"$state/prometheus/prometheus.yml"
# The default topology: Rules alerts, this Prometheus only scrapes (the generated rules of deploy/prometheus-only/ are
# for teams that evaluate in Prometheus instead; docs/operations.md). The shipped Alertmanager receivers are
# placeholders that deliver nowhere: the demo's copy points them at its loopback sink (pages in .demo/logs/pages.log).
sed "s#https://replace-me.invalid/hooks/#http://127.0.0.1:$SINK_PORT/hooks/#" \
  deploy/alertmanager/alertmanager.yml >"$state/alertmanager/alertmanager.yml"

echo "==> writing 18 months of the simulated cluster's capacity history (its growth curve up to now)"
# The months before the scenario starts, from the same curve the live simulator continues (docs/capacity.md): Rules
# loads it at start (History:BackfillCsv) and forecasts at once, so /ui/capacity/<cluster> has its forecast.
dotnet "$bin_collector" simulate history "$DEMO_SCENARIO" --span 548d --output "$state/history.csv"

echo "==> starting the webhook sink, Alertmanager, Rules and Prometheus"
start pages node scripts/webhook-sink.mjs "$SINK_PORT"
start alertmanager "$am_bin" --config.file="$state/alertmanager/alertmanager.yml" \
  --storage.path="$state/alertmanager" --web.listen-address="127.0.0.1:$ALERTMANAGER_PORT" --cluster.listen-address=
start rules dotnet "$bin_rules" --urls "http://127.0.0.1:$RULES_PORT" \
  --Alertmanager:Url "http://127.0.0.1:$ALERTMANAGER_PORT" --Alertmanager:GeneratorUrl "http://127.0.0.1:$RULES_PORT" \
  --History:Path "$state/history.db" --History:BackfillCsv "$state/history.csv"
start prometheus prometheus --config.file="$state/prometheus/prometheus.yml" \
  --storage.tsdb.path="$state/prometheus/data" --web.listen-address="127.0.0.1:$PROMETHEUS_PORT"
wait_http alertmanager "http://127.0.0.1:$ALERTMANAGER_PORT/-/ready"
wait_http rules "http://127.0.0.1:$RULES_PORT/healthz"
wait_http prometheus "http://127.0.0.1:$PROMETHEUS_PORT/-/ready"

echo "==> starting collectors"
start collector-simulated dotnet "$bin_collector" --source simulated --scenario "$DEMO_SCENARIO" --rules "http://127.0.0.1:$RULES_PORT" --interval 5s --spool "$state/spool-simulated" --token-file "$state/tokens/agent.token"
start collector-linux dotnet "$bin_collector" --source linux --cluster "$(hostname)-host" --rules "http://127.0.0.1:$RULES_PORT" --interval 10s --spool "$state/spool-linux" --token-file "$state/tokens/agent.token"

demo_cluster=$(head -2 "$state/history.csv" | tail -1 | cut -d, -f1)
cat <<INFO

AzLocalMonitor is running (all on loopback):
  Web dashboard     http://127.0.0.1:$RULES_PORT/ui/         (fleet → cluster → node, alerts, capacity; sign in with a token below)
  Rules             http://127.0.0.1:$RULES_PORT/            (OTLP in: POST /v1/metrics)
    metrics         http://127.0.0.1:$RULES_PORT/metrics
    alerts          http://127.0.0.1:$RULES_PORT/api/v1/alerts
    clusters        http://127.0.0.1:$RULES_PORT/api/v1/clusters
    health          http://127.0.0.1:$RULES_PORT/healthz
    capacity        http://127.0.0.1:$RULES_PORT/ui/capacity/$demo_cluster   (forecast, P10–P90 band, N+1 date; links the HTML report)
  Prometheus        http://127.0.0.1:$PROMETHEUS_PORT/          (try: azlocal_cluster_quorum, ALERTS)
  Alertmanager      http://127.0.0.1:$ALERTMANAGER_PORT/
  pages             .demo/logs/pages.log                        (what the pager, chat and log receivers got)
  Grafana           no Grafana server is installable here; import dashboards/*.json into your Grafana, or
                    point it at deploy/grafana/provisioning/ (datasource: this Prometheus).
Collectors: a simulated cluster running $(basename "$DEMO_SCENARIO") and this host (linux source).
Tokens, made for this run (shown once; also in .demo/tokens/, mode 600):
  admin   $admin_token    (dashboard sign-in, maintenance, silences)
  viewer  $viewer_token   (read only; Prometheus uses it)
  agents  in .demo/tokens/agent.token (ingest only)
  e.g.  curl -H "Authorization: Bearer \$(cat .demo/tokens/viewer.token)" http://127.0.0.1:$RULES_PORT/api/v1/alerts
Logs: .demo/logs/. Press Ctrl-C to stop everything.
INFO

warned=" "
while true; do
  for pid in "${pids[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null && [[ "$warned" != *" $pid "* ]]; then
      echo "warning: a demo process (pid $pid) exited; see .demo/logs/" >&2
      warned+="$pid "
    fi
  done
  sleep 5
done
