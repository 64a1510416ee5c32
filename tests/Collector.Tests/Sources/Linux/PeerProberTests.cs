using System.Net;
using System.Net.Sockets;
using AzLocalMonitor.Collector.Sources.Linux;

namespace AzLocalMonitor.Collector.Tests.Sources.Linux;

/// <summary>Peer latency by TCP connect, against a listener on 127.0.0.1 only.</summary>
public class PeerProberTests
{
    [Fact]
    public async Task ProbeAsync_TcpListenerOnLoopback_ReportsAShortRoundTrip()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var timeout = TimeSpan.FromSeconds(10);
        var latency = await PeerProber.ProbeAsync(new PeerTarget("storage", "127.0.0.1", port), timeout, TimeProvider.System, CancellationToken.None);

        Assert.NotNull(latency);
        Assert.Equal("storage", latency.Network);
        Assert.Equal("127.0.0.1", latency.Peer);
        // A measured round trip: positive and within the probe's timeout. No speed is asserted (shared, noisy machines).
        Assert.InRange(latency.Seconds, 1e-7, timeout.TotalSeconds);
    }

    [Fact]
    public async Task ProbeAsync_NothingListening_ReportsNothing()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var latency = await PeerProber.ProbeAsync(new PeerTarget("cluster", "127.0.0.1", port), TimeSpan.FromSeconds(2), TimeProvider.System, CancellationToken.None);

        Assert.Null(latency);
    }

    [Theory]
    [InlineData("storage=10.0.1.12:445", "storage", "10.0.1.12", 445)]
    [InlineData("management=node2", "management", "node2", null)]
    [InlineData("Cluster=[fe80::1]:22", "cluster", "fe80::1", 22)]
    [InlineData("workload=fe80::1", "workload", "fe80::1", null)]
    public void TryParse_Valid(string text, string network, string host, int? port)
    {
        Assert.True(PeerTarget.TryParse(text, out var peer, out _));
        Assert.Equal(new PeerTarget(network, host, port), peer);
    }

    [Theory]
    [InlineData("10.0.1.12")]
    [InlineData("backup=10.0.1.12")]
    [InlineData("storage=10.0.1.12:0")]
    [InlineData("storage=10.0.1.12:http")]
    [InlineData("storage=")]
    public void TryParse_Invalid_SaysWhy(string text)
    {
        Assert.False(PeerTarget.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
