using System.Diagnostics;
using System.Globalization;
using AzLocalMonitor.Ingest.Benchmarks;
using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Alerting.Policy;
using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.Ingest;
using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.Notify;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Rules.State;
using Microsoft.Extensions.Options;

// Usage: dotnet run -c Release --project benchmarks/Ingest.Benchmarks -- [--clusters N] [--nodes N] [--volumes N] [--rounds N]
var clusters = Arg("--clusters", 200);
var nodes = Arg("--nodes", 3);
var volumes = Arg("--volumes", 4);
var rounds = Arg("--rounds", 30);
var interval = TimeSpan.FromSeconds(10);
var start = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

Console.WriteLine($"fleet: {clusters} clusters × {nodes} nodes, {volumes} volumes each; {rounds} export rounds every {interval.TotalSeconds} s");
var (bodies, pointsPerRound) = FleetBatches.Build(clusters, nodes, volumes, rounds, start, interval);
Console.WriteLine($"{bodies.Count} OTLP protobuf requests, {pointsPerRound} data points per round, {bodies.Sum(b => (long)b.Length) / rounds / 1024} KiB per round");

var time = new ManualTime(start);
var seriesOptions = Options.Create(new SeriesOptions());
var alertingOptions = Options.Create(new AlertingOptions());
var store = new SeriesStore(seriesOptions);
var metrics = new SelfMetrics();
var policy = new PolicyHolder(DefaultPolicy.Load());
var book = new AlertBook();
var stateStore = new NullStateStore();
var outbox = new AlertOutbox(stateStore, new NullNotifier(), alertingOptions, Microsoft.Extensions.Logging.Abstractions.NullLogger<AlertOutbox>.Instance, time);
var engine = new RuleEngine(policy, new MaintenanceSchedule(), new SilenceBook(), new NoCapacityOutlook(), book, outbox,
    new NotificationFactory(alertingOptions, Options.Create(new AlertmanagerOptions())), alertingOptions, seriesOptions, metrics);
var persistence = new AlertPersistence(stateStore, store, book, alertingOptions, seriesOptions);
var timer = new AlertTimer(store, engine, persistence, time, seriesOptions, Options.Create(new StateOptions()));
var pipeline = new IngestPipeline(store, engine, time, metrics, seriesOptions);
Console.WriteLine($"policy: {policy.Current.Rules.Count} rules; on each request those whose inputs changed run, the timer runs the rest when due");

// Warm-up on round 0 (JIT, series creation), then measure the rest: steady state, series already exist.
var perRound = clusters * nodes;
GC.Collect();
var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
for (var i = 0; i < perRound; i++)
{
    pipeline.IngestProtobuf(bodies[i]);
}

var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
var series = store.Clusters.Sum(c => c.SeriesCount);
var withHistory = store.Clusters.Sum(c => c.Metrics.Where(HistoryPolicy.KeepsHistory).Sum(m => c.SeriesOf(m).Count));
var labelCounts = store.Clusters.SelectMany(c => c.Metrics.SelectMany(c.SeriesOf)).GroupBy(s => s.Labels.Count).OrderBy(g => g.Key).Select(g => $"{g.Key} labels: {g.Count()}");
var distinctLabelSets = store.Clusters.Sum(c => c.Metrics.SelectMany(c.SeriesOf).Select(s => s.Labels).Distinct().Count());
var sharedLabelSets = store.Clusters.Sum(c => c.Metrics.SelectMany(c.SeriesOf).Select(s => s.Labels).Distinct(ReferenceEqualityComparer.Instance).Count());
Console.WriteLine($"series keeping history: {withHistory} of {series}; label sets by size: {string.Join(", ", labelCounts)}; distinct label sets {distinctLabelSets}, label set objects {sharedLabelSets}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"active series: {series}; managed heap growth {(heapAfter - heapBefore) / 1024.0 / 1024.0:F1} MiB = {(heapAfter - heapBefore) / (double)series:F0} bytes per series (incl. alert state and indexes)"));

var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var wall = Stopwatch.StartNew();
var allocated = GC.GetTotalAllocatedBytes(precise: true);
long samples = 0;
for (var round = 1; round < rounds; round++)
{
    time.Now = start + (interval * round);
    for (var i = 0; i < perRound; i++)
    {
        var result = pipeline.IngestProtobuf(bodies[(round * perRound) + i]);
        samples += result.Accepted;
    }

    timer.Tick();
    outbox.Drain(); // the write-behind work is part of the cost: counted here, on this thread
}

wall.Stop();
// Steady state: the histories hold min(rounds, HistoryLength) points now (after round 0 they held one).
var heapEnd = GC.GetTotalMemory(forceFullCollection: true);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"after {rounds} rounds: managed heap growth {(heapEnd - heapBefore) / 1024.0 / 1024.0:F1} MiB = {(heapEnd - heapBefore) / (double)series:F0} bytes per series"));
var histories = store.Clusters.SelectMany(c => c.Metrics.SelectMany(c.SeriesOf)).Where(s => s.HistoryBytes > 0).ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"histories: {histories.Count} holding {histories.Average(s => s.HistoryCount):F1} points on average in {histories.Sum(s => 24L + s.HistoryBytes) / (double)histories.Count:F0} bytes each (array header included) = {histories.Sum(s => 24L + s.HistoryBytes) / (double)series:F0} bytes per series"));
var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
var allocatedPerSample = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)samples;

// Where the time goes: the same requests decoded only, and decoded + mapped (no store, no rules).
var phaseCpu = Process.GetCurrentProcess().TotalProcessorTime;
for (var i = perRound; i < bodies.Count; i++)
{
    OtlpDecoder.Decode(bodies[i], OtlpEncoding.Protobuf);
}

var decodeSeconds = (Process.GetCurrentProcess().TotalProcessorTime - phaseCpu).TotalSeconds;
phaseCpu = Process.GetCurrentProcess().TotalProcessorTime;
for (var i = perRound; i < bodies.Count; i++)
{
    OtlpMapper.Map(OtlpDecoder.Decode(bodies[i], OtlpEncoding.Protobuf), 0);
}

var mapSeconds = (Process.GetCurrentProcess().TotalProcessorTime - phaseCpu).TotalSeconds;
phaseCpu = Process.GetCurrentProcess().TotalProcessorTime;
for (var i = perRound; i < bodies.Count; i++)
{
    OtlpProtobufReader.TryMap(bodies[i], 0, out _);
}

var fastSeconds = (Process.GetCurrentProcess().TotalProcessorTime - phaseCpu).TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"phases (CPU s for the same requests): message path decode {decodeSeconds:F2}, decode+map {mapSeconds:F2}; fast reader map {fastSeconds:F2} (what ingest uses)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ingested {samples:N0} samples in {wall.Elapsed.TotalSeconds:F2} s wall, {cpuSeconds:F2} s CPU → {samples / cpuSeconds:N0} samples per CPU-second; {allocatedPerSample:F0} bytes allocated per sample"));
Console.WriteLine($"firing alerts: {book.Clusters.Sum(c => c.All.Count(x => x.State == AlertState.Firing))} (a healthy fleet: expected 0)");
return 0;

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

/// <summary>A clock the benchmark moves by hand (scenario time, not wall time).</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
