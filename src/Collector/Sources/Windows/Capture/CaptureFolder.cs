using AzLocalMonitor.Collector.Sources.Windows.Cim;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows.Capture;

/// <summary>
/// A folder written by deploy/windows/Save-AzLocalCapture.ps1: <c>meta.json</c>, <c>cim/</c>, <c>counters.json</c>,
/// <c>healthfaults.json</c> (or <c>healthfaults.error.json</c> when Get-HealthFault failed).
/// </summary>
internal sealed class CaptureFolder
{
    public CaptureFolder(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
        if (!Directory.Exists(path) || !File.Exists(System.IO.Path.Combine(path, "meta.json")))
        {
            throw new SourceUnavailableException($"{path} is not a capture folder (no meta.json): write one with deploy/windows/Save-AzLocalCapture.ps1.");
        }

        var meta = PowerShellJson.Rows(File.ReadAllText(System.IO.Path.Combine(path, "meta.json"))).FirstOrDefault();
        ComputerName = meta?.TextOrNull("computerName") ?? "unknown";
        Cluster = meta?.TextOrNull("cluster");
        CapturedAt = PowerShellJson.Date(meta?.TextOrNull("capturedAt"));
    }

    public string Path { get; }

    /// <summary>The node the capture was taken on: the reporting node of the replay.</summary>
    public string ComputerName { get; }

    public string? Cluster { get; }

    public DateTimeOffset? CapturedAt { get; }

    /// <summary>counters.json: Get-Counter's CounterSamples (Path, InstanceName, CookedValue). No raw values are captured.</summary>
    public IReadOnlyList<PerfSample> Counters()
    {
        var file = System.IO.Path.Combine(Path, "counters.json");
        return !File.Exists(file) ? [] : [.. PowerShellJson.Rows(File.ReadAllText(file))
            .Select(r => PerfCounterPath.Parse(r.Text("Path"), Cooked(r), 0))
            .OfType<PerfSample>()];
    }

    /// <summary>healthfaults.json as fault records; null with the Diagnose return code when Get-HealthFault failed.</summary>
    public (IReadOnlyList<HealthFaultRecord>? Faults, int? FailureCode) HealthFaults()
    {
        var error = System.IO.Path.Combine(Path, "healthfaults.error.json");
        if (File.Exists(error))
        {
            var row = PowerShellJson.Rows(File.ReadAllText(error)).FirstOrDefault();
            return (null, row?.Int("returnValue", -1) ?? -1);
        }

        var file = System.IO.Path.Combine(Path, "healthfaults.json");
        return File.Exists(file)
            ? ([.. PowerShellJson.Rows(File.ReadAllText(file)).Select(r => CimRecords.Fault(r, null))], null)
            : (null, null);
    }

    private static double Cooked(CimRow row) => row.Get("CookedValue") switch
    {
        long l => l,
        double d => d,
        _ => double.NaN,
    };
}
