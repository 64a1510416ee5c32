using System.Text;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry.Wire;

namespace AzLocalMonitor.Rules.RemoteWrite;

/// <summary>
/// Writes one sample as a <c>WriteRequest.timeseries</c> field (remote write 1.0, Protos/remote_write.proto) by
/// hand, without building messages: the ingest hot path pays for bytes only. Because a WriteRequest is just its
/// repeated field 1, concatenating such fields gives a valid WriteRequest; the sender sends them as they are.
/// Labels go out sorted by name with the metric in <c>__name__</c> (the spec's MUSTs); external labels are merged
/// in unless the series has the name already.
/// </summary>
public static class WireEncoder
{
    private const string NameLabel = "__name__";
    private const byte WriteRequestTimeseries = (1 << 3) | 2; // field 1, length-delimited
    private const byte TimeSeriesLabels = (1 << 3) | 2;
    private const byte TimeSeriesSamples = (2 << 3) | 2;
    private const byte LabelName = (1 << 3) | 2;
    private const byte LabelValue = (2 << 3) | 2;
    private const byte SampleValue = (1 << 3) | 1; // fixed64
    private const byte SampleTimestamp = 2 << 3; // varint

    // One per thread, reused: the label merge allocates nothing per sample (the hot path runs on many threads).
    [ThreadStatic]
    private static List<KeyValuePair<string, string>>? t_merged;

    /// <summary>Appends the field for one sample of <paramref name="metric"/>{<paramref name="labels"/>} to <paramref name="buffer"/>.</summary>
    /// <param name="external">External labels, sorted by name (see <see cref="SortedLabels"/>).</param>
    public static void WriteSeries(ByteBuffer buffer, string metric, LabelSet labels, IReadOnlyList<KeyValuePair<string, string>> external, double value, long timestampMs)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(external);
        var merged = t_merged ??= new List<KeyValuePair<string, string>>(16);
        Merge(metric, labels, external, merged);
        var sampleSize = 1 + 8 + 1 + VarintSize((ulong)timestampMs);
        var seriesSize = 1 + VarintSize((ulong)sampleSize) + sampleSize;
        foreach (var (name, val) in merged)
        {
            seriesSize += FieldSize(LabelSize(name, val));
        }

        buffer.WriteByte(WriteRequestTimeseries);
        buffer.WriteVarint((ulong)seriesSize);
        foreach (var (name, val) in merged)
        {
            buffer.WriteByte(TimeSeriesLabels);
            buffer.WriteVarint((ulong)LabelSize(name, val));
            buffer.WriteByte(LabelName);
            buffer.WriteVarint((ulong)Encoding.UTF8.GetByteCount(name));
            buffer.WriteUtf8(name);
            buffer.WriteByte(LabelValue);
            buffer.WriteVarint((ulong)Encoding.UTF8.GetByteCount(val));
            buffer.WriteUtf8(val);
        }

        buffer.WriteByte(TimeSeriesSamples);
        buffer.WriteVarint((ulong)sampleSize);
        buffer.WriteByte(SampleValue);
        buffer.WriteDouble(value);
        buffer.WriteByte(SampleTimestamp);
        buffer.WriteVarint((ulong)timestampMs);
    }

    /// <summary>External labels as the encoder wants them: sorted by name, empty values left out.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> SortedLabels(IEnumerable<KeyValuePair<string, string>> labels) =>
        [.. labels.Where(l => !string.IsNullOrEmpty(l.Value)).OrderBy(l => l.Key, StringComparer.Ordinal)];

    /// <summary>
    /// <c>__name__</c>, the series' labels and the external labels it lacks, merged in name order into <paramref name="into"/>
    /// (cleared first).
    /// </summary>
    private static void Merge(string metric, LabelSet labels, IReadOnlyList<KeyValuePair<string, string>> external, List<KeyValuePair<string, string>> into)
    {
        into.Clear();
        void Visit(string name, string value) => into.Add(new(name, value));
        var nameDone = false;
        var e = 0;
        for (var i = 0; i <= labels.Count; i++)
        {
            var next = i < labels.Count ? labels[i].Key : null;
            while (e < external.Count && (next is null || string.CompareOrdinal(external[e].Key, next) < 0))
            {
                if (!nameDone && string.CompareOrdinal(NameLabel, external[e].Key) < 0)
                {
                    Visit(NameLabel, metric);
                    nameDone = true;
                }

                Visit(external[e].Key, external[e].Value);
                e++;
            }

            if (e < external.Count && next is not null && external[e].Key == next)
            {
                e++; // the series' own label wins
            }

            if (!nameDone && (next is null || string.CompareOrdinal(NameLabel, next) < 0))
            {
                Visit(NameLabel, metric);
                nameDone = true;
            }

            if (next is not null)
            {
                Visit(next, labels[i].Value);
            }
        }
    }

    private static int LabelSize(string name, string value) => FieldSize(Encoding.UTF8.GetByteCount(name)) + FieldSize(Encoding.UTF8.GetByteCount(value));

    private static int FieldSize(int length) => 1 + VarintSize((ulong)length) + length;

    private static int VarintSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }
}
