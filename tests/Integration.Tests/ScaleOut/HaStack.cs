using System.Globalization;
using System.Text.Json;
using AzLocalMonitor.Collector;
using AzLocalMonitor.Integration.Tests.Agent;
using AzLocalMonitor.Integration.Tests.Oracle;
using AzLocalMonitor.Integration.Tests.Support;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.ScaleOut;

/// <summary>
/// The HA topology of docs/scale-out.md on loopback, every part real: two Alertmanagers meshed into one cluster with the
/// shipped routing (receivers re-pointed at a <see cref="WebhookSink"/>), two Rules replicas as separate processes (so
/// one can be SIGKILLed) each sending to both Alertmanagers, and one collector (simulated cluster, in-process)
/// exporting every batch to both Rules through its own spool, one cursor per replica.
/// </summary>
public sealed class HaStack : IAsyncDisposable
{
    public const string Sequence = "azlm_agent_batch_sequence";

    private readonly TextWriter _agentOutput = TextWriter.Synchronized(new StringWriter());
    private readonly CancellationTokenSource _stopAgent = new();
    private readonly string _work;
    private readonly string[] _rulesArgs;
    private Task<int>? _agent;

    private HaStack(string work, WebhookSink sink, IReadOnlyList<AlertmanagerServer> alertmanagers, int[] ports, string[] rulesArgs)
    {
        _work = work;
        Sink = sink;
        Alertmanagers = alertmanagers;
        Ports = ports;
        _rulesArgs = rulesArgs;
    }

    public WebhookSink Sink { get; }

    public IReadOnlyList<AlertmanagerServer> Alertmanagers { get; }

    /// <summary>The two Rules replicas; an entry is null while that replica is down.</summary>
    public RulesProcess?[] Rules { get; } = new RulesProcess?[2];

    public int[] Ports { get; }

    public string SpoolPath => Path.Combine(_work, "spool");

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<HaStack> StartAsync()
    {
        var work = Directory.CreateTempSubdirectory("azlm-ha-").FullName;
        var sink = WebhookSink.Start();
        var config = Path.Combine(work, "alertmanager.yml");
        await File.WriteAllTextAsync(config, ShippedAlertmanagerConfig.For(sink.BaseAddress).Text);
        var alertmanagers = await AlertmanagerServer.StartClusterAsync(config, members: 2);
        int[] ports = [FreePort.Next(), FreePort.Next()];
        string[] rulesArgs =
        [
            "--Alertmanager:Urls:0", alertmanagers[0].BaseAddress.ToString(),
            "--Alertmanager:Urls:1", alertmanagers[1].BaseAddress.ToString(),
            "--Series:HistoryLength", "4096",
        ];
        var stack = new HaStack(work, sink, alertmanagers, ports, rulesArgs);
        try
        {
            for (var i = 0; i < 2; i++)
            {
                await stack.StartRulesAsync(i);
            }
        }
        catch
        {
            await stack.DisposeAsync(); // a replica that fails to start must not leave the Alertmanager pair running
            throw;
        }

        return stack;
    }

    /// <summary>Starts replica <paramref name="index"/> (again) on its port, with its own state file.</summary>
    public async Task StartRulesAsync(int index)
    {
        var state = Directory.CreateDirectory(Path.Combine(_work, "rules-" + index.ToString(CultureInfo.InvariantCulture))).FullName;
        Rules[index] = await RulesProcess.StartAsync(Ports[index], state,
            [.. _rulesArgs, "--Alertmanager:GeneratorUrl", $"http://127.0.0.1:{Ports[index]}"]);
    }

    /// <summary>SIGKILL of replica <paramref name="index"/>.</summary>
    public async Task KillRulesAsync(int index)
    {
        await Rules[index]!.KillAsync();
        await Rules[index]!.DisposeAsync();
        Rules[index] = null;
    }

    /// <summary>The collector: <paramref name="scenario"/> exported every second to both replicas (--rules twice).</summary>
    public void StartAgent(string scenario)
    {
        string[] args =
        [
            "--source", "simulated", "--scenario", scenario, "--node", "ha-agent", "--interval", "1s",
            "--rules", $"http://127.0.0.1:{Ports[0]}", "--rules", $"http://127.0.0.1:{Ports[1]}",
            "--spool", SpoolPath, "--retry-max-delay", "1s",
        ];
        _agent = Task.Run(() => CollectorApp.RunAsync(args, _agentOutput, _agentOutput, _stopAgent.Token));
    }

    /// <summary>The sequence number the agent's spool cursor of replica <paramref name="index"/> says it acknowledged.</summary>
    public long Cursor(int index) =>
        long.Parse(File.ReadAllText(Path.Combine(SpoolPath, $"cursor.rules-127.0.0.1-{Ports[index]}")).Trim(), CultureInfo.InvariantCulture);

    /// <summary>The batch sequence numbers replica <paramref name="index"/> holds, oldest first.</summary>
    public async Task<IReadOnlyList<long>> SequencesAsync(int index, string cluster) =>
        [.. (await Rules[index]!.PointsAsync(Http, Sequence, cluster)).Select(p => (long)p.Value)];

    /// <summary>The pending or firing alerts of one name at replica <paramref name="index"/>.</summary>
    public async Task<IReadOnlyList<JsonElement>> AlertsAsync(int index, string name)
    {
        using var doc = JsonDocument.Parse(await Http.GetStringAsync(new Uri(Rules[index]!.BaseAddress, "/api/v1/alerts")));
        return [.. doc.RootElement.GetProperty("alerts").EnumerateArray().Where(a => a.GetProperty("name").GetString() == name).Select(a => a.Clone())];
    }

    /// <summary>Everything the parts said, for a failure message.</summary>
    public string Diagnostics() =>
        "sink:\n" + string.Join('\n', Sink.Received) + "\nagent:\n" + _agentOutput + "\nalertmanagers:\n" + string.Join('\n', Alertmanagers.Select(a => a.Output))
        + "\nrules:\n" + string.Join('\n', Rules.Select(r => r?.Output));

    public async ValueTask DisposeAsync()
    {
        await _stopAgent.CancelAsync();
        if (_agent is not null)
        {
            await _agent.WaitAsync(TimeSpan.FromSeconds(30));
        }

        foreach (var rules in Rules)
        {
            if (rules is not null)
            {
                await rules.DisposeAsync();
            }
        }

        foreach (var alertmanager in Alertmanagers)
        {
            await alertmanager.DisposeAsync();
        }

        await Sink.DisposeAsync();
        Http.Dispose();
        _stopAgent.Dispose();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp directory
        }
    }
}
