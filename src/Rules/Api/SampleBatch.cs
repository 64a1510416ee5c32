using AzLocalMonitor.Rules.Exposition;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Api;

/// <summary>
/// The samples of one family copied out of a cluster under its gate (label sets are immutable, so references do),
/// reused across clusters and families of a scrape; sorted by rendered label order, ties in the order added (as the
/// stable sort /metrics used before).
/// </summary>
internal sealed class SampleBatch
{
    private LabelSet[] _labels = new LabelSet[256];
    private double[] _values = new double[256];
    private int[] _order = new int[256];
    private readonly Comparison<int> _compare;

    public SampleBatch() => _compare = (a, b) =>
    {
        var order = RenderedLabelOrder.Compare(_labels[a], _labels[b]);
        return order != 0 ? order : a.CompareTo(b);
    };

    public int Count { get; private set; }

    /// <summary>The kind of the first sample added since <see cref="Clear"/> (a family's TYPE).</summary>
    public MetricKind FirstKind { get; private set; }

    /// <summary>The i-th sample in sorted order (after <see cref="Sort"/>).</summary>
    public (LabelSet Labels, double Value) this[int i] => (_labels[_order[i]], _values[_order[i]]);

    public void Add(LabelSet labels, double value, MetricKind kind)
    {
        if (Count == _labels.Length)
        {
            Array.Resize(ref _labels, Count * 2);
            Array.Resize(ref _values, Count * 2);
            Array.Resize(ref _order, Count * 2);
        }

        if (Count == 0)
        {
            FirstKind = kind;
        }

        _labels[Count] = labels;
        _values[Count] = value;
        _order[Count] = Count;
        Count++;
    }

    public void Sort() => _order.AsSpan(0, Count).Sort(_compare);

    /// <summary>Empties the batch, dropping its references so gathered label sets can be collected.</summary>
    public void Clear()
    {
        Array.Clear(_labels, 0, Count);
        Count = 0;
    }
}
