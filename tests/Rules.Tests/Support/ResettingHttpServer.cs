using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AzLocalMonitor.Rules.Tests.Support;

/// <summary>Where <see cref="ResettingHttpServer"/> resets a connection.</summary>
public enum ResetPoint
{
    /// <summary>Right after accepting it, before reading anything.</summary>
    OnAccept,

    /// <summary>After the request line and headers.</summary>
    AfterHeaders,

    /// <summary>After the whole request (headers and Content-Length bytes of body): the request arrived, no answer did.</summary>
    AfterRequest,
}

/// <summary>
/// A loopback HTTP/1.1 server on a real TCP socket that cuts the network under a client: it resets (RST, linger 0)
/// its first <c>resets</c> connections at <see cref="ResetPoint"/>, then answers every request with 200 and an
/// empty body, one request per connection. Hundreds of resets on accept reach the window in which .NET's
/// SocketsHttpHandler throws a bare SocketException rather than an HttpRequestException.
/// </summary>
public sealed class ResettingHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly int _resets;
    private readonly ResetPoint _point;
    private readonly Task _serving;
    private int _connections;
    private int _answered;

    public ResettingHttpServer(int resets, ResetPoint point)
    {
        _resets = resets;
        _point = point;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>Connections accepted so far (reset or answered).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Requests answered with 200.</summary>
    public int Answered => Volatile.Read(ref _answered);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            using (socket)
            {
                try
                {
                    if (Interlocked.Increment(ref _connections) <= _resets)
                    {
                        if (_point != ResetPoint.OnAccept)
                        {
                            await ReadRequestAsync(socket, whole: _point == ResetPoint.AfterRequest, _stop.Token);
                        }

                        socket.LingerState = new LingerOption(true, 0);
                        continue;
                    }

                    if (await ReadRequestAsync(socket, whole: true, _stop.Token))
                    {
                        await socket.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), SocketFlags.None, _stop.Token);
                        Interlocked.Increment(ref _answered);
                    }
                }
                catch (Exception e) when (e is SocketException or OperationCanceledException)
                {
                    // The client went away first; the next connection is served as usual.
                }
            }
        }
    }

    // Reads the request line and headers, and with whole the Content-Length bytes of body after them; false if the
    // client closed first.
    private static async Task<bool> ReadRequestAsync(Socket socket, bool whole, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOf(received, "\r\n\r\n"u8)) < 0)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return false;
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        if (!whole)
        {
            return true;
        }

        var length = Encoding.ASCII.GetString([.. received.Take(headerEnd)]).Split("\r\n")
            .Where(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.Parse(h["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .SingleOrDefault();
        while (received.Count < headerEnd + 4 + length)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return false;
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        return true;
    }

    private static int IndexOf(List<byte> bytes, ReadOnlySpan<byte> pattern)
    {
        for (var i = 0; i + pattern.Length <= bytes.Count; i++)
        {
            var match = true;
            for (var j = 0; j < pattern.Length && match; j++)
            {
                match = bytes[i + j] == pattern[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }
}
