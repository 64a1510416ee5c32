using System.Management;
using System.Runtime.Versioning;
using AzLocalMonitor.Collector.Sources.Windows.Cim;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// Health Service faults: a snapshot at start and every few minutes (Diagnose on the clustered storage subsystem,
/// what Get-HealthFault calls) and a subscription to MSFT_StorageFaultEvent in between; both feed a
/// <see cref="FaultBook"/>, which deduplicates by FaultId. Not runnable off Windows.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class HealthFaultReader : IDisposable
{
    private const string Storage = @"\\.\root\Microsoft\Windows\Storage";

    /// <summary>FaultBook failure code for DiagnoseResults in a shape this reader cannot read.</summary>
    private const int UnreadableResults = -2;
    private readonly FaultBook _book;
    private ManagementEventWatcher? _watcher;

    public HealthFaultReader(FaultBook book) => _book = book;

    /// <summary>Raised after a fault event changed the book.</summary>
    public event EventHandler? Changed;

    public void Start()
    {
        Refresh();
        try
        {
            _watcher = new ManagementEventWatcher(new ManagementScope(Storage), new WqlEventQuery(WqlQueries.FaultEvents));
            _watcher.EventArrived += (_, e) =>
            {
                var row = WmiCimQuery.ToRow(e.NewEvent);
                _book.Apply(CimRecords.Fault(row, row.Int("ChangeType")));
                Changed?.Invoke(this, EventArgs.Empty);
            };
            _watcher.Start();
        }
        catch (ManagementException)
        {
            _watcher = null; // no Health Service (not S2D): the snapshot is all there is
        }
    }

    /// <summary>
    /// Replaces the book with the Health Service's current faults, only when Diagnose returns 0: on 59000 (cluster
    /// health resource unreachable), 40003 (cache out of date) or any other code its empty result means nothing,
    /// and the book keeps the faults it had.
    /// </summary>
    public void Refresh()
    {
        try
        {
            using var searcher = new ManagementObjectSearcher(new ManagementScope(Storage), new ObjectQuery(WqlQueries.ClusteredSubsystems));
            using var subsystems = searcher.Get();
            var faults = new List<Records.HealthFaultRecord>();
            foreach (ManagementObject subsystem in subsystems)
            {
                using (subsystem)
                {
                    using var result = subsystem.InvokeMethod("Diagnose", null, null);
                    var code = result is null ? -1 : WmiCimQuery.ToRow(result).Int("ReturnValue", -1);
                    if (code != 0)
                    {
                        _book.Failed(code);
                        return;
                    }

                    switch (result?["DiagnoseResults"])
                    {
                        case null:
                            break; // no faults: Diagnose returns nothing
                        case ManagementBaseObject[] results:
                            faults.AddRange(results.Select(r => CimRecords.Fault(WmiCimQuery.ToRow(r), null)));
                            break;
                        case Array { Length: 0 }:
                            break;
                        default:
                            // A shape we do not read (the MOF page calls them strings holding embedded objects):
                            // unknown is not "no faults", so keep the book.
                            _book.Failed(UnreadableResults);
                            return;
                    }
                }
            }

            _book.Replace(faults);
        }
        catch (Exception e) when (e is ManagementException or System.Runtime.InteropServices.COMException or UnauthorizedAccessException)
        {
            _book.Failed(-1); // keep the last known faults
        }
    }

    public void Dispose()
    {
        _watcher?.Stop();
        _watcher?.Dispose();
    }
}
