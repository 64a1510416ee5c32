using System.Net;
using System.Net.Sockets;

namespace AzLocalMonitor.Rules.Tests.Support;

/// <summary>
/// Finds a free TCP port on loopback (the OS picks one; a race with another process is possible but rare). One copy,
/// linked into every test project that starts its own listeners.
/// </summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
