using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Windows;
using AzLocalMonitor.Collector.Sources.Windows.Capture;
using AzLocalMonitor.Collector.Sources.Windows.Cim;
using AzLocalMonitor.Collector.Sources.Windows.Probes;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows.Probes;

/// <summary>
/// The stretched fixture (Captures/README.md): contoso-n01 and -n02 in Site1, contoso-n03 in Site2
/// (MSCluster_Node.FaultDomain), a file share witness at <c>\\fileserver\fsw</c> (MSCluster_Resource.PrivateProperties
/// SharePath). The round trips are injected as the prober would hand them over; their values are arbitrary.
/// </summary>
public class ProbeReadingsTests
{
    private static readonly ProbeTarget SiteTwo = new("contoso-n03", 445);
    private static readonly ProbeTarget Witness = new("fileserver", 445);

    [Fact]
    public void Targets_AreANodeOfTheOtherSite_AndTheWitnessesServer() =>
        Assert.Equal([SiteTwo, Witness], ProbeReadings.Targets(Snapshot("contoso-n01"), "contoso-n01"));

    [Fact]
    public void FromSiteTwo_TheTargetIsTheFirstNodeOfSiteOne() =>
        Assert.Equal([new ProbeTarget("contoso-n01", 445), Witness], ProbeReadings.Targets(Snapshot("contoso-n03"), "contoso-n03"));

    [Fact]
    public void MeasuredRoundTrips_BecomeTheSiteAndWitnessLatencies()
    {
        var snapshot = Snapshot("contoso-n01") with { Probes = new Dictionary<ProbeTarget, double> { [SiteTwo] = 0.0031, [Witness] = 0.0008 } };

        var facts = new WindowsMapper("contoso-n01", TimeProvider.System).Map(snapshot).Cluster!;

        Assert.Equal([new SiteLatency("Site1", "Site2", 0.0031)], facts.SiteLatencies);
        Assert.Equal(0.0008, facts.WitnessLatencySeconds);
        Assert.Equal(WitnessType.FileShare, facts.WitnessType);
    }

    [Fact]
    public void TargetsThatDidNotAnswer_LeaveTheirSeriesAbsent()
    {
        var facts = new WindowsMapper("contoso-n01", TimeProvider.System).Map(Snapshot("contoso-n01")).Cluster!;

        Assert.Empty(facts.SiteLatencies);
        Assert.Null(facts.WitnessLatencySeconds);
    }

    [Fact]
    public void NoFaultDomains_AndAWitnessWithoutPrivateProperties_NothingToTime() =>
        Assert.Empty(ProbeReadings.Targets(Snapshot("contoso-n01", Captures.AllFlashHealthy), "contoso-n01"));

    [Fact]
    public void AProviderRefusingPrivateProperties_CostsTheWitnessRoundTripOnly()
    {
        var folder = new CaptureFolder(Captures.PathOf(Captures.StretchedReplication));
        var reader = new SnapshotReader(new RefusingEndpoints(new CaptureCimQuery(folder.Path)), "contoso-n01");

        var snapshot = reader.Read(folder.Counters());

        Assert.Equal([SiteTwo], ProbeReadings.Targets(snapshot, "contoso-n01"));
        Assert.Equal(2, Assert.Single(snapshot.WitnessResources).State); // still read: Online
        Assert.Empty(reader.Failures);
    }

    private static Collector.Sources.Windows.Records.WindowsSnapshot Snapshot(string node, string fixture = Captures.StretchedReplication)
    {
        var folder = new CaptureFolder(Captures.PathOf(fixture));
        return new SnapshotReader(new CaptureCimQuery(folder.Path), node).Read(folder.Counters());
    }

    private sealed class RefusingEndpoints(ICimQuery inner) : ICimQuery
    {
        public IReadOnlyList<CimRow> Query(string cimNamespace, string wql) =>
            wql.Contains("PrivateProperties", StringComparison.Ordinal) ? throw new CimQueryException("Generic failure") : inner.Query(cimNamespace, wql);
    }
}
