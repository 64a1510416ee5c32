using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Ingest;

/// <summary>
/// What a data point's raw attribute bytes mapped to last time (its cluster, label set and self-report node), so the
/// fast protobuf reader maps the points of a steady stream of reports without decoding attribute strings or building
/// a <see cref="LabelSet"/> per point. The mapping of a point is a function of its metric (<see cref="MetricInfo"/>),
/// its resource's cluster and host, and its attributes in wire order: identical bytes map identically, so an entry
/// never goes stale. Entries are made only from points the mapping accepted; the checks that depend on something
/// else (value, flags, time, an over-long host) are still made per point or per resource.
/// </summary>
/// <remarks>
/// Entries are kept per resource cluster (one <see cref="Shelf"/> each, its own lock), and each holds only the
/// attribute bytes it was made from besides what the series holds anyway (the label set object is shared with the
/// series): ~250 bytes of RSS per entry, about one entry per series. Bounded by <c>maxEntries</c>: a full cache
/// remembers nothing new (those points take the decoding path, as without the cache), except that at most once
/// per <see cref="RefillAfter"/> it is dropped whole and refilled by the next reports, so entries of forgotten series
/// give way to new ones without a fleet larger than the bound emptying and refilling it all the time.
/// </remarks>
internal sealed class RawSeriesCache(int maxEntries, TimeProvider? time = null)
{
    /// <summary>How often a full cache may be dropped and refilled.</summary>
    public static readonly TimeSpan RefillAfter = TimeSpan.FromHours(1);

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    // Replaced whole when dropped: a reader still holding the old map finishes with it harmlessly.
    private ConcurrentDictionary<string, Shelf> _shelves = new(StringComparer.Ordinal);
    private int _entries;
    private long _droppedAt = (time ?? TimeProvider.System).GetTimestamp(); // the first refill is an hour after the start

    /// <summary>The entries made from reports whose resource names <paramref name="resourceCluster"/>.</summary>
    public Shelf For(string resourceCluster) =>
        Volatile.Read(ref _shelves).GetOrAdd(resourceCluster, static (_, cache) => new Shelf(cache), this);

    /// <summary>Entries in all shelves (approximate while reports are mapped).</summary>
    public int Count => Volatile.Read(ref _entries);

    /// <summary>True when one more entry may be added; when full and due for a refill, every entry is dropped instead.</summary>
    private bool Reserve()
    {
        if (Interlocked.Increment(ref _entries) <= maxEntries)
        {
            return true;
        }

        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _droppedAt);
        if (_time.GetElapsedTime(last, now) < RefillAfter || Interlocked.CompareExchange(ref _droppedAt, now, last) != last)
        {
            Interlocked.Decrement(ref _entries); // full, and dropped within the hour (or by another thread just now)
            return false;
        }

        // The caller holds a shelf of the dropped map: its entry is not added there, the next reports refill the new one.
        Volatile.Write(ref _shelves, new ConcurrentDictionary<string, Shelf>(StringComparer.Ordinal));
        Interlocked.Exchange(ref _entries, 0);
        return false;
    }

    /// <summary>One resource cluster's entries; callers hold <see cref="Gate"/> around lookups and additions.</summary>
    internal sealed class Shelf
    {
        private readonly RawSeriesCache _owner;
        private readonly HashSet<Entry> _entries;
        private readonly HashSet<Entry>.AlternateLookup<Key> _lookup;

        public Shelf(RawSeriesCache owner)
        {
            _owner = owner;
            _entries = new HashSet<Entry>(EntryComparer.Instance);
            _lookup = _entries.GetAlternateLookup<Key>();
        }

        /// <summary>Guards the entries: one report of this cluster is mapped at a time (its other nodes' reports wait).</summary>
        public Lock Gate { get; } = new();

        /// <summary>
        /// The entry for a point of <paramref name="info"/> with these attribute bytes from a resource with
        /// <paramref name="host"/>: one made without regard to the host, else one made for this host.
        /// </summary>
        public bool TryGet(ReadOnlySpan<byte> attributes, MetricInfo info, string? host, out Entry entry)
        {
            var hash = default(HashCode);
            hash.AddBytes(attributes);
            hash.Add(RuntimeHelpers.GetHashCode(info));
            if (_lookup.TryGetValue(new Key(attributes, info, HostDependent: false, null, hash.ToHashCode()), out entry!))
            {
                return true;
            }

            if (info.Scope != MetricScope.Node)
            {
                return false; // only a node-scope point can take its node from the host
            }

            hash.Add(HostHash(host));
            return _lookup.TryGetValue(new Key(attributes, info, HostDependent: true, host, hash.ToHashCode()), out entry!);
        }

        /// <summary>Remembers what a point mapped to (its node from the resource's host when <see cref="MappedIdentity.FromHost"/>).</summary>
        public void Add(ReadOnlySpan<byte> attributes, MetricInfo info, string? host, in MappedIdentity identity)
        {
            var hash = default(HashCode);
            hash.AddBytes(attributes);
            hash.Add(RuntimeHelpers.GetHashCode(info));
            if (identity.FromHost)
            {
                hash.Add(HostHash(host));
            }

            var key = new Key(attributes, info, identity.FromHost, identity.FromHost ? host : null, hash.ToHashCode());
            if (!_lookup.Contains(key) && _owner.Reserve())
            {
                _entries.Add(new Entry(attributes.ToArray(), info, key.Host, key.Hash, identity));
            }
        }
    }

    private static int HostHash(string? host) => host is null ? 0 : string.GetHashCode(host, StringComparison.Ordinal);

    /// <summary>A remembered mapping: the key (attribute bytes, metric, host when the node came from it) and what it mapped to.</summary>
    internal sealed class Entry(byte[] attributes, MetricInfo info, string? host, int hash, MappedIdentity identity)
    {
        public byte[] Attributes { get; } = attributes;

        public MetricInfo Info { get; } = info;

        public string? Host { get; } = host;

        public int Hash { get; } = hash;

        public MappedIdentity Identity { get; } = identity;

        /// <summary>Part of the key: whether the host was (the node came from it).</summary>
        public bool HostDependent => Identity.FromHost;
    }

    /// <summary>A point's key, looked up without copying its bytes.</summary>
    private readonly ref struct Key(ReadOnlySpan<byte> attributes, MetricInfo info, bool HostDependent, string? host, int hash)
    {
        public ReadOnlySpan<byte> Attributes { get; } = attributes;

        public MetricInfo Info { get; } = info;

        public bool HostDependent { get; } = HostDependent;

        public string? Host { get; } = host;

        public int Hash { get; } = hash;
    }

    /// <summary>Entries are equal by key; the metric by reference (<see cref="MetricInfo.Describe"/> shares one per metric).</summary>
    private sealed class EntryComparer : IEqualityComparer<Entry>, IAlternateEqualityComparer<Key, Entry>
    {
        public static EntryComparer Instance { get; } = new();

        public bool Equals(Entry? x, Entry? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && Equals(new Key(x.Attributes, x.Info, x.HostDependent, x.Host, x.Hash), y));

        public int GetHashCode(Entry obj) => obj.Hash;

        public bool Equals(Key alternate, Entry other) =>
            alternate.Hash == other.Hash && ReferenceEquals(alternate.Info, other.Info) && alternate.HostDependent == other.HostDependent
            && string.Equals(alternate.Host, other.Host, StringComparison.Ordinal) && alternate.Attributes.SequenceEqual(other.Attributes);

        public int GetHashCode(Key alternate) => alternate.Hash;

        public Entry Create(Key alternate) => throw new NotSupportedException("Entries are added whole.");
    }
}
