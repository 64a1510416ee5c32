namespace AzLocalMonitor.Rules.Muting;

/// <summary>
/// Every silence, from the API (persisted by the state store). Readers get an immutable snapshot; writers swap it
/// under a lock (shared mutable state, justified: the API writes while every cluster evaluation reads).
/// </summary>
public sealed class SilenceBook
{
    private readonly Lock _gate = new();
    private IReadOnlyList<Silence> _silences = [];

    /// <summary>Raised after a change with the cluster it concerns (null: possibly every cluster).</summary>
    public event Action<string?>? Changed;

    /// <summary>Every silence, expired ones included.</summary>
    public IReadOnlyList<Silence> All => Volatile.Read(ref _silences);

    /// <summary>Adds or replaces a silence (by id).</summary>
    public void Upsert(Silence silence)
    {
        ArgumentNullException.ThrowIfNull(silence);
        lock (_gate)
        {
            _silences = [.. _silences.Where(s => s.Id != silence.Id), silence];
        }

        Changed?.Invoke(silence.Cluster);
    }

    /// <summary>The silence with <paramref name="id"/>, or null.</summary>
    public Silence? Find(string id) => All.FirstOrDefault(s => s.Id == id);

    /// <summary>Silences of <paramref name="cluster"/> in force at <paramref name="now"/>, and when that set next changes.</summary>
    public (IReadOnlyList<Silence> Active, DateTimeOffset NextChange) For(string cluster, DateTimeOffset now)
    {
        List<Silence>? active = null;
        var next = DateTimeOffset.MaxValue;
        foreach (var silence in All)
        {
            if (silence.Cluster is { } c && c != cluster)
            {
                continue;
            }

            if (silence.ActiveAt(now))
            {
                (active ??= []).Add(silence);
                next = silence.EndsAt < next ? silence.EndsAt : next;
            }
            else if (silence.StartsAt > now && silence.StartsAt < next)
            {
                next = silence.StartsAt;
            }
        }

        return ((IReadOnlyList<Silence>?)active ?? [], next);
    }
}
