using System.Diagnostics;
using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Alerting.Policy;
using AzLocalMonitor.Rules.Cli;
using AzLocalMonitor.Rules.Tests.Alerting.Policy;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Rules.Tests.Alerting.Prometheus;

/// <summary>
/// The same policy as Prometheus alerting rules: the checked-in rules and promtool tests are what the generators
/// produce (a test fails when they drift), promtool accepts the rules, and promtool's run of every policy case
/// agrees with Rules. Set AZLM_UPDATE_GENERATED=1 to rewrite the files.
/// </summary>
public class PrometheusRulesTests
{
    private static string Root => RepoRoot.Path;

    private static string RulesFile => Path.Combine(Root, "deploy", "prometheus-only", "rules", "azlocal.rules.yml");

    private static string TestsFile => Path.Combine(Root, "deploy", "prometheus-only", "tests", "azlocal.rules.test.yml");

    private static bool Update => Environment.GetEnvironmentVariable("AZLM_UPDATE_GENERATED") == "1";

    [Fact]
    public void CheckedInRules_AreWhatThePolicyGenerates()
    {
        string[] args = Update ? ["--output", RulesFile] : ["--output", RulesFile, "--check"];
        var stderr = new StringWriter();

        var code = ExportPrometheusRulesCommand.Run(args, new StringWriter(), stderr);

        Assert.True(code == 0, stderr.ToString());
    }

    [Fact]
    public void CheckedInPromtoolTests_AreWhatThePolicyCasesGenerate()
    {
        var generated = PromtoolTestWriter.Write(PolicyCases.All);
        if (Update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(TestsFile)!);
            File.WriteAllText(TestsFile, generated);
        }

        Assert.True(File.Exists(TestsFile) && File.ReadAllText(TestsFile) == generated,
            $"{TestsFile} is stale: run AZLM_UPDATE_GENERATED=1 dotnet test tests/Rules.Tests --filter PrometheusRulesTests");
    }

    [Fact]
    public void EveryRule_HasTheSeverityLabelAndForOfThePolicy()
    {
        var text = PrometheusRulesWriter.Write(DefaultPolicy.Load(), "test");

        foreach (var rule in DefaultPolicy.Load().Rules.Select(r => r.Definition))
        {
            Assert.Contains($"- alert: {rule.Name}\n", text, StringComparison.Ordinal);
        }

        Assert.Equal(DefaultPolicy.Load().Rules.Count, text.Split("- alert: ").Length - 1); // AzLocalCapacityForecast is a policy rule like the others
        Assert.Contains("- alert: AzLocalCapacityForecast\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Promtool_ChecksTheRules_AndRunsEveryPolicyCase()
    {
        var promtool = Which("promtool");
        Assert.True(promtool is not null, "promtool is not installed: run ./test.sh (it installs the Debian package prometheus).");

        var check = Run(promtool!, "check", "rules", RulesFile);
        Assert.True(check.Code == 0, check.Output);
        var test = Run(promtool!, "test", "rules", TestsFile);
        Assert.True(test.Code == 0, test.Output);
        Assert.Contains("SUCCESS", test.Output, StringComparison.Ordinal);
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(120_000);
        return (process.ExitCode, output.Result + error.Result);
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
