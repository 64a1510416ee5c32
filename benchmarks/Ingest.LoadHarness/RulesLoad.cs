using System.Diagnostics;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace AzLocalMonitor.Ingest.LoadHarness;

/// <summary>
/// The simulated agents: one export request per node per round (one node's export per request, as the agent sends
/// it), <c>concurrency</c> keep-alive connections, rounds either paced at the interval (sends spread over it, as a
/// fleet's agents are) or back to back. A cluster switched to its faulted request by <see cref="Fault"/> sends
/// that from the next round on; the time its first faulted request left is recorded for the latency probe.
/// </summary>
public sealed class RulesLoad : IDisposable
{
    private readonly HttpClient _client;
    private readonly Uri _url;
    private readonly FleetShape _fleet;
    private readonly BodyTemplate[] _healthy;
    private readonly BodyTemplate?[] _faulted;
    private readonly MediaTypeHeaderValue _contentType;
    private readonly bool _json;
    // Written by the driver thread between rounds, read by the senders: Volatile keeps it simple and cheap.
    private readonly bool[] _faultOn;
    private readonly long[] _faultSentAt; // Stopwatch ticks of the first faulted send per cluster, 0 = not yet
    private long _lastRoundMs;

    public RulesLoad(Uri baseUrl, string? token, FleetShape fleet, bool json, int concurrency, Func<int, int, FleetShapeRequest> faults, IEnumerable<int> probeClusters)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(faults);
        _fleet = fleet;
        _url = new Uri(baseUrl, "/v1/metrics");
        _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (token is { Length: > 0 })
        {
            _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        _json = json;
        _contentType = new MediaTypeHeaderValue(json ? "application/json" : "application/x-protobuf");
        Concurrency = concurrency;
        _healthy = new BodyTemplate[fleet.NodeCount];
        _faulted = new BodyTemplate?[fleet.NodeCount];
        var probes = probeClusters.ToHashSet();
        for (var c = 0; c < fleet.Clusters; c++)
        {
            for (var n = 0; n < fleet.Nodes; n++)
            {
                var f = faults(c, n);
                _healthy[(c * fleet.Nodes) + n] = Encode(fleet.Request(c, n, f.QuorumLost, f.Draining), json);
                if (probes.Contains(c))
                {
                    _faulted[(c * fleet.Nodes) + n] = Encode(fleet.Request(c, n, quorumLost: true, f.Draining), json);
                }
            }
        }

        PointsPerRound = _healthy.Sum(t => (long)t.Points);
        _faultOn = new bool[fleet.Clusters];
        _faultSentAt = new long[fleet.Clusters];
    }

    public int Concurrency { get; }

    /// <summary>Data points in one round (every node's request once).</summary>
    public long PointsPerRound { get; }

    /// <summary>How long the last round took to send, without the wait for the next interval (paced: ≤ the interval when Rules keeps up).</summary>
    public double LastRoundSendSeconds { get; private set; }

    public long PointsSent;
    public long Requests;
    public long Failures;
    public long PartialRejects;

    public long BytesPerRound => _healthy.Sum(t => (long)t.Body.Length);

    /// <summary>From the next request of its nodes on, the cluster reports quorum lost.</summary>
    public void Fault(int cluster) => Volatile.Write(ref _faultOn[cluster], true);

    /// <summary>Stopwatch timestamp of the first faulted request of <paramref name="cluster"/>, or 0.</summary>
    public long FaultSentAt(int cluster) => Volatile.Read(ref _faultSentAt[cluster]);

    /// <summary>Runs rounds until <paramref name="until"/> says stop (checked between rounds).</summary>
    public async Task RunAsync(TimeSpan? interval, Func<int, bool> keepGoing, CancellationToken ct)
    {
        for (var round = 0; keepGoing(round); round++)
        {
            var start = Stopwatch.GetTimestamp();
            // Strictly increasing per series even when rounds come faster than the clock's millisecond.
            var roundMs = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), _lastRoundMs + 1);
            _lastRoundMs = roundMs;
            var next = -1;
            var workers = Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < _healthy.Length)
                {
                    if (interval is { } pace)
                    {
                        var due = start + (long)(pace.TotalSeconds * Stopwatch.Frequency * i / _healthy.Length);
                        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                        if (wait > TimeSpan.FromMilliseconds(2))
                        {
                            await Task.Delay(wait, ct).ConfigureAwait(false);
                        }
                    }

                    await SendAsync(i, roundMs, ct).ConfigureAwait(false);
                }
            }, ct)).ToArray();
            await Task.WhenAll(workers).ConfigureAwait(false);
            LastRoundSendSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (interval is { } every)
            {
                var left = every - Stopwatch.GetElapsedTime(start);
                if (left > TimeSpan.Zero)
                {
                    await Task.Delay(left, ct).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task SendAsync(int index, long roundMs, CancellationToken ct)
    {
        var cluster = index / _fleet.Nodes;
        var faulted = Volatile.Read(ref _faultOn[cluster]) && _faulted[index] is not null;
        var template = faulted ? _faulted[index]! : _healthy[index];
        template.SetTime(roundMs);
        using var content = new ByteArrayContent(template.Body);
        content.Headers.ContentType = _contentType;
        if (faulted && Volatile.Read(ref _faultSentAt[cluster]) == 0)
        {
            Interlocked.CompareExchange(ref _faultSentAt[cluster], Stopwatch.GetTimestamp(), 0);
        }

        try
        {
            using var response = await _client.PostAsync(_url, content, ct).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            Interlocked.Increment(ref Requests);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref Failures);
                return;
            }

            // A response without partial_success is full success: protobuf zero bytes, JSON "{ }".
            if (_json ? body.AsSpan().IndexOf("partialSuccess"u8) >= 0 : body.Length > 0)
            {
                Interlocked.Increment(ref PartialRejects);
            }

            Interlocked.Add(ref PointsSent, template.Points);
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref Failures);
        }
    }

    private static BodyTemplate Encode(IMessage request, bool json) =>
        new(json ? System.Text.Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(request)) : request.ToByteArray(), json);

    public void Dispose() => _client.Dispose();
}
