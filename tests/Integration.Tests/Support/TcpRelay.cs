using System.Net;
using System.Net.Sockets;

namespace AzLocalMonitor.Integration.Tests.Support;

/// <summary>
/// A loopback TCP relay a test puts between a client and a server so it can cut the network at a moment it chooses:
/// <see cref="Cut"/> resets every open connection and resets each new one on accept (what a client sees when a link
/// or firewall drops it), <see cref="Restore"/> forwards again. Once cut, no byte reaches the server or the client,
/// so what the server holds afterwards is final.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    // Open connection pairs; touched by the accept loop, the pumps and Cut, hence the lock.
    private readonly Lock _gate = new();
    private readonly List<Socket> _open = [];
    private bool _cut;
    private int _accepted;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _notes = new();

    public TcpRelay(int targetPort)
    {
        _targetPort = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>What the relay did, for a failing test's message.</summary>
    public string Log => $"relay: {_accepted} connections accepted\n" + string.Join('\n', _notes);

    private void Note(string what) => _notes.Enqueue($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {what}");

    /// <summary>Resets every open connection; new ones are reset on accept until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _cut = true;
            Note($"cut, resetting {_open.Count / 2} open connections");
            foreach (var socket in _open)
            {
                Reset(socket);
            }

            _open.Clear();
        }
    }

    public void Restore()
    {
        lock (_gate)
        {
            _cut = false;
            Note("restored");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Cut();
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                // A connection reset while still in the backlog fails only its own accept.
                Note($"accept failed: {e.SocketErrorCode}");
                continue;
            }

            Interlocked.Increment(ref _accepted);
            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        lock (_gate)
        {
            if (_cut)
            {
                Note("connection reset on accept (cut)");
                Reset(client);
                server.Dispose();
                return;
            }

            _open.Add(client);
            _open.Add(server);
        }

        try
        {
            await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The server is down or the relay was cut: the client sees its connection reset below.
            Note($"relay ended: {e.GetType().Name} {e.Message}");
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(client);
                _open.Remove(server);
            }

            Reset(client);
            Reset(server);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Either side went away; the caller tears both down.
        }
    }

    /// <summary>Closes with RST (linger 0), so the peer gets "connection reset", not an orderly end of stream.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        socket.Dispose();
    }
}
