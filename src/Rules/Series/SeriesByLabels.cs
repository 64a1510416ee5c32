namespace AzLocalMonitor.Rules.Series;

/// <summary>
/// Compares series by their labels, and lets a set of series be searched by a <see cref="LabelSet"/> (an alternate
/// lookup): one metric's series of a cluster are a <c>HashSet&lt;TimeSeries&gt;</c> rather than a
/// <c>Dictionary&lt;LabelSet, TimeSeries&gt;</c>, whose entries would hold the labels a second time (8 bytes more per
/// series, ~12 with the table's slack).
/// </summary>
internal sealed class SeriesByLabels : IEqualityComparer<TimeSeries>, IAlternateEqualityComparer<LabelSet, TimeSeries>
{
    public static SeriesByLabels Instance { get; } = new();

    private SeriesByLabels()
    {
    }

    public bool Equals(TimeSeries? x, TimeSeries? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.Labels.Equals(y.Labels));

    public int GetHashCode(TimeSeries obj) => obj.Labels.GetHashCode();

    public bool Equals(LabelSet alternate, TimeSeries other) => alternate.Equals(other.Labels);

    public int GetHashCode(LabelSet alternate) => alternate.GetHashCode();

    /// <summary>Not used: series are added whole, only looked up by labels.</summary>
    public TimeSeries Create(LabelSet alternate) => throw new NotSupportedException("Add the series itself.");
}
