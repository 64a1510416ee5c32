using AzLocalMonitor.Collector.Sources.Linux;

namespace AzLocalMonitor.Collector.Sources.Windows.Probes;

/// <summary>
/// Times a TCP connect to targets the cluster names (nodes of the other sites, the witness's endpoint), in the
/// background once per interval, with the <c>--peer</c> prober's connect (<see cref="PeerProber.ProbeAsync"/>): name
/// resolution first, then the connect alone. Unlike <c>--peer</c> the targets change with the cluster, so each reading
/// hands the current set in (<see cref="SetTargets"/>). A target that does not answer within the timeout is absent
/// from <see cref="Latest"/> until it answers again.
/// </summary>
internal sealed class EndpointProber : IAsyncDisposable
{
    private readonly TimeSpan _interval;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private volatile IReadOnlyList<ProbeTarget> _targets = [];
    private volatile IReadOnlyDictionary<ProbeTarget, double> _latest = new Dictionary<ProbeTarget, double>();
    private Task? _loop;

    public EndpointProber(TimeSpan interval, TimeProvider time)
    {
        _interval = interval;
        _timeout = PeerProber.TimeoutFor(interval); // the --peer prober's bounds
        _time = time;
    }

    /// <summary>Round trips in seconds of the targets that answered in the last round.</summary>
    public IReadOnlyDictionary<ProbeTarget, double> Latest => _latest;

    public IReadOnlyList<ProbeTarget> Targets => _targets;

    /// <summary>Replaces the targets; the next round probes these (results of dropped targets are dropped).</summary>
    public void SetTargets(IEnumerable<ProbeTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var next = targets.Distinct().ToList();
        if (!next.SequenceEqual(_targets))
        {
            _targets = next;
            _latest = _latest.Where(r => next.Contains(r.Key)).ToDictionary(r => r.Key, r => r.Value);
        }
    }

    public void Start() => _loop ??= Task.Run(LoopAsync);

    /// <summary>Probes every current target once (in parallel) and publishes what answered.</summary>
    public async Task ProbeOnceAsync(CancellationToken cancellationToken) => _latest = await RoundAsync(cancellationToken).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task<IReadOnlyDictionary<ProbeTarget, double>> RoundAsync(CancellationToken cancellationToken)
    {
        var targets = _targets;
        var results = await Task.WhenAll(targets.Select(async t =>
            (Target: t, Latency: await PeerProber.ProbeAsync(new PeerTarget("endpoint", t.Host, t.Port), _timeout, _time, cancellationToken).ConfigureAwait(false))))
            .ConfigureAwait(false);
        return results.Where(r => r.Latency is not null).ToDictionary(r => r.Target, r => r.Latency!.Seconds);
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(_interval, _time);
        var warmed = false;
        try
        {
            do
            {
                if (_targets.Count == 0)
                {
                    continue;
                }

                // As the --peer prober: a first, unpublished round warms up the socket code paths, whose first use
                // costs far more than a round trip.
                if (!warmed)
                {
                    await RoundAsync(_stop.Token).ConfigureAwait(false);
                    warmed = true;
                }

                await ProbeOnceAsync(_stop.Token).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
