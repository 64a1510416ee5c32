namespace AzLocalMonitor.Rules;

/// <summary>The text of <c>--help</c>.</summary>
internal static class Usage
{
    public const string Text = """
        AzLocalMonitor Rules: OTLP ingest, streaming alert rules, Alertmanager notification and /metrics.

        Usage:
          dotnet run --project src/Rules [-- options]
          dotnet run --project src/Rules -- forecast|report|backfill --help   (offline capacity tools)
          dotnet run --project src/Rules -- export-prometheus-rules --help     (the policy as Prometheus rules)

        Options (any configuration key can be given as --Section:Key value):
          --urls URL                       Listen address (default http://127.0.0.1:9480)
          --Alertmanager:Url URL           Alertmanager base URL, e.g. http://127.0.0.1:9093 (default: none,
                                           alerts are only kept and exposed)
          --Alertmanager:Urls:0 URL, :1 URL  Every member of an Alertmanager cluster: each gets every alert
                                           (HA pair, docs/scale-out.md)
          --Shard:Clusters:0 GLOB          The clusters this instance owns (names or globs); reports for other
                                           clusters are refused with 421 (default: every cluster)
          --Alerting:NodeSilenceAfter T    Node silent this long while peers report = down (default 00:00:30)
          --Alerting:ResendDelay T         Re-send firing alerts this often (default 00:01:00)
          --Series:StaleAfter T            Ignore series not reported for this long (default 00:01:00)
          --Ingest:MaxRequestBytes N       Largest OTLP body accepted (default 8388608)
          --Policy:Files:0 FILE            A policy file laid over deploy/rules/azlocal-policy.yaml (thresholds,
                                           per-cluster overrides, maintenance windows); reloaded on change
          --Webhooks:0:Url URL             A generic webhook receiving alerts beside Alertmanager
          --History:Path FILE              Capacity history SQLite file (default data/history.db)
          --State:Path FILE                Alert state, maintenance windows, audit trail (default data/rules.db)
          --History:BackfillCsv FILE       Load cluster,series,timestamp,value rows at start (docs/capacity.md)
          --Auth:Tokens:NAME:SecretSha256 H  A bearer token (SHA-256 hex of it), with
          --Auth:Tokens:NAME:Roles R         ingest|viewer|operator|admin (comma list) and
          --Auth:Tokens:NAME:Clusters C      the clusters it may write or act on (names, globs, *)
          --Auth:Mode none                 No authentication: loopback only, for demos and tests
          --Auth:AnonymousMetrics true     Serve /metrics without a token
          --Kestrel:Certificates:Default:Path F, :KeyPath F (PEM) or :Password P (PFX)   Certificate for https:// URLs
          --Ingest:MaxFutureSkew T         Refuse points further ahead of the clock (default 00:05:00)
          --RateLimits:WritesPerMinute N   Changes per token per minute, sustained (default 60; 0 = off)
          --Otel:Endpoint URL              Rules' own traces, metrics and logs to an OTLP/HTTP receiver (default: off)
          --RemoteWrite:Url URL            Prometheus remote write of every sample and ALERTS (also the list
                                           --RemoteWrite:Urls:N URL; buffer --RemoteWrite:WalPath DIR; docs/scale-out.md)
          --Capacity:HistorySource S       local (SQLite, default) | remote (PromQL at --Capacity:HistoryQueryUrl) | kusto
          -h, --help                       Show this help

        Configuration sources, later wins: appsettings.json beside the binary, environment variables
        (Alertmanager__Url=...), command line.

        Every key, its default and validation: docs/reference/configuration-rules.md.
        Every endpoint but /healthz needs Authorization: Bearer <token> (docs/security.md).

        Endpoints:
          POST /v1/metrics     OTLP/HTTP metrics (application/x-protobuf or application/json, gzip allowed)
          GET  /metrics        Prometheus text format: catalog metrics, ALERTS, azlm_ self-metrics
          GET  /api/v1/alerts  Pending and firing alerts (JSON)
          GET  /api/v1/clusters  Clusters with quorum, votes and node states (JSON)
          GET  /healthz        Liveness
          GET  /ui/            Web dashboard (fleet, cluster, node, alerts, capacity)
          GET  /api/v1/policy, POST /api/v1/policy/reload   The alerting policy in force; reload it
          GET|POST /api/v1/maintenance, DELETE /api/v1/maintenance/{id}   Maintenance windows (operator token)
          GET|POST /api/v1/silences, DELETE /api/v1/silences/{id}         Silences (operator token)
          GET  /api/v1/audit   Who changed which maintenance window, and when
          GET  /api/v1/capacity[/{cluster}[/report]]  Capacity forecasts (JSON) and the HTML report

        Example:
          dotnet run --project src/Rules -- --urls http://127.0.0.1:9480 --Alertmanager:Url http://127.0.0.1:9093
        """;
}
