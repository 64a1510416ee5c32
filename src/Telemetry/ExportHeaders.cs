namespace AzLocalMonitor.Telemetry;

/// <summary>
/// HTTP headers the AzLocalMonitor agent sends with each OTLP export and Rules reads (docs/scale-out.md): together they
/// tell Rules whether a batch is a replay of the agent's backlog and when that replay is over, so an HA replica coming
/// back does not page again for an incident its peer has already resolved. Other OTLP clients send none of them.
/// </summary>
public static class ExportHeaders
{
    /// <summary>How many whole seconds ago (the agent's clock) the posted batch was spooled.</summary>
    public const string BatchAge = "AzLocalMonitor-Batch-Age";

    /// <summary>How many batches still wait in the agent's spool behind the posted one, for this destination.</summary>
    public const string Backlog = "AzLocalMonitor-Backlog";

    /// <summary>The agent's node name: whose replay a backlog is.</summary>
    public const string Agent = "AzLocalMonitor-Agent";
}
