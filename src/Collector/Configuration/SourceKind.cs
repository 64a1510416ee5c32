namespace AzLocalMonitor.Collector.Configuration;

/// <summary>Where the collector's readings come from (<c>--source</c>).</summary>
internal enum SourceKind
{
    /// <summary>A scripted simulated cluster (scenario file).</summary>
    Simulated,

    /// <summary>This Linux host's CPU and memory from /proc.</summary>
    Linux,

    /// <summary>A Windows Azure Local node (perf counters, CIM, Health Service faults).</summary>
    Windows,

    /// <summary>A capture folder of a Windows node (Save-AzLocalCapture.ps1), replayed through the Windows mapping.</summary>
    WindowsCapture,
}
