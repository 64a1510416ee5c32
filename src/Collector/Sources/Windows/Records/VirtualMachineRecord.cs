namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>root\virtualization\v2 Msvm_ComputerSystem (Caption "Virtual Machine"; the host itself is "Hosting Computer System").</summary>
internal sealed record VirtualMachineRecord
{
    public string ElementName { get; init; } = string.Empty;

    public string? Caption { get; init; }

    /// <summary>2 Enabled (running), 3 Disabled (off), 6 Enabled but Offline (saved), 9 Quiesce (paused), ...</summary>
    public int EnabledState { get; init; }
}
