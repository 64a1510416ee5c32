namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

/// <summary>Lookups over exported catalog points.</summary>
internal static class CatalogPointExtensions
{
    /// <summary>The single point of an instrument with these attributes.</summary>
    public static double Value(this IEnumerable<CatalogPoint> points, string instrument, params (string Key, string Value)[] tags) =>
        Assert.Single(points, p => p.Instrument == instrument && p.Has(tags)).Value;

    /// <summary>The state a state-set instrument reports as 1 for these attributes.</summary>
    public static string State(this IEnumerable<CatalogPoint> points, string instrument, params (string Key, string Value)[] tags) =>
        Assert.Single(points, p => p.Instrument == instrument && p.Value == 1 && p.Has(tags)).Tags["state"]!;
}
