namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>root\Microsoft\Windows\Storage MSFT_StorageJob. BytesProcessed/BytesTotal are in the 23H2 class, not in the 2018 documented MOF.</summary>
internal sealed record StorageJobRecord
{
    public string Name { get; init; } = string.Empty;

    public string? InstanceId { get; init; }

    /// <summary>2 New, 3 Starting, 4 Running, 5 Suspended, 6 Shutting Down, 7 Completed, 8 Terminated, 9 Killed, 10 Exception, 11 Service, 12 Query Pending.</summary>
    public int JobState { get; init; }

    public int PercentComplete { get; init; }

    public long? BytesProcessed { get; init; }

    public long? BytesTotal { get; init; }
}
