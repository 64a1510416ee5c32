using System.Globalization;

namespace AzLocalMonitor.Rules.RemoteWrite;

/// <summary>
/// The write-ahead buffer: <see cref="RemoteWriteOptions.Shards"/> shards under <see cref="RemoteWriteOptions.WalPath"/>,
/// each with a cursor per destination. A cluster's samples always go to the same shard (by a stable hash of its name),
/// so each series stays in time order at the store even though shards send in parallel.
/// </summary>
public sealed class RemoteWriteBuffer : IDisposable
{
    private readonly WalShard[] _shards;

    public RemoteWriteBuffer(RemoteWriteOptions options, IReadOnlyList<RemoteWriteDestination> destinations)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(destinations);
        var root = Path.GetFullPath(options.WalPath);
        var perShard = Math.Max(options.SegmentBytes * 2, options.MaxBufferBytes / options.Shards);
        _shards = [.. Enumerable.Range(0, options.Shards)
            .Select(i => new WalShard(Path.Combine(root, "shard-" + i.ToString(CultureInfo.InvariantCulture)), options.SegmentBytes, perShard))];
        Cursors = destinations.ToDictionary(d => d, d => (IReadOnlyList<WalCursor>)[.. _shards.Select(s => new WalCursor(s, d.Id))]);
    }

    public IReadOnlyList<WalShard> Shards => _shards;

    /// <summary>Each destination's cursor in every shard.</summary>
    public IReadOnlyDictionary<RemoteWriteDestination, IReadOnlyList<WalCursor>> Cursors { get; }

    /// <summary>The shard of a cluster: FNV-1a of its name (stable across restarts, unlike string hash codes).</summary>
    public int ShardOf(string cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var hash = 2166136261u;
        foreach (var c in cluster)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)_shards.Length);
    }

    public void Dispose()
    {
        foreach (var shard in _shards)
        {
            shard.Dispose();
        }
    }
}
