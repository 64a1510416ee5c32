using System.IO.Pipelines;
using AzLocalMonitor.Rules.Exposition;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Api;

/// <summary>
/// One streamed <c>GET /metrics</c> (see <see cref="MetricsEndpoint"/>): the clusters and metric names seen at its
/// start, and the writing of one family at a time, in the order /metrics has always had — samples by the ordinal
/// order of their rendered label sets (<see cref="RenderedLabelOrder"/>).
/// </summary>
internal sealed class MetricsScrape
{
    private const int FlushEvery = 64 * 1024;
    private const string ClusterLabel = "cluster";

    private readonly PipeWriter _output;
    private readonly CancellationToken _cancellation;
    private readonly ClusterState[] _clusters;
    private readonly SampleBatch _batch = new();
    private long _flushedAt;

    public MetricsScrape(PipeWriter output, PrometheusTextWriter writer, SeriesStore store, CancellationToken cancellation)
    {
        _output = output;
        _cancellation = cancellation;
        Writer = writer;
        _clusters = [.. store.Clusters];
        Array.Sort(_clusters, (a, b) => RenderedLabelOrder.CompareClusterNames(a.Name, b.Name));
        ClusterMajorPossible = !_clusters.Any(c => c.Name.Contains('"', StringComparison.Ordinal));

        // A family can go cluster by cluster when every one of its label sets starts with its own cluster="NAME":
        // then, clusters in the order of NAME + '"', the samples come out in exactly the order of a global sort.
        // A label named before "cluster" (an OTLP attribute "app", say) interleaves clusters: that family is gathered.
        foreach (var cluster in _clusters)
        {
            lock (cluster.Gate)
            {
                foreach (var metric in cluster.Metrics)
                {
                    var clusterMajor = ClusterMajorPossible && Families.GetValueOrDefault(metric, true);
                    if (clusterMajor)
                    {
                        foreach (var series in cluster.SeriesOf(metric))
                        {
                            var labels = series.Labels;
                            if (labels.Count == 0 || !string.Equals(labels[0].Key, ClusterLabel, StringComparison.Ordinal) ||
                                !string.Equals(labels[0].Value, cluster.Name, StringComparison.Ordinal))
                            {
                                clusterMajor = false;
                                break;
                            }
                        }
                    }

                    Families[metric] = clusterMajor;
                }
            }
        }
    }

    /// <summary>Metric names with series at the start of the scrape, in order, and whether each can go cluster by cluster.</summary>
    public SortedDictionary<string, bool> Families { get; } = new(StringComparer.Ordinal);

    /// <summary>False when a cluster name holds a quote (then the cluster order is not the rendered order).</summary>
    public bool ClusterMajorPossible { get; }

    public PrometheusTextWriter Writer { get; }

    /// <summary>
    /// Writes one family: <paramref name="collect"/> runs under each cluster's gate in turn and adds that cluster's
    /// samples; with <paramref name="clusterMajor"/> each cluster's are written before the next gate is taken, else
    /// the family is gathered whole and sorted. A null <paramref name="type"/> takes it from the first sample's kind,
    /// and then a family without samples is left out (received series); otherwise its HELP and TYPE always appear.
    /// </summary>
    public async Task FamilyAsync(string name, string? type, string help, bool clusterMajor, Action<ClusterState, SampleBatch> collect)
    {
        var header = false;
        if (type is not null)
        {
            Writer.Family(name, type, help);
            header = true;
        }

        _batch.Clear();
        foreach (var cluster in _clusters)
        {
            lock (cluster.Gate)
            {
                collect(cluster, _batch);
            }

            if (clusterMajor && _batch.Count > 0)
            {
                header = header || WriteHeader(name, help);
                await WriteBatchAsync(name).ConfigureAwait(false);
                _batch.Clear();
            }
        }

        if (!clusterMajor && _batch.Count > 0)
        {
            _ = header || WriteHeader(name, help);
            await WriteBatchAsync(name).ConfigureAwait(false);
            _batch.Clear();
        }
    }

    /// <summary>Flushes the response once enough has been handed to it since the last flush.</summary>
    public async Task FlushIfDueAsync()
    {
        if (Writer.HandedOn - _flushedAt < FlushEvery)
        {
            return;
        }

        _flushedAt = Writer.HandedOn;
        var result = await _output.FlushAsync(_cancellation).ConfigureAwait(false);
        if (result.IsCompleted || result.IsCanceled)
        {
            throw new OperationCanceledException("The scraper went away.", _cancellation);
        }
    }

    private bool WriteHeader(string name, string help)
    {
        Writer.Family(name, _batch.FirstKind == MetricKind.Counter ? "counter" : "gauge", help);
        return true;
    }

    private async Task WriteBatchAsync(string name)
    {
        _batch.Sort();
        for (var i = 0; i < _batch.Count; i++)
        {
            var (labels, value) = _batch[i];
            Writer.Sample(name, labels, value);
            if ((i & 255) == 255)
            {
                await FlushIfDueAsync().ConfigureAwait(false);
            }
        }

        await FlushIfDueAsync().ConfigureAwait(false);
    }
}
