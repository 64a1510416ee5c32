using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace AzLocalMonitor.Rules.RemoteWrite;

/// <summary>
/// One shard of the write-ahead buffer: numbered segment files of <see cref="WalRecord"/>s in one directory. Ingest
/// threads append (one write system call per request, so what ingest acknowledged is in the file even if Rules is
/// killed the next instant); each destination reads at its own <see cref="WalCursor"/>. Segments every cursor has
/// passed are deleted; past the size limit the oldest are deleted unread, and counted as dropped.
/// A restarted Rules never appends to an old segment: a record cut short by a crash stays at an old segment's end,
/// where readers skip it.
/// </summary>
public sealed class WalShard : IDisposable
{
    private const string Extension = ".wal";

    // Shared mutable state: the open segment, its size and the cursors, guarded by _gate: ingest threads append
    // concurrently and senders release segments from their own tasks.
    private readonly Lock _gate = new();
    private readonly List<WalCursor> _cursors = [];
    private readonly long _segmentBytes;
    private readonly long _maxBytes;
    private SafeFileHandle _handle;
    private long _seq;
    private long _offset;
    private long _appended;
    private long _highestMs;
    private TaskCompletionSource _appendedSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WalShard(string directory, long segmentBytes, long maxBytes)
    {
        Directory = directory;
        _segmentBytes = segmentBytes;
        _maxBytes = maxBytes;
        System.IO.Directory.CreateDirectory(directory);
        _seq = (Segments() is { Count: > 0 } existing ? existing[^1] : 0) + 1;
        _handle = Open(_seq);
    }

    public string Directory { get; }

    /// <summary>The segment being written (older ones are complete).</summary>
    public long CurrentSeq => Interlocked.Read(ref _seq);

    /// <summary>Samples appended since start.</summary>
    public long Appended => Interlocked.Read(ref _appended);

    /// <summary>The newest sample time appended since start (Unix ms), 0 before any.</summary>
    public long HighestTimestampMs => Interlocked.Read(ref _highestMs);

    /// <summary>Bytes held in segment files.</summary>
    public long Bytes => Segments().Sum(s => new FileInfo(SegmentPath(s)).Length);

    /// <summary>Completes when something is appended after the call.</summary>
    public Task AppendedAsync() => Volatile.Read(ref _appendedSignal).Task;

    /// <summary>Appends framed records holding <paramref name="samples"/> samples, newest at <paramref name="highestMs"/>.</summary>
    public void Append(ReadOnlySpan<byte> records, int samples, long highestMs)
    {
        if (records.IsEmpty)
        {
            return;
        }

        TaskCompletionSource signal;
        lock (_gate)
        {
            RandomAccess.Write(_handle, records, _offset);
            _offset += records.Length;
            if (_offset >= _segmentBytes)
            {
                Rotate();
            }

            signal = _appendedSignal;
            _appendedSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        Interlocked.Add(ref _appended, samples);

        long seen;
        while ((seen = Interlocked.Read(ref _highestMs)) < highestMs && Interlocked.CompareExchange(ref _highestMs, highestMs, seen) != seen)
        {
        }

        signal.TrySetResult();
    }

    /// <summary>Segment numbers on disk, oldest first.</summary>
    public List<long> Segments()
    {
        var result = new List<long>();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*" + Extension))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(file), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            {
                result.Add(seq);
            }
        }

        result.Sort();
        return result;
    }

    public string SegmentPath(long seq) => Path.Combine(Directory, seq.ToString("D12", CultureInfo.InvariantCulture) + Extension);

    /// <summary>Adds a destination's cursor: segments are kept until it has read them.</summary>
    public void Register(WalCursor cursor)
    {
        lock (_gate)
        {
            _cursors.Add(cursor);
        }
    }

    /// <summary>Deletes complete segments every cursor has passed.</summary>
    public void Release()
    {
        lock (_gate)
        {
            var oldestNeeded = _cursors.Count == 0 ? _seq : _cursors.Min(c => c.Position.Seq);
            foreach (var seq in Segments().Where(s => s < oldestNeeded && s < _seq))
            {
                File.Delete(SegmentPath(seq));
            }
        }
    }

    /// <summary>Whole records in a segment from <paramref name="offset"/> on (a cut-short tail not counted).</summary>
    public long CountRecords(long seq, long offset)
    {
        try
        {
            using var stream = new FileStream(SegmentPath(seq), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
            var header = new byte[WalRecord.HeaderBytes];
            long count = 0;
            stream.Position = offset;
            while (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length
                && WalRecord.TryReadHeader(header, out var length, out _)
                && stream.Position + length <= stream.Length)
            {
                stream.Position += length;
                count++;
            }

            return count;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _handle.Dispose();
        }
    }

    private SafeFileHandle Open(long seq) =>
        File.OpenHandle(SegmentPath(seq), FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);

    /// <summary>Closes the full segment, opens the next, and enforces the size limit (under <see cref="_gate"/>).</summary>
    private void Rotate()
    {
        _handle.Dispose();
        Interlocked.Increment(ref _seq);
        _offset = 0;
        _handle = Open(_seq);
        var segments = Segments();
        var total = segments.Sum(s => new FileInfo(SegmentPath(s)).Length);
        foreach (var seq in segments.Where(s => s < _seq))
        {
            if (total <= _maxBytes)
            {
                break;
            }

            foreach (var cursor in _cursors)
            {
                var position = cursor.Position;
                if (position.Seq <= seq)
                {
                    cursor.Dropped(CountRecords(seq, position.Seq == seq ? position.Offset : 0));
                }
            }

            total -= new FileInfo(SegmentPath(seq)).Length;
            File.Delete(SegmentPath(seq));
        }
    }
}
