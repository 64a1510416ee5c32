namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>
/// root\Microsoft\Windows\StorageReplica MSFT_WvrReplicationPartnership: a source group and its destination
/// (learn.microsoft.com/previous-versions/windows/desktop/wvrcimprov/msft-wvrreplicationpartnership).
/// </summary>
internal sealed record PartnershipRecord
{
    public string SourceRGName { get; init; } = string.Empty;

    public string DestinationComputerName { get; init; } = string.Empty;

    public string DestinationRGName { get; init; } = string.Empty;
}
