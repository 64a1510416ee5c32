using System.Globalization;
using System.Text;
using AzLocalMonitor.Rules.Ingest;

namespace AzLocalMonitor.Ingest.LoadHarness;

/// <summary>
/// The fleet's distinct series as the peers receive them: each node's request mapped by Rules' own OTLP→Prometheus
/// mapping (so names and labels are exactly those Rules stores and exposes), the cluster view that every node
/// repeats kept once per cluster. One text line per series, <c>name{labels} value</c>, per cluster.
/// </summary>
public sealed class PeerSeries
{
    private readonly byte[][][] _lines;

    public PeerSeries(FleetShape fleet, Func<int, int, FleetShapeRequest> request)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(request);
        _lines = new byte[fleet.Clusters][][];
        for (var c = 0; c < fleet.Clusters; c++)
        {
            var series = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var n = 0; n < fleet.Nodes; n++)
            {
                var r = request(c, n);
                var mapped = OtlpMapper.Map(fleet.Request(c, n, r.QuorumLost, r.Draining), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                foreach (var sample in mapped.ByCluster.SelectMany(x => x.Value))
                {
                    var text = new StringBuilder(sample.Metric).Append('{');
                    text.AppendJoin(',', sample.Labels.Select(l => $"{l.Key}=\"{Escape(l.Value)}\""));
                    series[text.Append('}').ToString()] = sample.Value;
                }
            }

            _lines[c] = [.. series.OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => Encoding.UTF8.GetBytes(s.Key + " " + s.Value.ToString("R", CultureInfo.InvariantCulture)))];
        }

        Count = _lines.Sum(c => (long)c.Length);
    }

    /// <summary>Distinct series in the fleet.</summary>
    public long Count { get; }

    public int SeriesOf(int cluster) => _lines[cluster].Length;

    /// <summary>Prometheus text exposition of the clusters <paramref name="clusters"/> (no timestamps: the scrape's).</summary>
    public void WriteExposition(Stream output, IEnumerable<int> clusters)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(clusters);
        foreach (var c in clusters)
        {
            foreach (var line in _lines[c])
            {
                output.Write(line);
                output.WriteByte((byte)'\n');
            }
        }
    }

    /// <summary>The lines of <paramref name="clusters"/> with a timestamp each (VictoriaMetrics' import format); returns the line count.</summary>
    public int WriteImport(Stream output, IEnumerable<int> clusters, long unixMs)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(clusters);
        Span<byte> stamp = stackalloc byte[24];
        stamp[0] = (byte)' ';
        unixMs.TryFormat(stamp[1..], out var written, provider: CultureInfo.InvariantCulture);
        stamp[written + 1] = (byte)'\n';
        var suffix = stamp[..(written + 2)];
        var count = 0;
        foreach (var c in clusters)
        {
            foreach (var line in _lines[c])
            {
                output.Write(line);
                output.Write(suffix);
                count++;
            }
        }

        return count;
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}

/// <summary>Which faults one node's request carries.</summary>
public readonly record struct FleetShapeRequest(bool QuorumLost, bool Draining);
