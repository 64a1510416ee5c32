using Xunit.Abstractions;

namespace AzLocalMonitor.Integration.Tests.Oracle;

/// <summary>
/// The alerting oracle end to end (issue 10): every <see cref="OracleTable"/> row through the simulator, the real Rules
/// and a real Alertmanager with the shipped routing; 0 missed, 0 extra, at most one page per incident. With
/// AZLM_ORACLE_REPORT set to a path, writes the report there (docs/alerting-oracle.md).
/// </summary>
public sealed class AlertingOracleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EveryScenario_PagesExactlyAsTheOracleSays()
    {
        var run = await OracleBench.RunAsync(OracleTable.All);

        var report = OracleReport.Write(run);
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("AZLM_ORACLE_REPORT") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, report);
        }

        var failures = run.Verdicts.Where(v => !v.Passed).Select(v => $"{v.Row.Name}: missed [{string.Join("; ", v.Missed)}], extra [{string.Join("; ", v.Extra)}]").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\nnotifications:\n" + string.Join("\n", run.Received));
    }
}
