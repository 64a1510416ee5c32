using System.Net;
using System.Net.Sockets;

namespace AzLocalMonitor.Collector.Tests.Fakes;

/// <summary>A loopback port free at the moment of asking, for the tests' own HTTP listeners.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
