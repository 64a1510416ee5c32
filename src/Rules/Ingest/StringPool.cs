using System.Collections.Concurrent;
using System.Text;

namespace AzLocalMonitor.Rules.Ingest;

/// <summary>
/// Interns the attribute keys and values ingest sees again and again (node names, states, volume names), so a
/// steady stream of reports allocates no new strings for them. Bounded: past the limit, strings are not pooled.
/// </summary>
internal static class StringPool
{
    private const int MaxEntries = 200_000;
    private const int MaxLength = 256;
    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Pool.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string for UTF-8 <paramref name="utf8"/> (which the caller has validated).</summary>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[MaxLength];
        var count = Encoding.UTF8.GetChars(utf8, chars);
        var text = chars[..count];
        if (Lookup.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var created = new string(text);
        if (Pool.Count < MaxEntries)
        {
            Pool.TryAdd(created, created);
        }

        return created;
    }
}
