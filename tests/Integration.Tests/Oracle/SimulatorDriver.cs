using System.Globalization;
using AzLocalMonitor.Collector;

namespace AzLocalMonitor.Integration.Tests.Oracle;

/// <summary>
/// <c>simulate run SCENARIO</c> in-process against Rules, for one oracle row; can be stopped (the cluster's
/// telemetry is cut) and started again (a new run of the same scenario).
/// </summary>
public sealed class SimulatorDriver : IAsyncDisposable
{
    private readonly OracleScenario _row;
    private readonly Uri _rules;
    private readonly TextWriter _output = TextWriter.Synchronized(new StringWriter());
    private CancellationTokenSource? _stop;
    private Task<int>? _run;

    public SimulatorDriver(OracleScenario row, Uri rules)
    {
        _row = row;
        _rules = rules;
    }

    public string Output => _output.ToString() ?? string.Empty;

    public void Start()
    {
        _stop = new CancellationTokenSource();
        string[] args =
        [
            "simulate", "run", _row.Scenario, "--rules", _rules.ToString(), "--interval", "1s", "--agents", _row.Agents,
            "--time-scale", _row.TimeScale.ToString(CultureInfo.InvariantCulture),
        ];
        var token = _stop.Token;
        _run = Task.Run(() => CollectorApp.RunAsync(args, _output, _output, token));
    }

    /// <summary>Stops the run and checks it ended cleanly.</summary>
    public async Task StopAsync()
    {
        if (_stop is null || _run is null)
        {
            return;
        }

        await _stop.CancelAsync();
        var code = await _run.WaitAsync(TimeSpan.FromSeconds(30));
        _stop.Dispose();
        (_stop, _run) = (null, null);
        if (code != 0)
        {
            throw new InvalidOperationException($"simulate run {_row.Scenario} exited {code}:\n{Output}");
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
