using System.Collections.Concurrent;

namespace AzLocalMonitor.Rules.Ingest;

/// <summary>
/// The <see cref="MetricInfo"/> of a metric by the UTF-8 bytes of its name and unit as they arrive, so the fast
/// protobuf reader neither validates, decodes nor hashes them as strings for the same few dozen metrics in every
/// request. Bytes are remembered only after they were found valid UTF-8; bounded like <see cref="MetricInfo"/>' own
/// cache (past the bound, metrics are described from their strings every time).
/// </summary>
internal static class MetricNames
{
    private const int MaxCached = 10_000;

    // Separates name from unit in a key: 0xFF never occurs in UTF-8, so no two (name, unit) pairs share a key.
    private const byte Separator = 0xFF;
    private const int MaxKeyLength = 512;
    private static readonly ConcurrentDictionary<byte[], Described> Cache = new(KeyComparer.Instance);
    private static readonly ConcurrentDictionary<byte[], Described>.AlternateLookup<ReadOnlySpan<byte>> Lookup = Cache.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary>The metric named by valid UTF-8 seen before; false when these bytes are new (or too long to remember).</summary>
    public static bool TryGet(ReadOnlySpan<byte> name, ReadOnlySpan<byte> unit, out Described described)
    {
        described = null!;
        var length = name.Length + unit.Length + 1;
        if (length > MaxKeyLength)
        {
            return false;
        }

        // As long as the key: a stackalloc is zeroed, and this runs for every metric of every request.
        Span<byte> key = stackalloc byte[length];
        _ = Key(name, unit, key);
        return Lookup.TryGetValue(key, out described!);
    }

    /// <summary>The metric named by <paramref name="name"/> and <paramref name="unit"/> (the caller has validated them), remembered.</summary>
    public static Described Add(ReadOnlySpan<byte> name, ReadOnlySpan<byte> unit)
    {
        var described = new Described(StringPool.Get(name), StringPool.Get(unit));
        Span<byte> key = stackalloc byte[MaxKeyLength];
        if (Key(name, unit, key) is { } length && Cache.Count < MaxCached)
        {
            return Cache.GetOrAdd(key[..length].ToArray(), described);
        }

        return described;
    }

    private static int? Key(ReadOnlySpan<byte> name, ReadOnlySpan<byte> unit, Span<byte> key)
    {
        if (name.Length + unit.Length + 1 > key.Length)
        {
            return null;
        }

        name.CopyTo(key);
        key[name.Length] = Separator;
        unit.CopyTo(key[(name.Length + 1)..]);
        return name.Length + unit.Length + 1;
    }

    /// <summary>A metric's name and unit, and its description as a gauge (or non-monotonic sum) and as a monotonic sum.</summary>
    internal sealed class Described(string name, string unit)
    {
        // Written at most once each with the same (shared, cached) answer; a race computes it twice, harmlessly.
        private MetricInfo? _plain;
        private MetricInfo? _monotonic;

        public MetricInfo Get(bool monotonicSum) => monotonicSum
            ? _monotonic ??= MetricInfo.Describe(name, unit, monotonicSum: true)
            : _plain ??= MetricInfo.Describe(name, unit, monotonicSum: false);
    }

    private sealed class KeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static KeyComparer Instance { get; } = new();

        public bool Equals(byte[]? x, byte[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = default(HashCode);
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
