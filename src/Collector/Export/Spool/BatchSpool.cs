using System.Globalization;

namespace AzLocalMonitor.Collector.Export.Spool;

/// <summary>
/// A durable, bounded, ordered queue of encoded batches on disk: one file per batch named by its sequence number
/// (<c>00000000000000000042.otlp</c>), written to a temporary name, fsync'd and renamed, so a crash leaves either
/// the whole batch or none of it. Each destination (consumer) has a cursor file holding the last sequence it
/// acknowledged; a batch file is deleted once every consumer's cursor has passed it. When a limit is exceeded the
/// oldest batches are deleted and counted in <see cref="Dropped"/>. The last assigned sequence is kept in a file
/// too, so numbers never repeat across restarts. A lock file keeps a second process out. Thread-safe.
/// </summary>
internal sealed class BatchSpool : IDisposable
{
    private const string Extension = ".otlp";
    private const string SequenceFile = "last-sequence";
    private const string CursorPrefix = "cursor.";
    private const string PoisonFolder = "poison";

    private readonly Lock _lock = new();
    private readonly string _directory;
    private readonly SpoolLimits _limits;
    private readonly SortedList<long, SpooledBatch> _batches = [];
    private readonly Dictionary<string, long> _cursors = new(StringComparer.Ordinal);
    private readonly FileStream _lockFile;
    private long _bytes;
    private long _lastSequence;
    private long _dropped;
    private long _poisoned;

    /// <param name="consumers">Names of the destinations that must each acknowledge a batch before it is deleted.</param>
    /// <exception cref="SpoolLockedException">Another process holds the spool.</exception>
    public BatchSpool(string directory, SpoolLimits limits, IReadOnlyCollection<string> consumers)
    {
        ArgumentNullException.ThrowIfNull(consumers);
        _directory = Path.GetFullPath(directory);
        _limits = limits;
        Directory.CreateDirectory(_directory);
        try
        {
            _lockFile = new FileStream(Path.Combine(_directory, "spool.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e)
        {
            throw new SpoolLockedException($"The spool {_directory} is in use by another collector; give each collector its own --spool directory.", e);
        }

        foreach (var path in Directory.EnumerateFiles(_directory, "*" + Extension))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                var batch = new SpooledBatch(sequence, path, new FileInfo(path).Length);
                _batches.Add(sequence, batch);
                _bytes += batch.Bytes;
            }
        }

        foreach (var stale in Directory.EnumerateFiles(_directory, "*.tmp"))
        {
            File.Delete(stale); // a write the process did not finish: never acknowledged to the SDK
        }

        _lastSequence = Math.Max(ReadNumber(Path.Combine(_directory, SequenceFile)), _batches.Count > 0 ? _batches.Keys[^1] : 0);
        foreach (var consumer in consumers)
        {
            // A destination without a cursor file (new, or first start) receives the whole backlog.
            _cursors[consumer] = ReadNumber(CursorPath(consumer));
        }

        DeleteAcknowledged();
    }

    /// <summary>The spool directory.</summary>
    public string DirectoryPath => _directory;

    /// <summary>Batches on disk that some destination has not acknowledged.</summary>
    public int Depth
    {
        get
        {
            lock (_lock)
            {
                return _batches.Count;
            }
        }
    }

    /// <summary>Bytes of the batches on disk.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Batches deleted unsent because a limit was reached (since this process started).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Batches a destination refused as invalid (moved to the poison folder; since this process started).</summary>
    public long Poisoned => Interlocked.Read(ref _poisoned);

    /// <summary>The sequence number of the newest batch ever appended (0 before the first).</summary>
    public long LastSequence
    {
        get
        {
            lock (_lock)
            {
                return _lastSequence;
            }
        }
    }

    /// <summary>
    /// Assigns the next sequence number, encodes the batch with it (<paramref name="encode"/> may stamp it into the
    /// batch) and stores it durably; returns the sequence. Drops the oldest batches when over a limit.
    /// </summary>
    public long Append(Func<long, byte[]> encode)
    {
        ArgumentNullException.ThrowIfNull(encode);
        lock (_lock)
        {
            var sequence = _lastSequence + 1;
            var bytes = encode(sequence);
            var path = BatchPath(sequence);
            var temporary = path + ".tmp";
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.None))
            {
                file.Write(bytes);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            _lastSequence = sequence;
            WriteNumber(Path.Combine(_directory, SequenceFile), sequence);
            _batches.Add(sequence, new SpooledBatch(sequence, path, bytes.Length));
            Interlocked.Add(ref _bytes, bytes.Length);

            // The batch just written is never the one dropped: the newest data matters most.
            while (_batches.Count > 1 && (_batches.Count > _limits.MaxBatches || _bytes > _limits.MaxBytes))
            {
                Delete(_batches.Values[0]);
                Interlocked.Increment(ref _dropped);
            }

            return sequence;
        }
    }

    /// <summary>The oldest batch after <paramref name="consumer"/>'s cursor, or null when it is up to date.</summary>
    public SpooledBatch? Next(string consumer)
    {
        lock (_lock)
        {
            var cursor = _cursors[consumer];
            foreach (var (sequence, batch) in _batches)
            {
                if (sequence > cursor)
                {
                    return batch;
                }
            }

            return null;
        }
    }

    /// <summary>The last sequence <paramref name="consumer"/> acknowledged.</summary>
    public long Cursor(string consumer)
    {
        lock (_lock)
        {
            return _cursors[consumer];
        }
    }

    /// <summary>Batches <paramref name="consumer"/> has still to send.</summary>
    public int Pending(string consumer)
    {
        lock (_lock)
        {
            var cursor = _cursors[consumer];
            return _batches.Keys.Count(s => s > cursor);
        }
    }

    /// <summary>Reads a batch's bytes; null when it was dropped meanwhile.</summary>
    public static byte[]? Read(SpooledBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        try
        {
            return File.ReadAllBytes(batch.Path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Records that <paramref name="consumer"/> delivered everything up to <paramref name="sequence"/>; deletes what all have delivered.</summary>
    public void Acknowledge(string consumer, long sequence)
    {
        lock (_lock)
        {
            if (sequence <= _cursors[consumer])
            {
                return;
            }

            _cursors[consumer] = sequence;
            WriteNumber(CursorPath(consumer), sequence);
            DeleteAcknowledged();
        }
    }

    /// <summary>Keeps a copy of a batch a destination refused as invalid (for a human to look at), and counts it.</summary>
    public void Quarantine(SpooledBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_lock)
        {
            var folder = Path.Combine(_directory, PoisonFolder);
            Directory.CreateDirectory(folder);
            try
            {
                File.Copy(batch.Path, Path.Combine(folder, Path.GetFileName(batch.Path)), overwrite: true);
            }
            catch (FileNotFoundException)
            {
                // dropped meanwhile
            }

            Interlocked.Increment(ref _poisoned);
        }
    }

    public void Dispose() => _lockFile.Dispose();

    private void DeleteAcknowledged()
    {
        var delivered = _cursors.Count == 0 ? long.MaxValue : _cursors.Values.Min();
        while (_batches.Count > 0 && _batches.Keys[0] <= delivered)
        {
            Delete(_batches.Values[0]);
        }
    }

    private void Delete(SpooledBatch batch)
    {
        _batches.Remove(batch.Sequence);
        Interlocked.Add(ref _bytes, -batch.Bytes);
        try
        {
            File.Delete(batch.Path);
        }
        catch (IOException)
        {
            // a reader has it open (Windows); it is gone from the index and is removed at the next start
        }
    }

    private string BatchPath(long sequence) => Path.Combine(_directory, sequence.ToString("D20", CultureInfo.InvariantCulture) + Extension);

    private string CursorPath(string consumer) => Path.Combine(_directory, CursorPrefix + consumer);

    private static long ReadNumber(string path) =>
        File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static void WriteNumber(string path, long value)
    {
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64, FileOptions.None))
        {
            file.Write(System.Text.Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture)));
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
