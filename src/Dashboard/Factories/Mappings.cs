using AzLocalMonitor.Dashboard.Model;

namespace AzLocalMonitor.Dashboard.Factories;

/// <summary>Value mappings that turn state-set values and numeric codes into coloured text.</summary>
public static class Mappings
{
    /// <summary>Numeric codes of <see cref="Queries.NodeStateCode"/>.</summary>
    public static readonly IReadOnlyList<(string State, string Color)> NodeStateColors =
        [("up", "green"), ("down", "red"), ("paused", "yellow"), ("joining", "blue"), ("unknown", "gray")];

    /// <summary>Numeric codes of <see cref="Queries.DrainStateCode"/>.</summary>
    public static readonly IReadOnlyList<(string State, string Color)> DrainStateColors =
        [("none", "green"), ("in_progress", "yellow"), ("completed", "blue"), ("failed", "red")];

    /// <summary>azlocal_cluster_quorum: 1 held, 0 lost.</summary>
    public static ValueMapping Quorum() => Of(("1", "Quorum", "green"), ("0", "LOST", "red"));

    /// <summary>1 = OK, 0 = FAILED (e.g. witness state "ok").</summary>
    public static ValueMapping OkFailed() => Of(("1", "OK", "green"), ("0", "FAILED", "red"));

    /// <summary>
    /// Witness stat: 1 OK, 0 FAILED, -1 none configured (orange, never green: a cluster without a witness reports
    /// state "ok" for type "none", and a 2-node cluster then cannot lose a node).
    /// </summary>
    public static ValueMapping Witness() => Of(("1", "OK", "green"), ("0", "FAILED", "red"), ("-1", "NONE", "orange"));

    /// <summary>Replication group states (Storage Replica), for a table's <c>state</c> column.</summary>
    public static ValueMapping ReplicationStates() =>
        Of(("in_sync", "in sync", "green"), ("initial_sync", "initial sync", "blue"), ("waiting_for_destination", "waiting for destination", "red"),
            ("suspended", "suspended", "orange"), ("failed", "failed", "red"), ("unknown", "unknown", "gray"));

    /// <summary>Node state codes 0..4 (up, down, paused, joining, unknown).</summary>
    public static ValueMapping NodeStateCodes() =>
        Of([.. NodeStateColors.Select((s, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), s.State, s.Color))]);

    /// <summary>Node state names, for a table's <c>state</c> column.</summary>
    public static ValueMapping NodeStates() => Of([.. NodeStateColors.Select(s => (s.State, s.State, s.Color))]);

    /// <summary>Pool/volume health state names.</summary>
    public static ValueMapping HealthStates() =>
        Of(("healthy", "healthy", "green"), ("warning", "warning", "orange"), ("unhealthy", "unhealthy", "red"), ("unknown", "unknown", "gray"));

    /// <summary>Volume operational state names.</summary>
    public static ValueMapping OperationalStates() =>
        Of(("ok", "ok", "green"), ("in_service", "in service", "blue"), ("degraded", "degraded", "red"),
            ("incomplete", "incomplete", "red"), ("detached", "detached", "red"), ("no_redundancy", "no redundancy", "red"));

    /// <summary>Drain state codes 0..3 (none, in progress, completed, failed).</summary>
    public static ValueMapping DrainStateCodes() =>
        Of(("0", "not drained", "green"), ("1", "draining", "yellow"), ("2", "drained", "blue"), ("3", "drain failed", "red"));

    /// <summary>Disk state names.</summary>
    public static ValueMapping DiskStates() =>
        Of(("healthy", "healthy", "green"), ("warning", "warning", "orange"), ("unhealthy", "unhealthy", "red"), ("retired", "retired", "gray"));

    /// <summary>Alert severities.</summary>
    public static ValueMapping Severities() => Of(("critical", "critical", "red"), ("warning", "warning", "orange"), ("info", "info", "blue"));

    /// <summary>Alert states.</summary>
    public static ValueMapping AlertStates() => Of(("firing", "firing", "red"), ("pending", "pending", "orange"));

    /// <summary>A value mapping from (value, text, colour) triples; the index follows the argument order.</summary>
    public static ValueMapping Of(params (string Value, string Text, string Color)[] entries)
    {
        var options = new SortedDictionary<string, MappingResult>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
        {
            options[entries[i].Value] = new MappingResult(entries[i].Text, entries[i].Color, i);
        }

        return new ValueMapping("value", options);
    }
}
