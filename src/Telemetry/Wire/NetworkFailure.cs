using System.Net.Sockets;

namespace AzLocalMonitor.Telemetry.Wire;

/// <summary>
/// Which exceptions from an HTTP send mean "the network or the peer failed; the same request may succeed later".
/// HttpRequestException alone is not enough: when a connection is reset right after the TCP connect, .NET's
/// SocketsHttpHandler can throw a bare <see cref="SocketException"/> (107, "Transport endpoint is not connected", from
/// reading the socket's remote end point), and a reset while reading can surface as an <see cref="IOException"/>.
/// A sending loop that let those escape would stop for good on a network cut.
/// </summary>
public static class NetworkFailure
{
    public static bool IsTransient(Exception exception) =>
        exception is HttpRequestException or SocketException or IOException;
}
