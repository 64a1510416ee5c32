using System.Globalization;

namespace AzLocalMonitor.Rules.RemoteWrite;

/// <summary>
/// Where one destination has read a <see cref="WalShard"/> to: the position after the last record the store
/// acknowledged, kept in <c>cursor-{destination}</c> beside the segments (written to a temporary file, then
/// renamed, so a crash leaves the old or the new position, never half of one).
/// </summary>
public sealed class WalCursor
{
    private readonly WalShard _shard;
    private readonly string _path;
    private readonly long _backlogAtStart;
    private long _consumed;
    private long _dropped;
    private long _highestSentMs;
    private WalPosition _position;

    public WalCursor(WalShard shard, string destinationId)
    {
        ArgumentNullException.ThrowIfNull(shard);
        _shard = shard;
        _path = Path.Combine(shard.Directory, $"cursor-{destinationId}");
        _position = Load(_path) ?? new WalPosition(shard.Segments() is { Count: > 0 } s ? s[0] : shard.CurrentSeq, 0);
        foreach (var seq in shard.Segments().Where(s => s >= _position.Seq && s < shard.CurrentSeq))
        {
            _backlogAtStart += shard.CountRecords(seq, seq == _position.Seq ? _position.Offset : 0);
        }

        shard.Register(this);
    }

    public WalShard Shard => _shard;

    /// <summary>The next record to send. Read by the shard when it releases segments, written by the sender only.</summary>
    public WalPosition Position => Volatile.Read(ref _position);

    /// <summary>Samples in the buffer this destination has not acknowledged yet.</summary>
    public long Pending => Math.Max(0, _backlogAtStart + _shard.Appended - Interlocked.Read(ref _consumed) - Interlocked.Read(ref _dropped));

    /// <summary>Samples dropped unread because the buffer was full.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>The newest sample time the destination acknowledged (Unix ms), 0 before any.</summary>
    public long HighestSentMs => Interlocked.Read(ref _highestSentMs);

    /// <summary>Records that the store acknowledged everything before <paramref name="next"/>: persists it and frees segments.</summary>
    public void Commit(WalPosition next, int samples, long highestMs)
    {
        var temp = _path + ".tmp";
        File.WriteAllText(temp, string.Create(CultureInfo.InvariantCulture, $"{next.Seq} {next.Offset}\n"));
        File.Move(temp, _path, overwrite: true);
        Volatile.Write(ref _position, next);
        Interlocked.Add(ref _consumed, samples);
        if (highestMs > Interlocked.Read(ref _highestSentMs))
        {
            Interlocked.Exchange(ref _highestSentMs, highestMs); // one sender per cursor: no race on the max
        }

        _shard.Release();
    }

    /// <summary>Moves past records without counting them sent (a segment that vanished under the size limit).</summary>
    public void Skip(WalPosition next) => Volatile.Write(ref _position, next);

    /// <summary>Called by the shard when it deletes unread records to stay under its size limit.</summary>
    public void Dropped(long samples) => Interlocked.Add(ref _dropped, samples);

    private static WalPosition? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? new WalPosition(seq, offset)
            : null;
    }
}

/// <summary>A place in a shard: segment number and byte offset in it.</summary>
public sealed record WalPosition(long Seq, long Offset);
