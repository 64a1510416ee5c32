namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>Round trip between two sites of a stretched cluster (the module: under 5 ms for synchronous replication).</summary>
internal sealed record SiteLatency(string Site, string PeerSite, double Seconds);
