using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Support;

/// <summary>
/// The real Rules service on Kestrel, in this process, on a free loopback port: <see cref="RunningRules"/>
/// (shared with the Rules and Web tests) plus the Alertmanager it sends to and the scrape target Prometheus needs.
/// </summary>
public sealed class RulesServer : IAsyncDisposable
{
    private readonly RunningRules _rules;

    private RulesServer(RunningRules rules) => _rules = rules;

    public Uri BaseAddress => _rules.BaseAddress;

    /// <summary>host:port, for a Prometheus scrape target.</summary>
    public string Authority => BaseAddress.Authority;

    public static async Task<RulesServer> StartAsync(Uri? alertmanager, params string[] args) =>
        new(await RunningRules.StartAsync(alertmanager is null ? args : [.. args, "--Alertmanager:Url", alertmanager.ToString()]));

    public ValueTask DisposeAsync() => _rules.DisposeAsync();
}
