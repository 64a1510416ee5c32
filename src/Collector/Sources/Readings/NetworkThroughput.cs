namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>Bytes per second on one network in one direction (azlocal.network.throughput).</summary>
/// <param name="Direction">rx or tx.</param>
internal sealed record NetworkThroughput(string Network, string Direction, double BytesPerSecond);
