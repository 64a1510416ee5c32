using System.Diagnostics;
using System.Runtime.Versioning;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// Thin performance counter reader: reads each set of <see cref="CounterNames.Sets"/> in one call
/// (PerformanceCounterCategory.ReadCategory) and cooks each counter against the previous sample, as Get-Counter does.
/// A set this node does not have (no Hyper-V, no S2D cache) is skipped. Not runnable off Windows.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class PerfCounterReader
{
    private readonly Dictionary<(string Set, string Instance, string Counter), CounterSample> _previous = [];

    public IReadOnlyList<PerfSample> Read()
    {
        var samples = new List<PerfSample>();
        foreach (var set in CounterNames.Sets)
        {
            InstanceDataCollectionCollection data;
            try
            {
                if (!PerformanceCounterCategory.Exists(set))
                {
                    continue;
                }

                data = new PerformanceCounterCategory(set).ReadCategory();
            }
            catch (Exception e) when (e is InvalidOperationException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
            {
                continue;
            }

            foreach (InstanceDataCollection counter in data.Values)
            {
                foreach (InstanceData instance in counter.Values)
                {
                    var key = (set, instance.InstanceName, counter.CounterName);
                    var current = instance.Sample;
                    var value = _previous.TryGetValue(key, out var before) ? CounterSample.Calculate(before, current) : CounterSample.Calculate(current);
                    _previous[key] = current;
                    var name = instance.InstanceName.Equals("systemdiagnosticsperfcounterlibsingleinstance", StringComparison.OrdinalIgnoreCase) ? string.Empty : instance.InstanceName;
                    samples.Add(new PerfSample(set, name, counter.CounterName, value, current.RawValue));
                }
            }
        }

        return samples;
    }
}
