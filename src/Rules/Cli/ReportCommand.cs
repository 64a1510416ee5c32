using AzLocalMonitor.Rules.Capacity;
using AzLocalMonitor.Rules.Capacity.Reporting;
using AzLocalMonitor.Rules.History;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Cli;

/// <summary><c>report --history DB [--backfill CSV] [--cluster NAME] --output FILE.html</c>, and <c>backfill --history DB --input CSV</c>.</summary>
public static class ReportCommand
{
    public const string Usage = """
        Usage: dotnet run --project src/Rules -- report --history FILE.db --output REPORT.html [options]
               dotnet run --project src/Rules -- backfill --history FILE.db --input HISTORY.csv

        report: forecasts every cluster (or one) of a history store and writes a self-contained HTML capacity
        report: key dates per resource and quantile, and per resource a chart of history, P10-P90 band, P50 and
        the policy threshold (inline SVG, no network). A progress bar on stderr tracks the clusters.
        backfill: loads CSV rows 'cluster,series,timestamp,value' into the store and rolls them up.

        Options:
          --history FILE     SQLite history store (Rules' History:Path; created when missing)
          --backfill FILE    (report) load this CSV first, like the backfill command
          --input FILE       (backfill) the CSV to load
          --cluster NAME     (report) only this cluster
          --output FILE      (report) the HTML file to write (required)
          --horizon SPAN     (report) forecast horizon (default 18mo)
          -h, --help         Show this help

        Series names: storage_used_footprint_bytes, storage_allocated_bytes, storage_raw_bytes,
        storage_capacity_bytes, storage_node_raw_max_bytes, memory_used_bytes, memory_size_bytes,
        memory_largest_node_bytes, cpu_utilization_ratio, vm_count.
        """;

    public static async Task<int> BackfillAsync(IReadOnlyList<string> args, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var options = CliArguments.Parse(args, ["--history", "--input"], []);
        if (options.Help)
        {
            stdout.WriteLine(Usage);
            return 0;
        }

        var store = new SqliteHistoryStore(options.Require("--history"));
        var loaded = await Load(store, options.Require("--input")).ConfigureAwait(false);
        stdout.WriteLine($"{loaded} points loaded into {store.Path}");
        return 0;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(time);
        var options = CliArguments.Parse(args, ["--history", "--backfill", "--cluster", "--output", "--horizon"], []);
        if (options.Help)
        {
            stdout.WriteLine(Usage);
            return 0;
        }

        var output = options.Require("--output");
        var store = new SqliteHistoryStore(options.Require("--history"));
        if (options.Get("--backfill") is { } csv)
        {
            await Load(store, csv).ConfigureAwait(false);
        }

        var clusters = (await store.ClustersAsync().ConfigureAwait(false)).ToList();
        if (options.Get("--cluster") is { } only)
        {
            clusters = clusters.Where(c => c == only).ToList();
            if (clusters.Count == 0)
            {
                throw new CliException($"Cluster '{only}' has no history in {store.Path}.");
            }
        }

        if (clusters.Count == 0)
        {
            throw new CliException($"{store.Path} holds no history (load some with backfill).");
        }

        var capacityOptions = new CapacityOptions { Horizon = HorizonParser.Parse(options.Get("--horizon", "18mo")!) };
        var forecaster = new CapacityForecaster(store, Options.Create(capacityOptions));
        var now = time.GetUtcNow();
        var bar = new ProgressBar(stderr, clusters.Count);
        var results = new List<ClusterCapacity>();
        foreach (var cluster in clusters)
        {
            results.Add(await forecaster.ForecastAsync(cluster, now, snapshot: null).ConfigureAwait(false));
            bar.Step(cluster);
        }

        var title = clusters.Count == 1 ? $"Capacity report: {clusters[0]}" : $"Capacity report: {clusters.Count} clusters";
        await File.WriteAllTextAsync(output, CapacityReport.Render(results, title)).ConfigureAwait(false);
        stdout.WriteLine($"Wrote {output} ({results.Count} clusters)");
        return 0;
    }

    private static async Task<int> Load(IHistoryStore store, string csv)
    {
        if (!File.Exists(csv))
        {
            throw new CliException($"{csv}: file not found.");
        }

        try
        {
            return await HistoryCsv.BackfillAsync(store, csv).ConfigureAwait(false);
        }
        catch (FormatException ex)
        {
            throw new CliException(ex.Message, ex);
        }
    }
}
