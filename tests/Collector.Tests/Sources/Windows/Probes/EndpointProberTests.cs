using System.Net;
using System.Net.Sockets;
using AzLocalMonitor.Collector.Sources.Windows.Probes;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows.Probes;

/// <summary>The endpoint prober against listeners on 127.0.0.1 only (never any other address).</summary>
public class EndpointProberTests
{
    [Fact]
    public async Task ProbeOnce_ReportsTheListeningTarget_AndLeavesOutTheOneThatRefuses()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var open = new ProbeTarget("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port);
        var closed = new ProbeTarget("127.0.0.1", ClosedPort());
        await using var prober = new EndpointProber(TimeSpan.FromSeconds(10), TimeProvider.System);

        prober.SetTargets([open, closed]);
        await prober.ProbeOnceAsync(CancellationToken.None);

        Assert.Equal([open], prober.Latest.Keys);
        // A measured round trip: positive and within the probe's timeout; no speed is asserted (shared machines).
        Assert.InRange(prober.Latest[open], 1e-7, 2);
    }

    [Fact]
    public async Task SetTargets_DropsTheResultsOfTargetsNoLongerAsked()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var open = new ProbeTarget("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port);
        await using var prober = new EndpointProber(TimeSpan.FromSeconds(10), TimeProvider.System);
        prober.SetTargets([open]);
        await prober.ProbeOnceAsync(CancellationToken.None);
        Assert.Single(prober.Latest);

        prober.SetTargets([]);

        Assert.Empty(prober.Latest);
        await prober.ProbeOnceAsync(CancellationToken.None);
        Assert.Empty(prober.Latest);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
