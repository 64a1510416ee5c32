using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Windows;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

public class FaultBookTests
{
    private static HealthFaultRecord Fault(string id, int severity, int? change = null) =>
        new() { FaultId = id, FaultType = "Microsoft.Health.FaultType.Server.Down", PerceivedSeverity = severity, ChangeType = change };

    [Fact]
    public void UnknownUntilASnapshotSucceeds_NotZero()
    {
        var book = new FaultBook();
        book.Failed(59000);

        Assert.Null(book.Counts());
        Assert.Equal(59000, book.LastFailure);
    }

    [Fact]
    public void AFailedSnapshot_KeepsTheActiveFaults()
    {
        var book = new FaultBook();
        book.Replace([Fault("{a}", 6)]);

        book.Failed(59000); // Diagnose: "Failed to communicate with cluster health resource"
        book.Failed(40003); // Diagnose: "Cache out of date"

        Assert.Equal([new FaultCount("critical", "Microsoft.Health.FaultType.Server.Down", 1)], book.Counts());
        Assert.Equal(2, book.FailedRefreshes);
    }

    [Fact]
    public void EventsCreateUpdateAndRemove_ByFaultId()
    {
        var book = new FaultBook();
        book.Replace([]);

        book.Apply(Fault("{a}", 5, change: 0));
        book.Apply(Fault("{a}", 6, change: 2));
        book.Apply(Fault("{b}", 6, change: 0));
        book.Apply(Fault("{b}", 6, change: 1));

        Assert.Equal([new FaultCount("critical", "Microsoft.Health.FaultType.Server.Down", 1)], book.Counts());
    }
}
