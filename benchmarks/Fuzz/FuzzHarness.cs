using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AzLocalMonitor.Collector.Sources.Simulated;
using AzLocalMonitor.Rules;
using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Alerting.Policy;
using AzLocalMonitor.Rules.Capacity;
using AzLocalMonitor.Rules.Cli;
using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.Ingest;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AzLocalMonitor.Fuzz;

/// <summary>What to run: how many inputs in all, from which seed, and the memory bounds checked at the end.</summary>
public sealed record FuzzOptions(int Inputs, int Seed, long MaxHeapBytes = 512L << 20, long MaxWorkingSetBytes = 1536L << 20, int ForecastEvery = 5)
{
    /// <summary>Share of the inputs per target, in this order; the rest of a division goes to the first.</summary>
    public static readonly (string Target, int Weight)[] Mix =
    [
        ("otlp-protobuf", 30), ("otlp-json", 18), ("otlp-http", 10), ("policy-yaml", 12), ("scenario-yaml", 12),
        ("maintenance-http", 6), ("silence-http", 6), ("forecast-csv", 6),
    ];
}

/// <summary>An input that made a target fail: a 5xx, or an exception other than the target's documented error.</summary>
public sealed record FuzzFinding(string Target, string Problem, byte[] Input)
{
    public override string ToString() => $"[{Target}] {Problem}\n  input (base64, {Input.Length} bytes): {Convert.ToBase64String(Input)}";
}

/// <summary>The outcome of a run: inputs per target, findings, memory at the end and at its peak.</summary>
public sealed record FuzzReport(IReadOnlyDictionary<string, int> Counts, IReadOnlyList<FuzzFinding> Findings, long HeapBytes, long PeakWorkingSetBytes, TimeSpan Duration, IReadOnlyList<string> MemoryProblems)
{
    public int Total => Counts.Values.Sum();

    public bool Passed => Findings.Count == 0 && MemoryProblems.Count == 0;

    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"fuzz: {Total} inputs in {Duration.TotalSeconds:F1} s, {Findings.Count} findings");
        foreach (var (target, count) in Counts)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  {target,-18} {count,8} inputs  {Findings.Count(f => f.Target == target),4} findings");
        }

        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  managed heap after full GC {HeapBytes / (1 << 20)} MiB; peak working set {PeakWorkingSetBytes / (1 << 20)} MiB");
        foreach (var problem in MemoryProblems)
        {
            text.AppendLine("  MEMORY: " + problem);
        }

        foreach (var finding in Findings)
        {
            text.AppendLine(finding.ToString());
        }

        return text.ToString();
    }
}

/// <summary>
/// Mutates and generates inputs for every parser that takes outside input and feeds them to the real code: OTLP
/// through the live Rules ingest pipeline and over HTTP, policy YAML through <see cref="PolicyLoader"/>, scenario
/// YAML through the collector's <see cref="ScenarioParser"/>, maintenance and silence bodies over HTTP, forecast CSV
/// through <see cref="TimeValueCsv"/> and the forecast command. Rules runs in-process on 127.0.0.1, started and
/// stopped here. A 5xx or an exception other than the target's documented error is a finding.
/// </summary>
public static class FuzzHarness
{
    /// <summary>Findings kept per target: after this many, the same bug would only repeat.</summary>
    private const int MaxFindingsPerTarget = 20;

    /// <summary>
    /// Rules' series caps for the run, lower than the defaults (1,000,000 series, 50,000 per cluster) so the fuzzer
    /// reaches them within a run and memory has to level off at them.
    /// </summary>
    public static readonly IReadOnlyList<string> SeriesCaps = ["--Ingest:MaxSeries", "100000", "--Ingest:MaxSeriesPerCluster", "20000"];

    public static async Task<FuzzReport> RunAsync(FuzzOptions options, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        var directory = Directory.CreateTempSubdirectory("azlm-fuzz-").FullName;
        var app = RulesApp.Build(
        [
            "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "None", "--Auth:Mode", "none",
            "--RateLimits:IngestPerSecond", "0", "--RateLimits:WritesPerMinute", "0",
            "--State:Path", Path.Combine(directory, "rules.db"), "--History:Path", Path.Combine(directory, "history.db"),
            .. SeriesCaps,
        ]);
        await app.StartAsync().ConfigureAwait(false);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
            var run = new Run(options, app.Services.GetRequiredService<IngestPipeline>(), app.Services.GetRequiredService<CapacityService>(), client, directory, progress);
            await run.ExecuteAsync().ConfigureAwait(false);
            return run.Report(stopwatch.Elapsed);
        }
        finally
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold a file for a moment; the folder is under /tmp.
            }
        }
    }

    private sealed class Run(FuzzOptions options, IngestPipeline pipeline, CapacityService capacity, HttpClient client, string directory, TextWriter? progress)
    {
        private readonly Dictionary<string, int> _counts = FuzzOptions.Mix.ToDictionary(m => m.Target, _ => 0);
        private readonly List<FuzzFinding> _findings = [];
        private readonly Mutator _m = new(new Random(options.Seed));
        private readonly PolicyLoader _policy = new(ConditionCatalog.Default);
        private long _peakWorkingSet;
        private int _index;
        private volatile Current _current = new(0, 0, "", []);
        private Inputs _inputs = null!;

        public async Task ExecuteAsync()
        {
            _inputs = new Inputs(_m, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            var schedule = Schedule();
            var reported = -1;
            // Reports (does not fail on) an input still running after 10 s, with the input, so a slow one can be studied.
            using var watchdog = new Timer(_ =>
            {
                var (index, started, target, input) = _current;
                if (index != reported && Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(10))
                {
                    reported = index;
                    progress?.WriteLine($"  slow: input {index} [{target}] running for {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s: {Convert.ToBase64String(input)}");
                }
            }, null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
            for (var i = 0; i < schedule.Length; i++)
            {
                _index = i;
                var target = schedule[i];
                _counts[target]++;
                await OneAsync(target).ConfigureAwait(false);
                if (i % 1000 == 999 || i == schedule.Length - 1)
                {
                    await CheckStateAsync().ConfigureAwait(false);
                    SampleMemory();
                    progress?.WriteLine($"  {i + 1}/{schedule.Length} inputs, {_findings.Count} findings, working set {_peakWorkingSet >> 20} MiB peak");
                }
            }

            SampleMemory();
        }

        /// <summary>Targets in a seeded random order, each as often as its weight says.</summary>
        private string[] Schedule()
        {
            var total = FuzzOptions.Mix.Sum(m => m.Weight);
            var list = new List<string>(options.Inputs);
            foreach (var (target, weight) in FuzzOptions.Mix)
            {
                list.AddRange(Enumerable.Repeat(target, options.Inputs * weight / total));
            }

            list.AddRange(Enumerable.Repeat(FuzzOptions.Mix[0].Target, options.Inputs - list.Count));
            var array = list.ToArray();
            _m.Random.Shuffle(array);
            return array;
        }

        private async Task OneAsync(string target)
        {
            switch (target)
            {
                case "otlp-protobuf":
                    Protobuf(OtlpBytes(json: false));
                    break;
                case "otlp-json":
                    Json(OtlpBytes(json: true));
                    break;
                case "otlp-http":
                    await OtlpHttpAsync().ConfigureAwait(false);
                    break;
                case "policy-yaml":
                    Policy(Text(_inputs.PolicySeeds, generate: null));
                    break;
                case "scenario-yaml":
                    Scenario(Text(_inputs.ScenarioSeeds, generate: null));
                    break;
                case "maintenance-http":
                    await WriteApiAsync(target, "/api/v1/maintenance", Text(_inputs.MaintenanceSeeds, () => _inputs.MaintenanceBody(wellFormed: false))).ConfigureAwait(false);
                    break;
                case "silence-http":
                    await WriteApiAsync(target, "/api/v1/silences", Text(_inputs.SilenceSeeds, () => _inputs.SilenceBody(wellFormed: false))).ConfigureAwait(false);
                    break;
                default:
                    Csv(Text(_inputs.CsvSeeds, generate: null));
                    break;
            }
        }

        /// <summary>A seed, a mutated seed, a generated request, or a mutated generated request.</summary>
        private byte[] OtlpBytes(bool json)
        {
            var seeds = json ? _inputs.JsonSeeds : _inputs.ProtobufSeeds;
            var other = _m.Pick(seeds);
            switch (_m.Random.Next(10))
            {
                case 0:
                    return _m.Pick(seeds);
                case 1 or 2 or 3:
                    var request = _inputs.RandomRequest();
                    return json ? ToJson(request) : request.ToByteArray();
                case 4:
                    var generated = _inputs.RandomRequest();
                    var bytes = json ? ToJson(generated) : generated.ToByteArray();
                    return _m.MutateBytes(bytes, other);
                default:
                    return json && _m.Random.Next(2) == 0
                        ? Encoding.UTF8.GetBytes(_m.MutateText(Encoding.UTF8.GetString(_m.Pick(seeds)), Encoding.UTF8.GetString(other)))
                        : _m.MutateBytes(_m.Pick(seeds), other);
            }
        }

        /// <summary>The proto3 JSON of a request; the formatter refuses lone surrogates, which protobuf carries as text.</summary>
        private byte[] ToJson(IMessage request)
        {
            try
            {
                return Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(request));
            }
            catch (ArgumentException)
            {
                return _m.Pick(_inputs.JsonSeeds);
            }
        }

        private string Text(IReadOnlyList<string> seeds, Func<string>? generate)
        {
            var roll = _m.Random.Next(20);
            if (roll == 0)
            {
                return _m.Pick(seeds);
            }

            if (generate is not null && roll < 8)
            {
                return roll < 5 ? generate() : _m.MutateText(generate(), _m.Pick(seeds));
            }

            if (roll == 19)
            {
                return AliasBomb();
            }

            return _m.MutateText(_m.Pick(seeds), _m.Pick(seeds));
        }

        /// <summary>YAML aliases nested a few levels: a parser that expands them multiplies its work.</summary>
        private string AliasBomb()
        {
            var text = new StringBuilder("a: &a [x, x, x, x, x]\n");
            for (var level = 1; level <= 6; level++)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{(char)('a' + level)}: &{(char)('a' + level)} [");
                text.AppendJoin(", ", Enumerable.Repeat($"*{(char)('a' + level - 1)}", 5));
                text.Append("]\n");
            }

            var key = _m.Pick(["alerts", "clusters", "maintenance", "events", "nodes", "cluster", "growth"]);
            text.Append(key).Append(": *g\n");
            return text.ToString();
        }

        /// <summary>
        /// What the fuzzed state feeds: every read API and /metrics answer below 500, and the capacity job (which
        /// reads every cluster's series, on a timer in production) records without throwing.
        /// </summary>
        private async Task CheckStateAsync()
        {
            string[] paths = ["/metrics", "/api/v1/alerts", "/api/v1/clusters", "/api/v1/policy", "/api/v1/maintenance", "/api/v1/silences", "/api/v1/audit", "/api/v1/capacity", "/api/v1/capacity/c1", "/api/v1/capacity/c1/report"];
            foreach (var path in paths)
            {
                try
                {
                    using var response = await client.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
                    if ((int)response.StatusCode >= 500)
                    {
                        Add(new FuzzFinding("state", $"GET {path} answered {(int)response.StatusCode} over the fuzzed state", Encoding.UTF8.GetBytes(path)));
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Find("state", e, Encoding.UTF8.GetBytes(path));
                }
            }

            try
            {
                await capacity.RecordAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Find("state", e, Encoding.UTF8.GetBytes("CapacityService.RecordAsync"));
            }
        }

        private sealed record Current(int Index, long Started, string Target, byte[] Input);

        private void Starting(string target, byte[] input) => _current = new Current(_index, Stopwatch.GetTimestamp(), target, input);

        private void Protobuf(byte[] body)
        {
            Starting("otlp-protobuf", body);
            try
            {
                pipeline.IngestProtobuf(body);
            }
            catch (OtlpDecodeException)
            {
            }
            catch (Exception e)
            {
                Find("otlp-protobuf", e, body);
            }
        }

        private void Json(byte[] body)
        {
            Starting("otlp-json", body);
            try
            {
                pipeline.Ingest(OtlpDecoder.Decode(body, OtlpEncoding.Json));
            }
            catch (OtlpDecodeException)
            {
            }
            catch (Exception e)
            {
                Find("otlp-json", e, body);
            }
        }

        private async Task OtlpHttpAsync()
        {
            var json = _m.Random.Next(3) == 0;
            var body = OtlpBytes(json);
            var gzip = _m.Random.Next(5) == 0;
            var sent = body;
            if (gzip)
            {
                using var buffer = new MemoryStream();
                using (var zip = new GZipStream(buffer, CompressionLevel.Fastest))
                {
                    zip.Write(body);
                }

                sent = buffer.ToArray();
                if (_m.Random.Next(4) == 0)
                {
                    sent = _m.MutateBytes(sent, body);
                }
            }

            using var content = new ByteArrayContent(sent);
            content.Headers.ContentType = new MediaTypeHeaderValue(json ? "application/json" : "application/x-protobuf");
            if (gzip)
            {
                content.Headers.ContentEncoding.Add("gzip");
            }

            await PostAsync("otlp-http", "/v1/metrics", content, sent).ConfigureAwait(false);
        }

        private async Task WriteApiAsync(string target, string path, string body)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var created = await PostAsync(target, path, content, bytes).ConfigureAwait(false);
            // End what was created (bounded state, and the delete path fuzzed too), or now and then delete a made-up id.
            var id = created is null ? null : Id(created);
            if (id is not null || _m.Random.Next(10) == 0)
            {
                id ??= _m.Pick(["0", "-1", "x", "%00", "99999999999999999999", new string('9', 300), Guid.NewGuid().ToString()]);
                var url = path + "/" + Uri.EscapeDataString(id);
                try
                {
                    using var response = await client.DeleteAsync(new Uri(url, UriKind.Relative)).ConfigureAwait(false);
                    if ((int)response.StatusCode >= 500)
                    {
                        Add(new FuzzFinding(target, $"DELETE {url} answered {(int)response.StatusCode}", Encoding.UTF8.GetBytes(url)));
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Find(target, e, Encoding.UTF8.GetBytes(url));
                }
            }
        }

        private static string? Id(string json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var id)
                    ? id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText()
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>Posts; a 5xx or a failed exchange is a finding. Returns the body of a 2xx answer.</summary>
        private async Task<string?> PostAsync(string target, string path, HttpContent content, byte[] input)
        {
            Starting(target, input);
            try
            {
                using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if ((int)response.StatusCode >= 500)
                {
                    Add(new FuzzFinding(target, $"POST {path} answered {(int)response.StatusCode}: {Shorten(text)}", input));
                    return null;
                }

                return response.IsSuccessStatusCode ? text : null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Find(target, e, input);
                return null;
            }
        }

        private void Policy(string yaml)
        {
            Starting("policy-yaml", Encoding.UTF8.GetBytes(yaml));
            try
            {
                _policy.Load([("fuzz.yaml", yaml)]);
            }
            catch (PolicyException)
            {
            }
            catch (Exception e)
            {
                Find("policy-yaml", e, Encoding.UTF8.GetBytes(yaml));
            }
        }

        private void Scenario(string yaml)
        {
            Starting("scenario-yaml", Encoding.UTF8.GetBytes(yaml));
            try
            {
                ScenarioParser.Parse(yaml, "fuzz.yaml");
            }
            catch (ScenarioException)
            {
            }
            catch (Exception e)
            {
                Find("scenario-yaml", e, Encoding.UTF8.GetBytes(yaml));
            }
        }

        private void Csv(string csv)
        {
            var path = Path.Combine(directory, "fuzz.csv");
            var bytes = Encoding.UTF8.GetBytes(csv); // lone surrogates become U+FFFD, as any editor would write them
            File.WriteAllBytes(path, bytes);
            Starting("forecast-csv", bytes);
            try
            {
                if (_counts["forecast-csv"] % options.ForecastEvery == 0)
                {
                    using var stdout = new StringWriter();
                    using var stderr = new StringWriter();
                    ForecastCommand.Run(["--input", path, "--horizon", _m.Pick(["18mo", "7d", "2d", "12w", "36h"])], stdout, stderr);
                }
                else
                {
                    TimeValueCsv.Read(path);
                }
            }
            catch (CliException)
            {
            }
            catch (Exception e)
            {
                Find("forecast-csv", e, bytes);
            }
        }

        private void Find(string target, Exception e, byte[] input) =>
            Add(new FuzzFinding(target, $"{e.GetType().FullName}: {Shorten(e.Message)}\n  at {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}", input));

        private void Add(FuzzFinding finding)
        {
            if (_findings.Count(f => f.Target == finding.Target) < MaxFindingsPerTarget)
            {
                _findings.Add(finding);
                progress?.WriteLine("  finding: " + finding);
            }
        }

        private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

        private void SampleMemory()
        {
            using var process = Process.GetCurrentProcess();
            _peakWorkingSet = Math.Max(_peakWorkingSet, process.WorkingSet64);
        }

        public FuzzReport Report(TimeSpan duration)
        {
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            SampleMemory();
            var problems = new List<string>();
            if (heap > options.MaxHeapBytes)
            {
                problems.Add($"managed heap {heap >> 20} MiB after a full GC is over the bound of {options.MaxHeapBytes >> 20} MiB");
            }

            if (_peakWorkingSet > options.MaxWorkingSetBytes)
            {
                problems.Add($"peak working set {_peakWorkingSet >> 20} MiB is over the bound of {options.MaxWorkingSetBytes >> 20} MiB");
            }

            return new FuzzReport(_counts, _findings, heap, _peakWorkingSet, duration, problems);
        }
    }
}
