namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>root\StandardCimv2 MSFT_NetAdapter: ties a "Network Adapter" counter instance (its description) to the adapter.</summary>
internal sealed record NetAdapterRecord
{
    /// <summary>The connection name, e.g. "vEthernet (Management)".</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>e.g. "Hyper-V Virtual Ethernet Adapter #2": the counter instance, after perflib's character substitutions.</summary>
    public string InterfaceDescription { get; init; } = string.Empty;

    /// <summary>The adapter GUID, "{...}".</summary>
    public string? DeviceId { get; init; }
}
