using System.Management;
using System.Runtime.Versioning;
using AzLocalMonitor.Collector.Sources.Windows.Records;

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
            _watcher = new ManagementEventWatcher(new ManagementScope(Storage), new WqlEventQuery("SELECT * FROM MSFT_StorageFaultEvent"));
            _watcher.EventArrived += (_, e) =>
            {
                _book.Apply(ToRecord(e.NewEvent, CimValues.Int(e.NewEvent, "ChangeType")));
                Changed?.Invoke(this, EventArgs.Empty);
            };
            _watcher.Start();
        }
        catch (ManagementException)
        {
            _watcher = null; // no Health Service (not S2D): the snapshot is all there is
        }
    }

    /// <summary>Replaces the book with the Health Service's current faults.</summary>
    public void Refresh()
    {
        try
        {
            using var searcher = new ManagementObjectSearcher(new ManagementScope(Storage),
                new ObjectQuery("SELECT * FROM MSFT_StorageSubSystem WHERE FriendlyName LIKE 'Clus%'"));
            using var subsystems = searcher.Get();
            var faults = new List<HealthFaultRecord>();
            foreach (ManagementObject subsystem in subsystems)
            {
                using (subsystem)
                {
                    using var result = subsystem.InvokeMethod("Diagnose", null, null);
                    if (result?["DiagnoseResults"] is ManagementBaseObject[] results)
                    {
                        faults.AddRange(results.Select(r => ToRecord(r, null)));
                    }
                }
            }

            _book.Replace(faults);
        }
        catch (ManagementException)
        {
            // keep the last known faults
        }
    }

    public void Dispose()
    {
        _watcher?.Stop();
        _watcher?.Dispose();
    }

    private static HealthFaultRecord ToRecord(ManagementBaseObject item, int? changeType) => new()
    {
        FaultId = CimValues.Text(item, "FaultId"),
        FaultType = CimValues.Text(item, "FaultType"),
        PerceivedSeverity = CimValues.Int(item, "PerceivedSeverity"),
        FaultingObjectDescription = CimValues.TextOrNull(item, "FaultingObjectDescription"),
        ChangeType = changeType,
    };
}
