using System.Net.Http.Headers;
using AzLocalMonitor.Integration.Tests.Agent;
using AzLocalMonitor.Integration.Tests.Support;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using Google.Protobuf;

namespace AzLocalMonitor.Integration.Tests.RemoteWrite;

/// <summary>
/// What ingest acknowledged survives a SIGKILL of Rules: with the store down, a Rules process acknowledges a run of
/// reports (one cluster each, so every sample is its own series), is killed without warning, and a new Rules on the
/// same buffer folder delivers every one of them to the store once it is up.
/// </summary>
public sealed class RemoteWriteKillNineTests
{
    private const int Reports = 150;

    [Fact]
    public async Task SamplesAcknowledgedBeforeASigkill_ReachTheStoreAfterTheRestart()
    {
        await using var store = VictoriaMetricsServer.NotStarted();
        var state = Directory.CreateTempSubdirectory("azlm-rw-kill9-").FullName;
        string[] args = ["--RemoteWrite:Url", store.WriteUrl.ToString(), "--RemoteWrite:WalPath", Path.Combine(state, "wal"),
            "--RemoteWrite:MinBackoff", "00:00:00.100", "--RemoteWrite:MaxBackoff", "00:00:01", "--History:Path", Path.Combine(state, "history.db")];
        using var http = new HttpClient();

        var rules = await RulesProcess.StartAsync(FreePort.Next(), state, args);
        for (var i = 0; i < Reports; i++)
        {
            using var content = new ByteArrayContent(new Otlp($"k{i:000}", "node-1").Gauge(Instruments.ClusterQuorum, i).Build().ToByteArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
            using var response = await http.PostAsync(new Uri(rules.BaseAddress, "/v1/metrics"), content);
            response.EnsureSuccessStatusCode(); // acknowledged
        }

        await rules.KillAsync();
        await rules.DisposeAsync();

        await store.StartAgainAsync();
        await using var restarted = await RulesProcess.StartAsync(FreePort.Next(), state, args);
        var name = MetricCatalog.All.Single(d => d.Instrument == Instruments.ClusterQuorum).PrometheusName;
        var found = await Poll.UntilAsync(
            async () =>
            {
                var series = await store.ExportAsync(http, $"{{__name__=\"{name}\",cluster=~\"k.*\"}}");
                return series.Count == Reports ? series : null;
            },
            TimeSpan.FromSeconds(120), $"all {Reports} acknowledged samples in the store", () => restarted.Output + store.Output);
        foreach (var series in found)
        {
            var i = int.Parse(series.Labels["cluster"][1..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal([(double)i], series.Values);
        }
    }
}
