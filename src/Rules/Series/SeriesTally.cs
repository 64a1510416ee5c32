namespace AzLocalMonitor.Rules.Series;

/// <summary>
/// The number of series held by every cluster together, so ingest can bound the total. Shared by all the clusters'
/// states, which change it under their own gates (different locks): hence the interlocked count.
/// </summary>
public sealed class SeriesTally
{
    private long _count;

    /// <summary>Series held now.</summary>
    public long Count => Interlocked.Read(ref _count);

    internal void Add(long delta) => Interlocked.Add(ref _count, delta);
}
