using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry.Wire;

namespace AzLocalMonitor.Rules.RemoteWrite;

/// <summary>
/// Where samples enter remote write: ingest (every stored sample), the ALERTS sampler and history. A caller takes
/// a <see cref="RemoteWriteBatch"/>, adds samples, and commits it before acknowledging them: commit is one file write
/// per shard touched, nothing waits for the network.
/// </summary>
public sealed class RemoteWriteTap
{
    // One batch per thread, reused: a request is encoded and committed on the thread that handles it.
    [ThreadStatic]
    private static RemoteWriteBatch? t_batch;

    private readonly RemoteWriteBuffer _buffer;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _external;

    public RemoteWriteTap(RemoteWriteBuffer buffer, RemoteWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _buffer = buffer;
        _external = WireEncoder.SortedLabels(options.ExternalLabels);
    }

    /// <summary>An empty batch for this thread (commit it before the next <see cref="Begin"/> on the same thread).</summary>
    public RemoteWriteBatch Begin()
    {
        var batch = t_batch;
        if (batch is null || !ReferenceEquals(batch.Buffer, _buffer))
        {
            t_batch = batch = new RemoteWriteBatch(_buffer, _external);
        }

        batch.Reset();
        return batch;
    }
}

/// <summary>Samples encoded per shard, waiting for <see cref="Commit"/>.</summary>
public sealed class RemoteWriteBatch
{
    private readonly IReadOnlyList<KeyValuePair<string, string>> _external;
    private readonly ByteBuffer[] _bytes;
    private readonly int[] _samples;
    private readonly long[] _highestMs;
    private string? _lastCluster;
    private int _lastShard;

    internal RemoteWriteBatch(RemoteWriteBuffer buffer, IReadOnlyList<KeyValuePair<string, string>> external)
    {
        Buffer = buffer;
        _external = external;
        _bytes = [.. buffer.Shards.Select(_ => new ByteBuffer())];
        _samples = new int[buffer.Shards.Count];
        _highestMs = new long[buffer.Shards.Count];
    }

    internal RemoteWriteBuffer Buffer { get; }

    /// <summary>Adds one sample of <paramref name="cluster"/>.</summary>
    public void Add(string cluster, string metric, LabelSet labels, double value, long timestampMs)
    {
        if (!ReferenceEquals(cluster, _lastCluster))
        {
            _lastShard = Buffer.ShardOf(cluster);
            _lastCluster = cluster;
        }

        var bytes = _bytes[_lastShard];
        var at = WalRecord.Begin(bytes, timestampMs);
        WireEncoder.WriteSeries(bytes, metric, labels, _external, value, timestampMs);
        WalRecord.End(bytes, at);
        _samples[_lastShard]++;
        _highestMs[_lastShard] = Math.Max(_highestMs[_lastShard], timestampMs);
    }

    /// <summary>Adds one stored ingest sample.</summary>
    public void Add(string cluster, in MappedSample sample) => Add(cluster, sample.Metric, sample.Labels, sample.Value, sample.TimestampMs);

    /// <summary>Writes what was added to the buffer (one write per shard touched).</summary>
    public void Commit()
    {
        for (var i = 0; i < _bytes.Length; i++)
        {
            if (_samples[i] > 0)
            {
                Buffer.Shards[i].Append(_bytes[i].Span, _samples[i], _highestMs[i]);
            }
        }

        Reset();
    }

    internal void Reset()
    {
        for (var i = 0; i < _bytes.Length; i++)
        {
            _bytes[i].Clear();
            _samples[i] = 0;
            _highestMs[i] = 0;
        }

        _lastCluster = null;
    }
}
