using System.Net.Sockets;
using System.Text.Json;
using AzLocalMonitor.Telemetry.Wire;

namespace AzLocalMonitor.Telemetry.Tests.Wire;

/// <summary>
/// What the sending loops retry. The bare SocketException 107 is what SocketsHttpHandler threw on this machine when a
/// connection was reset right after the TCP connect (Collector.Tests ConnectionResetTests); a bug is not a network failure.
/// </summary>
public sealed class NetworkFailureTests
{
    public static TheoryData<Exception> Transient => new()
    {
        new HttpRequestException("An error occurred while sending the request.", new IOException("Connection reset by peer")),
        new SocketException(107),
        new SocketException((int)SocketError.ConnectionReset),
        new IOException("Unable to read data from the transport connection"),
    };

    public static TheoryData<Exception> NotTransient => new()
    {
        new InvalidOperationException("a bug"),
        new JsonException("not JSON"),
        new ArgumentException("bad argument"),
    };

    [Theory]
    [MemberData(nameof(Transient))]
    public void NetworkErrors_AreTransient(Exception exception) => Assert.True(NetworkFailure.IsTransient(exception));

    [Theory]
    [MemberData(nameof(NotTransient))]
    public void OtherErrors_AreNot(Exception exception) => Assert.False(NetworkFailure.IsTransient(exception));
}
