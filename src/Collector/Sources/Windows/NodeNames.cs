namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>Node names compared as Windows shows them: short name or FQDN, any case.</summary>
internal static class NodeNames
{
    public static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Short(a), Short(b), StringComparison.OrdinalIgnoreCase);

    private static string Short(string name) => name.Split('.')[0];
}
