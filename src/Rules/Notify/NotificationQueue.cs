namespace AzLocalMonitor.Rules.Notify;

/// <summary>
/// The bounded delivery queue of one destination, in arrival order. When it is full a critical alert is never
/// dropped to make room for a lesser one: the oldest non-critical goes instead; a non-critical arriving when every
/// queued alert is critical is itself dropped; only a queue holding nothing but criticals drops its oldest critical.
/// Everything kept leaves in arrival order, so the notifications of one alert are never reordered.
/// </summary>
/// <remarks>
/// Shared mutable state, guarded by <see cref="_gate"/>: the evaluation threads add (many writers) and the sender
/// takes (one reader). A Channel cannot pick its victim, hence one linked list in arrival order (the victim is removed
/// where it stands, so the kept alerts stay in FIFO order) and a count of non-criticals, so a queue full of criticals
/// refuses a warning without a scan. The scan for the oldest non-critical runs only on overflow.
/// </remarks>
public sealed class NotificationQueue
{
    private readonly Lock _gate = new();
    private readonly LinkedList<AlertNotification> _items = new();
    private readonly SemaphoreSlim _available = new(0, 1); // a wake-up signal, not a count: WaitAsync rechecks
    private readonly int _capacity;
    private int _nonCritical;

    public NotificationQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>Alerts waiting.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>True for the alerts that are never dropped while a lesser one is queued.</summary>
    public static bool IsCritical(AlertNotification alert) =>
        alert is not null && alert.Labels.TryGetValue("severity", out var s) && s == "critical";

    /// <summary>Adds <paramref name="alert"/>; returns the alert dropped to stay within capacity, if any.</summary>
    public AlertNotification? Add(AlertNotification alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var critical = IsCritical(alert);
        AlertNotification? dropped = null;
        lock (_gate)
        {
            if (_items.Count >= _capacity)
            {
                if (_nonCritical > 0)
                {
                    dropped = RemoveOldest(n => !IsCritical(n));
                }
                else if (!critical)
                {
                    return alert; // full of criticals: the newcomer is the least important
                }
                else
                {
                    dropped = RemoveOldest(_ => true);
                }
            }

            _items.AddLast(alert);
            if (!critical)
            {
                _nonCritical++;
            }
        }

        try
        {
            _available.Release();
        }
        catch (SemaphoreFullException)
        {
            // already signalled
        }

        return dropped;
    }

    /// <summary>Waits until at least one alert is queued.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (Count == 0)
        {
            await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes the oldest alert, if any.</summary>
    public bool TryTake(out AlertNotification alert)
    {
        lock (_gate)
        {
            if (_items.First is not { } first)
            {
                alert = null!;
                return false;
            }

            _items.RemoveFirst();
            alert = first.Value;
            if (!IsCritical(alert))
            {
                _nonCritical--;
            }
        }

        return true;
    }

    private AlertNotification RemoveOldest(Func<AlertNotification, bool> match)
    {
        for (var node = _items.First; node is not null; node = node.Next)
        {
            if (match(node.Value))
            {
                _items.Remove(node);
                if (!IsCritical(node.Value))
                {
                    _nonCritical--;
                }

                return node.Value;
            }
        }

        throw new InvalidOperationException("no item matched");
    }
}
