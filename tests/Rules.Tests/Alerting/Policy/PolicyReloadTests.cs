using System.Net;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using Google.Protobuf;

namespace AzLocalMonitor.Rules.Tests.Alerting.Policy;

/// <summary>Reloading the policy through the API keeps firing alerts, and a broken file is refused with its errors.</summary>
public sealed class PolicyReloadTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("azlm-policy-").FullName;

    private string UserFile => Path.Combine(_directory, "mine.yaml");

    [Fact]
    public async Task Reload_KeepsFiringAlerts_AndRejectsABrokenFileWithItsErrors()
    {
        await File.WriteAllTextAsync(UserFile, "alerts:\n  - alert: AzLocalCpuHigh\n    for: 0s\n");
        await using var rules = await RunningRules.StartAsync("--Policy:Files:0", UserFile, "--Policy:Watch", "false");
        var hot = new Otlp("c1", "node-1").Gauge(Instruments.NodeCpuUtilization, "1", Otlp.Point(0.95, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())).Build();
        using (var content = new ByteArrayContent(hot.ToByteArray()))
        {
            content.Headers.ContentType = new("application/x-protobuf");
            (await rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), content)).EnsureSuccessStatusCode();
        }

        Assert.Contains("\"name\":\"AzLocalCpuHigh\",\"severity\":\"warning\",\"state\":\"firing\"", await rules.Client.GetStringAsync(new Uri("/api/v1/alerts", UriKind.Relative)), StringComparison.Ordinal);

        await File.WriteAllTextAsync(UserFile, "alerts:\n  - alert: AzLocalCpuHigh\n    for: 0s\n    threshold: 0.9\n");
        using var ok = await rules.Client.PostAsync(new Uri("/api/v1/policy/reload", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var alerts = await rules.Client.GetStringAsync(new Uri("/api/v1/alerts", UriKind.Relative));
        Assert.Contains("\"name\":\"AzLocalCpuHigh\",\"severity\":\"warning\",\"state\":\"firing\"", alerts, StringComparison.Ordinal);

        await File.WriteAllTextAsync(UserFile, "alerts:\n  - alert: AzLocalCpuHigh\n    for: later\n");
        using var bad = await rules.Client.PostAsync(new Uri("/api/v1/policy/reload", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("mine.yaml:3:", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var policy = await rules.Client.GetStringAsync(new Uri("/api/v1/policy", UriKind.Relative));
        Assert.Contains("\"threshold\":0.9", policy, StringComparison.Ordinal); // the previous policy stays in force
    }

    [Fact]
    public async Task ChangingAWatchedFile_ReloadsThePolicy()
    {
        await File.WriteAllTextAsync(UserFile, "alerts:\n  - alert: AzLocalMemoryHigh\n    threshold: 0.85\n");
        await using var rules = await RunningRules.StartAsync("--Policy:Files:0", UserFile);
        Assert.Contains("\"threshold\":0.85", await rules.Client.GetStringAsync(new Uri("/api/v1/policy", UriKind.Relative)), StringComparison.Ordinal);

        await File.WriteAllTextAsync(UserFile, "alerts:\n  - alert: AzLocalMemoryHigh\n    threshold: 0.87\n");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var policy = string.Empty;
        while (DateTime.UtcNow < deadline && !policy.Contains("\"threshold\":0.87", StringComparison.Ordinal))
        {
            await Task.Delay(200);
            policy = await rules.Client.GetStringAsync(new Uri("/api/v1/policy", UriKind.Relative));
        }

        Assert.Contains("\"threshold\":0.87", policy, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
