using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Rules.State;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// Time-driven work: evaluates only the clusters with a due deadline (pending <c>for</c>, silence, staleness,
/// resend, a requested re-evaluation), forgets long-silent series once a minute, and checkpoints node report times.
/// </summary>
public sealed class AlertTimer
{
    private readonly SeriesStore _series;
    private readonly RuleEngine _engine;
    private readonly AlertPersistence _persistence;
    private readonly TimeProvider _time;
    private readonly long _forgetAfterMs;
    private readonly long _checkpointMs;
    private long _lastForgetMs;
    private long _lastCheckpointMs;

    public AlertTimer(SeriesStore series, RuleEngine engine, AlertPersistence persistence, TimeProvider time, IOptions<SeriesOptions> seriesOptions, IOptions<StateOptions> state)
    {
        ArgumentNullException.ThrowIfNull(seriesOptions);
        ArgumentNullException.ThrowIfNull(state);
        _series = series;
        _engine = engine;
        _persistence = persistence;
        _time = time;
        _forgetAfterMs = (long)seriesOptions.Value.ForgetAfter.TotalMilliseconds;
        _checkpointMs = (long)state.Value.CheckpointInterval.TotalMilliseconds;
    }

    /// <summary>One tick at the clock's now.</summary>
    public void Tick()
    {
        var now = _time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var forget = nowMs - _lastForgetMs >= 60_000;
        foreach (var cluster in _series.Clusters)
        {
            var alerts = _engine.Book.For(cluster);
            if (forget)
            {
                lock (cluster.Gate)
                {
                    cluster.Forget(nowMs, _forgetAfterMs);
                }
            }
            else if (!RuleEngine.IsDue(alerts, now))
            {
                continue;
            }

            _engine.Evaluate(cluster, now);
        }

        if (forget)
        {
            _lastForgetMs = nowMs;
        }

        if (nowMs - _lastCheckpointMs >= _checkpointMs)
        {
            _persistence.CheckpointNodes();
            _lastCheckpointMs = nowMs;
        }
    }
}
