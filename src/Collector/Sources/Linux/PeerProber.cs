using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Sources.Linux;

/// <summary>
/// Measures the round trip to each configured peer (linux and windows sources) in the background, once per interval: an ICMP echo (needs
/// CAP_NET_RAW or net.ipv4.ping_group_range; otherwise .NET runs the ping utility) or, for peers with a port, the
/// time a TCP connect takes (SYN → SYN-ACK, one round trip, where ICMP is filtered). A peer that does not answer
/// within the timeout reports nothing until it answers again. <see cref="Latest"/> is cheap and thread-safe.
/// </summary>
internal sealed class PeerProber : IAsyncDisposable
{
    private readonly IReadOnlyList<PeerTarget> _peers;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private volatile IReadOnlyList<PeerLatency> _latest = [];
    private Task? _loop;

    public PeerProber(IReadOnlyList<PeerTarget> peers, TimeSpan interval, TimeProvider time)
    {
        _peers = peers;
        _interval = interval;
        _timeout = TimeoutFor(interval);
        _time = time;
    }

    /// <summary>How long a probe waits for an answer: half the interval, at least 100 ms, at most 2 s.</summary>
    public static TimeSpan TimeoutFor(TimeSpan interval) =>
        TimeSpan.FromTicks(Math.Clamp(interval.Ticks / 2, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromSeconds(2).Ticks));

    public IReadOnlyList<PeerLatency> Latest => _latest;

    public void Start()
    {
        if (_peers.Count > 0)
        {
            _loop ??= Task.Run(LoopAsync);
        }
    }

    /// <summary>Probes every peer once (in parallel) and returns what answered.</summary>
    public async Task<IReadOnlyList<PeerLatency>> ProbeAllAsync(CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(_peers.Select(p => ProbeAsync(p, _timeout, _time, cancellationToken))).ConfigureAwait(false);
        return [.. results.Where(r => r is not null).Select(r => r!)];
    }

    /// <summary>One probe: the round trip in seconds, or null when the peer did not answer in time.</summary>
    public static async Task<PeerLatency?> ProbeAsync(PeerTarget peer, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(time);
        try
        {
            if (peer.Port is { } port)
            {
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                cts.CancelAfter(timeout);

                // Name resolution is not part of the round trip: resolve first, then time the connect alone.
                var address = IPAddress.TryParse(peer.Host, out var literal)
                    ? literal
                    : (await Dns.GetHostAddressesAsync(peer.Host, cts.Token).ConfigureAwait(false))[0];
                using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                var started = time.GetTimestamp();
                await socket.ConnectAsync(new IPEndPoint(address, port), cts.Token).ConfigureAwait(false);
                var elapsed = time.GetElapsedTime(started);
                return new PeerLatency(peer.Network, peer.Host, elapsed.TotalSeconds);
            }

            // RoundtripTime is whole milliseconds: all .NET's Ping gives.
            using var ping = new Ping();
            var reply = await ping.SendPingAsync(peer.Host, timeout, cancellationToken: cancellationToken).ConfigureAwait(false);
            return reply.Status == IPStatus.Success ? new PeerLatency(peer.Network, peer.Host, reply.RoundtripTime / 1000.0) : null;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or PingException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            // A first, unpublished round warms up the socket and ping code paths, whose first use costs far more
            // than a round trip.
            await ProbeAllAsync(_stop.Token).ConfigureAwait(false);
            do
            {
                _latest = await ProbeAllAsync(_stop.Token).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
