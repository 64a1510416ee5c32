using System.Collections;
using System.Text;

namespace AzLocalMonitor.Rules.Series;

/// <summary>
/// An immutable set of Prometheus labels, sorted by name, with a precomputed hash: the identity of a series
/// and of an alert (like Prometheus' <c>labels.Labels</c>).
/// </summary>
public sealed class LabelSet : IEquatable<LabelSet>, IReadOnlyList<KeyValuePair<string, string>>
{
    private readonly KeyValuePair<string, string>[] _labels;
    private readonly int _hash;

    /// <summary>The empty label set.</summary>
    public static LabelSet Empty { get; } = new([]);

    private LabelSet(KeyValuePair<string, string>[] sortedLabels)
    {
        _labels = sortedLabels;
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
        // Label sets are small (a handful of labels): an insertion sort over one array beats a sorted map and
        // allocates only the array the set keeps.
        var buffer = labels is ICollection<KeyValuePair<string, string>> c ? new KeyValuePair<string, string>[c.Count] : [.. labels];
        if (labels is ICollection<KeyValuePair<string, string>> collection)
        {
            collection.CopyTo(buffer, 0);
        }

        var count = 0;
        foreach (var label in buffer)
        {
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

        if (kept != buffer.Length)
        {
            Array.Resize(ref buffer, kept);
        }

        return new LabelSet(buffer);
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
    public int Count => _labels.Length;

    /// <inheritdoc />
    public KeyValuePair<string, string> this[int index] => _labels[index];

    /// <summary>The value of a label, or null when the set does not have it.</summary>
    public string? Get(string name)
    {
        foreach (var (n, v) in _labels)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>This set with one label added or replaced.</summary>
    public LabelSet With(string name, string value) => From(_labels.Append(new(name, value)));

    /// <summary>This set without the named labels.</summary>
    public LabelSet Without(params string[] names) => From(_labels.Where(l => !names.Contains(l.Key, StringComparer.Ordinal)));

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

        if (_hash != other._hash || _labels.Length != other._labels.Length)
        {
            return false;
        }

        for (var i = 0; i < _labels.Length; i++)
        {
            if (!string.Equals(_labels[i].Key, other._labels[i].Key, StringComparison.Ordinal) ||
                !string.Equals(_labels[i].Value, other._labels[i].Value, StringComparison.Ordinal))
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
        for (var i = 0; i < _labels.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            sb.Append(_labels[i].Key).Append("=\"").Append(_labels[i].Value).Append('"');
        }

        return sb.Append('}').ToString();
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_labels).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
