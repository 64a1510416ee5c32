using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Exposition;

/// <summary>
/// Orders label sets as the ordinal order of their <see cref="LabelSet.ToString"/> renderings
/// (<c>{cluster="c1", node="n1"}</c>), the order <c>/metrics</c> has always listed samples in, without building
/// those strings: a scrape of millions of series compares them piece by piece instead.
/// </summary>
public static class RenderedLabelOrder
{
    /// <summary>Compares two label sets as <c>string.CompareOrdinal(a.ToString(), b.ToString())</c> would (its sign).</summary>
    public static int Compare(LabelSet a, LabelSet b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        var x = new Cursor(a);
        var y = new Cursor(b);
        while (true)
        {
            var left = x.Remaining;
            var right = y.Remaining;
            if (left.IsEmpty || right.IsEmpty)
            {
                return left.IsEmpty ? (right.IsEmpty ? 0 : -1) : 1; // only at the end of a rendering
            }

            var length = Math.Min(left.Length, right.Length);
            var order = left[..length].SequenceCompareTo(right[..length]);
            if (order != 0)
            {
                return order;
            }

            x.Advance(length);
            y.Advance(length);
        }
    }

    /// <summary>
    /// Compares cluster names as the renderings <c>{cluster="NAME"…</c> of their series order them: the ordinal order of
    /// NAME followed by the closing quote. Exact for names without a quote (then the rest of a rendering never decides).
    /// </summary>
    public static int CompareClusterNames(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var length = Math.Min(a.Length, b.Length);
        var order = a.AsSpan(0, length).SequenceCompareTo(b.AsSpan(0, length));
        if (order != 0 || a.Length == b.Length)
        {
            return order;
        }

        // The ordinal order of NAME + '"': the shorter name's quote against the longer name's next character.
        return a.Length < b.Length ? ('"' <= b[length] ? -1 : 1) : ('"' <= a[length] ? 1 : -1);
    }

    /// <summary>Walks the rendering "{" + (", " between) key + "=\"" + value + "\"" … + "}" one piece at a time.</summary>
    private struct Cursor(LabelSet labels)
    {
        private int _piece;
        private int _offset;

        /// <summary>What is left of the current piece; empty only at the end of the rendering.</summary>
        public ReadOnlySpan<char> Remaining
        {
            get
            {
                while (true)
                {
                    if (_piece > (5 * labels.Count) + 1)
                    {
                        return [];
                    }

                    var piece = Piece(_piece)[_offset..];
                    if (!piece.IsEmpty)
                    {
                        return piece;
                    }

                    _piece++;
                    _offset = 0;
                }
            }
        }

        public void Advance(int chars) => _offset += chars;

        private readonly ReadOnlySpan<char> Piece(int index)
        {
            if (index == 0)
            {
                return "{";
            }

            var i = (index - 1) / 5;
            if (i == labels.Count)
            {
                return "}";
            }

            return ((index - 1) % 5) switch
            {
                0 => i > 0 ? ", " : [],
                1 => labels[i].Key,
                2 => "=\"",
                3 => labels[i].Value,
                _ => "\"",
            };
        }
    }
}
