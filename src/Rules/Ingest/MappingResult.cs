using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Ingest;

/// <summary>The data points of one export request, mapped and grouped by cluster, plus what was rejected.</summary>
public sealed class MappingResult
{
    private static readonly int ReasonCount = Enum.GetValues<RejectReason>().Length;
    private readonly int[] _rejected = new int[ReasonCount];
    private int _rejectedTotal;
    private string? _lastCluster;
    private List<MappedSample>? _lastList;

    /// <summary>How many points the report probably holds (from its size), for the first cluster's list; 0 when unknown.</summary>
    internal int ExpectedPoints { get; init; }

    /// <summary>Mapped samples per cluster name.</summary>
    public Dictionary<string, List<MappedSample>> ByCluster { get; } = new(StringComparer.Ordinal);

    /// <summary>Why the whole report was refused as sent to the wrong shard (<see cref="ShardOptions"/>), or null.</summary>
    public string? Misdirected { get; internal set; }

    /// <summary>Total mapped samples.</summary>
    public int Accepted { get; private set; }

    /// <summary>Total rejected data points.</summary>
    public int RejectedTotal => _rejectedTotal;

    /// <summary>Rejected data points for one reason.</summary>
    public int Rejected(RejectReason reason) => _rejected[(int)reason];

    internal void Add(string cluster, in MappedSample sample)
    {
        // Consecutive points nearly always name the same cluster (string): its list is kept at hand.
        if (!ReferenceEquals(cluster, _lastCluster))
        {
            if (!ByCluster.TryGetValue(cluster, out var list))
            {
                // The first cluster of a report (nearly always its only one) is sized for the whole report at once.
                list = new List<MappedSample>(ByCluster.Count == 0 ? ExpectedPoints : 0);
                ByCluster.Add(cluster, list);
            }

            _lastCluster = cluster;
            _lastList = list;
        }

        _lastList!.Add(sample);
        Accepted++;
    }

    internal void Reject(RejectReason reason, int count = 1)
    {
        _rejected[(int)reason] += count;
        _rejectedTotal += count;
    }

    /// <summary>Takes back <paramref name="count"/> mapped samples that were then refused before storage.</summary>
    internal void Unaccept(int count) => Accepted -= count;

    /// <summary>A one-line explanation for the OTLP partial-success response, or null when nothing was rejected.</summary>
    public string? Explain()
    {
        if (RejectedTotal == 0)
        {
            return null;
        }

        var parts = Enum.GetValues<RejectReason>()
            .Where(r => Rejected(r) > 0)
            .Select(r => r switch
            {
                RejectReason.NoCluster => $"{Rejected(r)} point(s) without a cluster (set resource attribute azlocal.cluster or data-point attribute cluster)",
                RejectReason.UnsupportedType => $"{Rejected(r)} histogram/summary point(s) (not supported)",
                RejectReason.NoValue => $"{Rejected(r)} point(s) without a value",
                RejectReason.OutOfOrder => $"{Rejected(r)} point(s) older than the stored value",
                RejectReason.ClusterNotAllowed => $"{Rejected(r)} point(s) for clusters this token may not write (Auth:Tokens:<name>:Clusters)",
                RejectReason.FutureTimestamp => $"{Rejected(r)} point(s) timestamped in the future beyond Ingest:MaxFutureSkew (check the sender's clock)",
                RejectReason.TooOld => $"{Rejected(r)} point(s) older than Ingest:MaxPointAge",
                RejectReason.TooManyAttributes => $"{Rejected(r)} point(s) with more attributes than Ingest:MaxAttributesPerPoint",
                RejectReason.NameTooLong => $"{Rejected(r)} point(s) with a metric or attribute name longer than Ingest:MaxNameLength",
                RejectReason.ValueTooLong => $"{Rejected(r)} point(s) with an attribute value longer than Ingest:MaxLabelValueLength",
                RejectReason.ClusterNameTooLong => $"{Rejected(r)} point(s) with a cluster name longer than Ingest:MaxClusterNameLength",
                RejectReason.ReservedName => $"{Rejected(r)} point(s) with a metric name Rules reserves (azlm_*, ALERTS)",
                RejectReason.SeriesLimit => $"{Rejected(r)} point(s) that would create a series past Ingest:MaxSeriesPerCluster or Ingest:MaxSeries",
                RejectReason.ClusterLimit => $"{Rejected(r)} point(s) for a new cluster past Ingest:MaxClusters",
                RejectReason.NotThisShard => $"{Rejected(r)} point(s) for clusters another shard owns (Shard:Clusters)",
                _ => $"{Rejected(r)} point(s) refused ({r})",
            });
        return string.Join("; ", parts);
    }
}
