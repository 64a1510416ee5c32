using System.Net;
using System.Net.Sockets;

namespace AzLocalMonitor.Integration.Tests.Support;

/// <summary>Finds a free TCP port on loopback (the OS picks one; a race with another process is possible but rare).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
