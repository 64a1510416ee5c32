using System.Collections;
using System.Text;

namespace AzLocalMonitor.Rules.Series;

/// <summary>
/// An immutable set of Prometheus labels, sorted by name, with a precomputed hash: the identity of a series
/// and of an alert (like Prometheus' <c>labels.Labels</c>).
/// </summary>
/// <remarks>
/// Sets of up to three labels (most series': cluster, node or volume, state) keep them in fields of the one object
/// (72 bytes) rather than in an array beside it (24 + 24 + 16 per label: 96 bytes for three); larger sets keep the
/// array. Every member answers the same either way.
/// </remarks>
public abstract class LabelSet : IEquatable<LabelSet>, IReadOnlyList<KeyValuePair<string, string>>
{
    private const int MaxInline = 3;
    private const int ScratchSize = 32;

    [ThreadStatic]
    private static KeyValuePair<string, string>[]? t_scratch;
    private readonly int _hash;

    /// <summary>The empty label set.</summary>
    public static LabelSet Empty { get; } = new Inline([], 0);

    private LabelSet(ReadOnlySpan<KeyValuePair<string, string>> sortedLabels)
    {
        var hash = default(HashCode);
        foreach (var (name, value) in sortedLabels)
        {
            hash.Add(name, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }

        _hash = hash.ToHashCode();
    }

    /// <summary>Builds a label set; later duplicates of a name replace earlier ones; empty values are dropped (Prometheus semantics).</summary>
    public static LabelSet From(IEnumerable<KeyValuePair<string, string>> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        // Label sets are small (a handful of labels): an insertion sort over one array beats a sorted map. Ingest
        // builds one per data point: a collection of up to ScratchSize labels is sorted in this thread's scratch
        // array, so the only allocation is the set itself (plus its array past three labels).
        KeyValuePair<string, string>[] buffer;
        int length;
        if (labels is ICollection<KeyValuePair<string, string>> collection)
        {
            length = collection.Count;
            buffer = length <= ScratchSize ? t_scratch ??= new KeyValuePair<string, string>[ScratchSize] : new KeyValuePair<string, string>[length];
            collection.CopyTo(buffer, 0);
        }
        else
        {
            buffer = [.. labels];
            length = buffer.Length;
        }

        try
        {
            return Build(buffer, length, ReferenceEquals(buffer, t_scratch));
        }
        finally
        {
            if (ReferenceEquals(buffer, t_scratch))
            {
                Array.Clear(buffer, 0, length); // holds no strings between calls
            }
        }
    }

    private static LabelSet Build(KeyValuePair<string, string>[] buffer, int length, bool scratch)
    {
        var count = 0;
        for (var i = 0; i < length; i++)
        {
            var label = buffer[i];
            var at = count;
            while (at > 0 && string.CompareOrdinal(buffer[at - 1].Key, label.Key) > 0)
            {
                at--;
            }

            if (at > 0 && string.Equals(buffer[at - 1].Key, label.Key, StringComparison.Ordinal))
            {
                buffer[at - 1] = label; // a later duplicate replaces the earlier one
                continue;
            }

            Array.Copy(buffer, at, buffer, at + 1, count - at);
            buffer[at] = label;
            count++;
        }

        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (!string.IsNullOrEmpty(buffer[i].Value))
            {
                buffer[kept++] = buffer[i];
            }
        }

        if (kept == 0)
        {
            return Empty;
        }

        if (kept <= MaxInline)
        {
            return new Inline(buffer, kept);
        }

        return new Spilled(scratch || kept != buffer.Length ? buffer[..kept] : buffer);
    }

    /// <summary>Builds a label set from name/value pairs: <c>LabelSet.Of("cluster", "c1", "node", "n1")</c>.</summary>
    public static LabelSet Of(params string[] namesAndValues)
    {
        ArgumentNullException.ThrowIfNull(namesAndValues);
        if (namesAndValues.Length % 2 != 0)
        {
            throw new ArgumentException("Expected name/value pairs.", nameof(namesAndValues));
        }

        var pairs = new KeyValuePair<string, string>[namesAndValues.Length / 2];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = new(namesAndValues[2 * i], namesAndValues[(2 * i) + 1]);
        }

        return From(pairs);
    }

    /// <summary>Number of labels.</summary>
    public abstract int Count { get; }

    /// <inheritdoc />
    public abstract KeyValuePair<string, string> this[int index] { get; }

    /// <summary>The value of a label, or null when the set does not have it.</summary>
    public string? Get(string name)
    {
        for (var i = 0; i < Count; i++)
        {
            var (n, v) = this[i];
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>This set with one label added or replaced.</summary>
    public LabelSet With(string name, string value) => From(this.Append(new(name, value)));

    /// <summary>This set without the named labels.</summary>
    public LabelSet Without(params string[] names) => From(this.Where(l => !names.Contains(l.Key, StringComparer.Ordinal)));

    /// <inheritdoc />
    public bool Equals(LabelSet? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        var count = Count;
        if (_hash != other._hash || count != other.Count)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            var (name, value) = this[i];
            var (otherName, otherValue) = other[i];
            if (!string.Equals(name, otherName, StringComparison.Ordinal) || !string.Equals(value, otherValue, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <summary>Prometheus-style rendering: <c>{cluster="c1", node="n1"}</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("{");
        for (var i = 0; i < Count; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            var (name, value) = this[i];
            sb.Append(name).Append("=\"").Append(value).Append('"');
        }

        return sb.Append('}').ToString();
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Up to three labels, in fields.</summary>
    private sealed class Inline : LabelSet
    {
        private readonly string? _name0, _value0, _name1, _value1, _name2, _value2;
        private readonly int _count;

        public Inline(KeyValuePair<string, string>[] sorted, int count)
            : base(sorted.AsSpan(0, count))
        {
            _count = count;
            (_name0, _value0) = count > 0 ? sorted[0] : default;
            (_name1, _value1) = count > 1 ? sorted[1] : default;
            (_name2, _value2) = count > 2 ? sorted[2] : default;
        }

        public override int Count => _count;

        public override KeyValuePair<string, string> this[int index] => (uint)index < (uint)_count
            ? index switch
            {
                0 => new(_name0!, _value0!),
                1 => new(_name1!, _value1!),
                _ => new(_name2!, _value2!),
            }
            : throw new IndexOutOfRangeException();
    }

    /// <summary>More than three labels, in an array.</summary>
    private sealed class Spilled(KeyValuePair<string, string>[] sorted) : LabelSet(sorted)
    {
        public override int Count => sorted.Length;

        public override KeyValuePair<string, string> this[int index] => sorted[index];
    }
}
