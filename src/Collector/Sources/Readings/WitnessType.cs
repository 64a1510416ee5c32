namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>Kind of quorum witness; exported as attribute <c>type</c> (cloud, fileshare, none).</summary>
internal enum WitnessType
{
    None,
    Cloud,
    FileShare,
}
