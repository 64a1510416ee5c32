namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>A Health Service fault: MSFT_StorageDiagnoseResult (Get-HealthFault / Diagnose) or MSFT_StorageFaultEvent.</summary>
internal sealed record HealthFaultRecord
{
    public string FaultId { get; init; } = string.Empty;

    /// <summary>e.g. Microsoft.Health.FaultType.Server.Down.</summary>
    public string FaultType { get; init; } = string.Empty;

    /// <summary>4 Informational, 5 Warning, 6 Error.</summary>
    public int PerceivedSeverity { get; init; }

    public string? FaultingObjectDescription { get; init; }

    /// <summary>Events only: 0 Create, 1 Remove, 2 Update; null for a snapshot entry.</summary>
    public int? ChangeType { get; init; }
}
